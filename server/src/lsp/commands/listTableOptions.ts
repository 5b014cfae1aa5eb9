// fmAtlas.listTableOptions: the columns and row orders the comparison table pickers offer, so that
// no editor keeps its own list and the palette's default columns are the code action's.

import type { LIST_TABLE_OPTIONS_COMMAND } from '../../../../shared/commands';
import { listTableChoices } from '../../core';
import type { CommandHandler } from './commandHandler';

/** Lists the comparison table's columns, default columns and row orders; any argument is ignored. */
export const listTableOptions: CommandHandler<typeof LIST_TABLE_OPTIONS_COMMAND> = {
  parse: () => ({ params: {} }),
  run: async () => listTableChoices(),
};
