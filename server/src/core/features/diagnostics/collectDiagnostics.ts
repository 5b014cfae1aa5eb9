// Collects every diagnostic of one document, one check per module.

import type { CoreConfig } from '../../config';
import type { Workspace } from '../../workspace/workspace';
import { checkBibSyntax } from './bibSyntax';
import { checkCatalogueFile } from './catalogueFile';
import type { CoreDiagnostic, DiagnosticOptions } from './diagnosticTypes';
import { checkDuplicateKeys } from './duplicateKey';
import { checkMissingBibliographies } from './missingBibliography';
import { checkUndefinedKeys } from './undefinedKey';
import { checkUnusedEntries } from './unusedEntry';
import { checkClaims } from './claims/checkClaims';
import { checkBibliographyPreprints } from './claims/preprintSuperseded';
import { applySuppressions } from './claims/suppressions';

/** All diagnostics of a document, sorted by position. */
export function collectDiagnostics(workspace: Workspace, uri: string, config: CoreConfig, options: DiagnosticOptions = {}): CoreDiagnostic[] {
  const document = workspace.getDocument(uri);
  if (!document) {
    return [];
  }
  let diagnostics: CoreDiagnostic[] = [];
  if (document.kind === 'bibtex') {
    diagnostics = [
      ...checkBibSyntax(workspace, document), ...checkDuplicateKeys(workspace, document, config), ...checkUnusedEntries(workspace, document, config),
      ...checkBibliographyPreprints(workspace, document, config),
    ];
  } else if (document.kind === 'catalogue') {
    diagnostics = checkCatalogueFile(workspace, document, config);
  } else if (document.kind === 'latex' || document.kind === 'markdown') {
    diagnostics = [...checkMissingBibliographies(workspace, document, config), ...checkUndefinedKeys(workspace, document, config), ...checkClaims(workspace, document, config, options)];
    diagnostics = applySuppressions(document.text, workspace.lineIndex(document), diagnostics);
  }
  return diagnostics.sort((a, b) => a.range.start - b.range.start);
}
