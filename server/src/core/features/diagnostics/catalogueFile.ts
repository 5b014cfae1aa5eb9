// Diagnostic: catalogue-syntax, catalogue-schema, catalogue-duplicate-id, catalogue-unknown-reference
//
// A user catalogue file (*.fmatlas.json, *.fmatlas.yaml) that does not follow
// data/catalogue/catalogue.schema.json gets an error at the exact node, as the user types; a
// base_model, variant_of or dataset_id that names no catalogue record gets a warning.

import type { CoreConfig } from '../../config';
import { catalogueFor } from '../../catalogue/workspaceCatalogue';
import type { CatalogueProblem } from '../../catalogue/parseCatalogueFile';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import type { Severity } from './diagnosticTypes';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

// Typed by the parser's codes, so that a code it gains cannot be missing here. A duplicate id is a
// warning because the file still works: the later record wins.
const CODES: Readonly<Record<CatalogueProblem['code'] | 'catalogue-unknown-reference', Severity>> = {
  'catalogue-syntax': 'error',
  'catalogue-schema': 'error',
  'catalogue-duplicate-id': 'warning',
  'catalogue-unknown-reference': 'warning',
};

/** Reports the problems of a user catalogue file. */
function checkCatalogueFile(workspace: Workspace, document: SourceDocument, config: CoreConfig): RuleDiagnostic[] {
  const parsed = workspace.catalogueFile(document);
  const diagnostics: RuleDiagnostic[] = parsed.problems.map((problem) => ({
    range: problem.range,
    code: problem.code,
    message: problem.message,
  }));
  const catalogue = catalogueFor(workspace, config);
  parsed.file.models.forEach((model, index) => {
    const offset = parsed.offsets.models[index];
    const at = { start: offset, end: offset + 1 };
    for (const field of ['base_model', 'variant_of'] as const) {
      const id = model[field];
      if (typeof id === 'string' && !catalogue.model(id)) {
        diagnostics.push({
          range: at,
          code: 'catalogue-unknown-reference',
          message: `${field} '${id}' is not a model id of the catalogue.`,
        });
      }
    }
    for (const item of Array.isArray(model.pretraining_data) ? model.pretraining_data : []) {
      if (item && typeof item.dataset_id === 'string' && !catalogue.dataset(item.dataset_id)) {
        diagnostics.push({
          range: at,
          code: 'catalogue-unknown-reference',
          message: `dataset_id '${item.dataset_id}' is not a dataset id of the catalogue.`,
        });
      }
    }
  });
  return diagnostics;
}

/** The problems of a user catalogue file. */
export const catalogueFileRule: DiagnosticRule = {
  name: 'catalogue-file',
  codes: CODES,
  documentKinds: ['catalogue'],
  configurable: false,
  summary: 'Problems in your own catalogue files, at the node: syntax, schema, duplicate ids, unknown references.',
  check: ({ workspace, document, config }) => checkCatalogueFile(workspace, document, config),
  examples: [
    {
      fixture: '%! lab.fmatlas.yaml\nmodels:\n  - id: x\n    year: soon\n    base_model: nope\n  - id: x\n',
      // A record's problems other than the schema's are reported at its first character.
      reports: ['catalogue-unknown-reference i', 'catalogue-schema soon', 'catalogue-duplicate-id i'],
    },
  ],
};
