// fmAtlas.citationAudit: the sentences of a manuscript whose sources the author should check, for
// "FM Atlas: Review Uncited Sentences". The core lists them by offset; the handler converts.

import type { CITATION_AUDIT_COMMAND } from '../../../../shared/commands';
import { toRange } from '../convert';
import { NOT_A_MANUSCRIPT, type CommandHandler } from './commandHandler';
import { isRecord, isString } from './readArguments';

/** Lists the sentences the untagged-claim rule flags and every other uncited sentence that is not the author's own. */
export const citationAudit: CommandHandler<typeof CITATION_AUDIT_COMMAND> = {
  parse: (argument) =>
    isRecord(argument) && isString(argument.uri) ? { params: { uri: argument.uri } } : { error: 'Give { uri }.' },
  run: async (session, { uri }, token) => {
    const { workspace } = session;
    const document = workspace.getDocument(uri);
    if (!document) {
      return NOT_A_MANUSCRIPT;
    }
    const audit = session.service.auditCitations(document.uri, token);
    if (!audit) {
      return {
        error:
          'This document has no bibliography and cites nothing, so FM Atlas does not check its claims; add a bibliography (\\bibliography{...}, or bibliography: in the front matter).',
      };
    }
    return {
      sentenceCount: audit.sentenceCount,
      sentences: audit.sentences.map((sentence) => ({
        range: toRange(workspace, document, sentence.range),
        text: sentence.text,
        code: sentence.code ?? null,
        why: sentence.why,
        markChecked: {
          range: toRange(workspace, document, sentence.markChecked.range),
          newText: sentence.markChecked.newText,
        },
      })),
    };
  },
};
