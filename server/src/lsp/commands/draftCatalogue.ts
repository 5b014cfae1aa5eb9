// fmAtlas.draftCatalogue: a draft catalogue file for the cited works the catalogue lacks, which the
// client writes beside the manuscript (the CLI's `fm-atlas catalogue draft` writes the same text).

import type { DRAFT_CATALOGUE_COMMAND } from '../../../../shared/commands';
import { displayPath, DRAFT_FILE_NAME, formatCatalogueDraft } from '../../core';
import type { CommandHandler } from './commandHandler';
import { isRecord, isString } from './readArguments';

/** Drafts the records of a manuscript's cited works and returns the file's text. */
export const draftCatalogue: CommandHandler<typeof DRAFT_CATALOGUE_COMMAND> = {
  parse: (argument) =>
    isRecord(argument) && isString(argument.uri) ? { params: { uri: argument.uri } } : { error: 'Give { uri }.' },
  run: async (session, { uri }, token) => {
    const draft = session.service.draftCatalogue(uri, token);
    if (!draft) {
      return { error: 'Open a LaTeX or Markdown manuscript to draft the records of its cited works.' };
    }
    return {
      text: formatCatalogueDraft(draft, displayPath(uri)),
      fileName: DRAFT_FILE_NAME,
      drafted: draft.models.length,
      catalogued: draft.catalogued,
      older: draft.older,
      undefinedKeys: draft.undefinedKeys,
    };
  },
};
