// fmAtlas.listCatalogue: every model and dataset with what the pickers search by.

import type { LIST_CATALOGUE_COMMAND } from '../../../../shared/commands';
import { catalogueFor, listCatalogueRecords } from '../../core';
import type { CommandHandler } from './commandHandler';

/** Lists the catalogue for pickers; any argument is ignored. */
export const listCatalogue: CommandHandler<typeof LIST_CATALOGUE_COMMAND> = {
  parse: () => ({ params: {} }),
  run: async (session) => listCatalogueRecords(catalogueFor(session.workspace, session.config)),
};
