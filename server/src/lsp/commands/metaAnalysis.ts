// fmAtlas.metaAnalysis: the charts of a scope with their renderings, and, given the manuscript, what
// it cites and leaves out. A LaTeX chapter counts with its whole project.

import type { META_ANALYSIS_COMMAND, MetaAnalysisScope } from '../../../../shared/commands';
import type { CommandHandler } from './commandHandler';
import { isOneOf, isOptional, isRecord, isString } from './readArguments';

/** Builds the meta-analysis of a scope; without an argument, of the whole catalogue. */
export const metaAnalysis: CommandHandler<typeof META_ANALYSIS_COMMAND> = {
  parse: (argument) => {
    if (argument === undefined || argument === null) {
      return { params: {} };
    }
    if (!isRecord(argument) || !isOptional(argument.scope, isScope) || !isOptional(argument.uri, isString)) {
      return {
        error:
          "Give { scope: 'catalogue' | 'manuscript' | 'user' | 'sheet' } and, for the manuscript or its extraction sheet, uri.",
      };
    }
    return { params: { scope: argument.scope ?? undefined, uri: argument.uri ?? undefined } };
  },
  run: async (session, { scope = 'catalogue', uri }, token) => {
    return session.service.buildMetaAnalysis(scope, uri, token);
  },
};

function isScope(value: unknown): value is MetaAnalysisScope {
  return isOneOf(['catalogue', 'manuscript', 'user', 'sheet'], value);
}
