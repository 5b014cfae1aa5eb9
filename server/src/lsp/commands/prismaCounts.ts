// fmAtlas.prismaCounts: the counts of a review's counts file for the editor's picker, each as prose
// writes it, and the review's flow as a paragraph, so that numbers are inserted from the data.

import type { PRISMA_COUNTS_COMMAND } from '../../../../shared/commands';
import type { CommandHandler } from './commandHandler';
import { isRecord, isString } from './readArguments';

/** Lists the counts of the counts file of a manuscript, or of a counts file. */
export const prismaCounts: CommandHandler<typeof PRISMA_COUNTS_COMMAND> = {
  parse: (argument) =>
    isRecord(argument) && isString(argument.uri) ? { params: { uri: argument.uri } } : { error: 'Give { uri }.' },
  run: async (session, { uri }, token) => {
    const list = session.service.listPrismaCounts(uri, token);
    return (
      list ?? {
        error:
          'No PRISMA counts file here: add prisma.csv (the PRISMA2020 template) or a *.prisma.yaml file beside the manuscript or above it.',
      }
    );
  },
};
