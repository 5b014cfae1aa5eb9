// fmAtlas.listCatalogue: every model and dataset with what the pickers search by.

import type { LIST_CATALOGUE_COMMAND } from '../../../../shared/commands';
import type { CommandHandler } from './commandHandler';

/** Lists the catalogue for pickers; any argument is ignored. */
export const listCatalogue: CommandHandler<typeof LIST_CATALOGUE_COMMAND> = {
  parse: () => ({ params: {} }),
  run: async (session, _params, token) => session.service.listCatalogue(token),
};
