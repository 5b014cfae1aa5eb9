// Diagnostic: sheet-format, sheet-uncited, sheet-missing-study
//
// An extraction sheet (extraction.csv, *.extraction.csv) and the manuscripts of its review (the
// LaTeX and Markdown documents in its folder and below) must list the same studies: a row whose
// citation key no manuscript cites is a study the review counts but never cites (a warning at the
// key), and a catalogued model the manuscripts cite with no row is a study the text discusses but the
// counts leave out (one note on the header, naming them: the review may have cited it as background).
// A sheet with no key or model column, or a configured column it lacks, is an error on its header.

import { citationContextFor } from '../../base/catalogueCitations';
import { listCitationUses } from '../../base/citations';
import { parseExtractionSheet } from '../../prisma/extractionSheet';
import { findReviewManuscripts } from '../../prisma/reviewFiles';
import { displayPath } from '../../project/paths';
import type { DiagnosticRule, RuleContext, RuleDiagnostic } from './rule';

function checkSheet({ workspace, document, config }: RuleContext): RuleDiagnostic[] {
  const sheet = parseExtractionSheet(document.text, config.stats.sheetColumns);
  const diagnostics: RuleDiagnostic[] = sheet.problems.map((problem) => ({
    range: problem.range,
    code: 'sheet-format',
    message: problem.message,
  }));
  const manuscripts = findReviewManuscripts(workspace, document.uri);
  if (manuscripts.length === 0 || sheet.columns.key === undefined) {
    return diagnostics;
  }
  const cited = new Set(
    manuscripts.flatMap((manuscript) => listCitationUses(workspace, manuscript).map((use) => use.key)),
  );
  const named =
    manuscripts.length === 1 ? displayPath(manuscripts[0].uri) : `the ${manuscripts.length} manuscripts here`;
  for (const row of sheet.rows) {
    if (row.key && row.keyRange && !cited.has(row.key)) {
      diagnostics.push({
        range: row.keyRange,
        code: 'sheet-uncited',
        message: `${named} never cite${manuscripts.length === 1 ? 's' : ''} '${row.key}': the review counts this study but does not cite it.`,
      });
    }
  }
  // Cited works that the catalogue knows as models, with no row by key or by name.
  const rowKeys = new Set(sheet.rows.map((row) => row.key).filter((key): key is string => key !== undefined));
  const rowNames = new Set(sheet.rows.map((row) => row.name?.toLowerCase()).filter((name): name is string => !!name));
  const missing = new Map<string, string>();
  for (const manuscript of manuscripts) {
    const context = citationContextFor(workspace, manuscript.uri, config);
    for (const use of listCitationUses(workspace, manuscript)) {
      const reference = context?.links.recordOf.get(use.key);
      if (reference?.kind !== 'model' || rowKeys.has(use.key) || missing.has(use.key)) {
        continue;
      }
      const names = [reference.record.name, ...reference.record.aliases].map((name) => name.toLowerCase());
      if (!names.some((name) => rowNames.has(name))) {
        missing.set(use.key, reference.record.name);
      }
    }
  }
  if (missing.size > 0) {
    const listed = [...missing.entries()].map(([key, name]) => `${name} (${key})`);
    const shown = listed.length > 8 ? [...listed.slice(0, 8), `and ${listed.length - 8} more`] : listed;
    const header = document.text.indexOf('\n');
    diagnostics.push({
      range: { start: 0, end: header === -1 ? document.text.length : header },
      code: 'sheet-missing-study',
      message: `${named} cite${manuscripts.length === 1 ? 's' : ''} ${missing.size} catalogued model${missing.size === 1 ? '' : 's'} with no row here: ${shown.join(', ')}. Add ${missing.size === 1 ? 'it' : 'them'} if the review included ${missing.size === 1 ? 'it' : 'them'}.`,
    });
  }
  return diagnostics;
}

/** The studies of an extraction sheet against the manuscripts that cite them. */
export const extractionSheetRule: DiagnosticRule = {
  name: 'extraction-sheet',
  codes: { 'sheet-format': 'error', 'sheet-uncited': 'warning', 'sheet-missing-study': 'information' },
  documentKinds: ['sheet'],
  configurable: false,
  summary:
    'An extraction sheet and its manuscripts list the same studies: rows never cited, cited models with no row, and sheets without a key or model column.',
  check: checkSheet,
  examples: [
    {
      fixture:
        '%! review/extraction.csv\nkey,model,modality\nsmith2024,SmithNet,CT\nlost2023,LostNet,MRI\n' +
        '%! review/main.tex\nWe included SmithNet \\cite{smith2024}.\n',
      path: 'review/extraction.csv',
      reports: ['sheet-uncited lost2023'],
    },
    {
      fixture: '%! review/extraction.csv\nmodality,task\nCT,segmentation\n',
      path: 'review/extraction.csv',
      reports: ['sheet-format modality,task'],
    },
  ],
};
