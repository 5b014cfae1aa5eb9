// Diagnostic: bib-syntax (codes bib-expected-comma, bib-unclosed-value, ...)
//
// BibTeX syntax errors at their exact position in the `.bib` file (Error). The parser recovers at
// the next field or entry, so one error never hides the entries after it.

import type { BibSyntaxErrorCode } from '../../bibtex/bibTypes';
import type { Severity } from './diagnosticTypes';
import type { DiagnosticRule } from './rule';

// Typed by the parser's codes, so that a code it gains cannot be missing here.
const CODES: Readonly<Record<BibSyntaxErrorCode, Severity>> = {
  'bib-expected-key': 'error',
  'bib-expected-equals': 'error',
  'bib-expected-value': 'error',
  'bib-expected-comma': 'error',
  'bib-unclosed-value': 'error',
  'bib-unclosed-entry': 'error',
  'bib-expected-field': 'error',
  'bib-string-too-long': 'error',
};

/** The BibTeX syntax errors of a `.bib` document. */
export const bibSyntaxRule: DiagnosticRule = {
  name: 'bib-syntax',
  codes: CODES,
  documentKinds: ['bibtex'],
  configurable: false,
  summary: 'BibTeX syntax errors at their exact position; one broken entry never hides the others.',
  check: ({ workspace, document }) =>
    workspace.bibliography(document).errors.map((error) => ({
      range: error.range,
      code: error.code,
      message: error.message,
    })),
  examples: [
    {
      fixture: '%! refs.bib\n@article{a, title = {A}year = 2020}\n@article{, title = {B}}\n',
      reports: ['bib-expected-comma y', 'bib-expected-key ,'],
    },
  ],
};
