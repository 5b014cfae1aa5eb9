// fmAtlas.recordCard: the Markdown card of a model or dataset, with the citation the document would use.

import type { RECORD_CARD_COMMAND } from '../../../../shared/commands';
import type { CommandHandler } from './commandHandler';
import { isRecord, isRecordKind, isString } from './readArguments';

/** Describes a record as a card; null when the document is not a manuscript or the record is unknown. */
export const recordCard: CommandHandler<typeof RECORD_CARD_COMMAND> = {
  parse: (argument) => {
    if (!isRecord(argument) || !isString(argument.uri) || !isRecordKind(argument.kind) || !isString(argument.id)) {
      return { error: "Give { uri, kind: 'model' | 'dataset', id }." };
    }
    return { params: { uri: argument.uri, kind: argument.kind, id: argument.id } };
  },
  run: async (session, { uri, kind, id }, token) => {
    return session.service.describeRecord(uri, kind, id, token) ?? null;
  },
};
