// fmAtlas.citedModels: the catalogued models a document cites, which the table picker ticks.

import type { CITED_MODELS_COMMAND } from '../../../../shared/commands';
import type { CommandHandler } from './commandHandler';
import { isRecord, isString } from './readArguments';

/** Lists the catalogue ids of the models a document cites, in order of first citation. */
export const citedModels: CommandHandler<typeof CITED_MODELS_COMMAND> = {
  parse: (argument) =>
    isRecord(argument) && isString(argument.uri) ? { params: { uri: argument.uri } } : { error: 'Give { uri }.' },
  run: async (session, { uri }, token) => session.service.findCitedModels(uri, token),
};
