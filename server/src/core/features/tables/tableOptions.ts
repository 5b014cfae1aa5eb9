// Feature: Comparison table choices for pickers
//
// The columns and row orders a comparison table can have, with the labels a picker shows and the
// columns ticked by default. Editors ask the server for them (fmAtlas.listTableOptions) instead of
// keeping their own lists, so a new column appears in every picker and the palette's default
// columns are the code action's.

import {
  DEFAULT_TABLE_COLUMNS,
  TABLE_COLUMNS,
  TABLE_HEADERS,
  TABLE_SORTS,
  type TableColumn,
  type TableSort,
} from './comparisonTable';

/** A choice of a picker: the id the table options take and the label the picker shows. */
export interface TableChoice<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

/** What a table picker offers. */
export interface TableChoices {
  /** Every column, in table order. */
  readonly columns: ReadonlyArray<TableChoice<TableColumn>>;
  /** The columns ticked by default. */
  readonly defaultColumns: readonly TableColumn[];
  /** The row orders, the default first. */
  readonly sorts: ReadonlyArray<TableChoice<TableSort>>;
}

// The picker's labels are the table's headers, fuller where a header is cut short for a narrow column
// ("Dimension" where the header says "Dim.") or names a row rather than a field ("Name", not "Model").
const COLUMN_LABELS: Readonly<Record<TableColumn, string>> = { ...TABLE_HEADERS, name: 'Name', dimension: 'Dimension' };

const SORT_LABELS: Record<TableSort, string> = {
  year: 'By year',
  name: 'By name',
  category: 'By category',
  given: 'In the order chosen',
};

/** Lists the columns and row orders of a comparison table for a picker, with the default columns. */
export function listTableChoices(): TableChoices {
  return {
    columns: TABLE_COLUMNS.map((id) => ({ id, label: COLUMN_LABELS[id] })),
    defaultColumns: DEFAULT_TABLE_COLUMNS,
    sorts: TABLE_SORTS.map((id) => ({ id, label: SORT_LABELS[id] })),
  };
}
