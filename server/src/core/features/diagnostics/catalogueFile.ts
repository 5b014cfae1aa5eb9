// Diagnostic: catalogue-syntax, catalogue-schema, catalogue-duplicate-id, catalogue-unknown-reference
//
// A user catalogue file (*.fmatlas.json, *.fmatlas.yaml) that does not follow
// data/catalogue/catalogue.schema.json gets an error at the exact node, as the user types; a
// base_model or dataset_id that names no catalogue record gets a warning.

import type { CoreConfig } from '../../config';
import { catalogueFor } from '../../catalogue/workspaceCatalogue';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import type { CoreDiagnostic } from './diagnosticTypes';

/** Reports the problems of a user catalogue file. */
export function checkCatalogueFile(workspace: Workspace, document: SourceDocument, config: CoreConfig): CoreDiagnostic[] {
  const parsed = workspace.catalogueFile(document);
  const diagnostics: CoreDiagnostic[] = parsed.problems.map((problem) => ({
    range: problem.range,
    severity: problem.code === 'catalogue-duplicate-id' ? 'warning' : 'error',
    code: problem.code,
    message: problem.message,
  }));
  const catalogue = catalogueFor(workspace, config);
  parsed.file.models.forEach((model, index) => {
    const offset = parsed.offsets.models[index];
    const at = { start: offset, end: offset + 1 };
    if (typeof model.base_model === 'string' && !catalogue.model(model.base_model)) {
      diagnostics.push({ range: at, severity: 'warning', code: 'catalogue-unknown-reference', message: `base_model '${model.base_model}' is not a model id of the catalogue.` });
    }
    for (const item of Array.isArray(model.pretraining_data) ? model.pretraining_data : []) {
      if (item && typeof item.dataset_id === 'string' && !catalogue.dataset(item.dataset_id)) {
        diagnostics.push({ range: at, severity: 'warning', code: 'catalogue-unknown-reference', message: `dataset_id '${item.dataset_id}' is not a dataset id of the catalogue.` });
      }
    }
  });
  return diagnostics;
}
