// The built-in catalogue of the `fm-atlas` commands: read by the host from data/catalogue next to
// dist/cli.js and injected into the core configuration, as the server does.

import type { CatalogueLayer } from '../core';
import { readBuiltinCatalogueLayers } from '../host/builtinCatalogueFiles';
import { CliError, EXIT } from './cliError';

/**
 * The built-in catalogue's layers. Throws a CliError (exit 4) when data/catalogue is missing, since
 * lint, tables and figures without the catalogue would be silently wrong rather than empty.
 */
export function requireBuiltinCatalogue(): readonly CatalogueLayer[] {
  const layers = readBuiltinCatalogueLayers();
  if (!layers) {
    throw new CliError(
      `the built-in catalogue (data/catalogue/models.json and datasets.json) is missing next to ${__dirname}; ` +
        'reinstall FM Atlas',
      EXIT.internal,
    );
  }
  return layers;
}
