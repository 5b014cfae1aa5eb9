// fmAtlas.comparisonTable: a comparison table of catalogue models in the document's language. The
// BibTeX the table's citations need goes into the bibliography through workspace/applyEdit.

import type { COMPARISON_TABLE_COMMAND } from '../../../../shared/commands';
import { TABLE_COLUMNS, TABLE_SORTS, type TableColumn } from '../../core';
import { toWorkspaceEdit } from '../convert';
import type { CommandHandler } from './commandHandler';
import { isOneOf, isOptional, isRecord, isString, isStringArray } from './readArguments';

const USAGE =
  "Give { models: [...] } and optionally uri, columns, format ('latex' or 'markdown') " +
  `and sort (${TABLE_SORTS.join(', ')}).`;

/** Builds a comparison table and adds the BibTeX it cites to the document's bibliography. */
export const comparisonTable: CommandHandler<typeof COMPARISON_TABLE_COMMAND> = {
  parse: (argument) => {
    if (
      !isRecord(argument) ||
      !isStringArray(argument.models) ||
      !isOptional(argument.uri, isString) ||
      !isOptional(argument.columns, isStringArray) ||
      !isOptional(argument.format, isTableFormat) ||
      !isOptional(argument.sort, isTableSort)
    ) {
      return { error: USAGE };
    }
    // JSON clients may send null for an absent field; the contract says undefined.
    const { models, uri, columns, format, sort } = argument;
    return {
      params: {
        models,
        uri: uri ?? undefined,
        columns: columns ?? undefined,
        format: format ?? undefined,
        sort: sort ?? undefined,
      },
    };
  },
  run: async (session, { uri, models, columns = [], format, sort }, token) => {
    // Unknown columns are left out rather than refused: a picker may remember a column a newer server dropped.
    const known = columns.filter(isTableColumn);
    const request = { models, columns: known, format, sort: TABLE_SORTS.find((id) => id === sort) };
    const result = session.service.buildComparisonTable(uri, request, token);
    if (result.bibliographyEdit) {
      const edit = toWorkspaceEdit(session.workspace, [result.bibliographyEdit]);
      await session.connection.workspace.applyEdit({ label: "Add the table's models to the bibliography", edit });
    }
    return { text: result.text, unknown: result.unknown };
  },
};

function isTableFormat(value: unknown): value is 'latex' | 'markdown' {
  return isOneOf(['latex', 'markdown'], value);
}

function isTableSort(value: unknown): value is string {
  return isOneOf(TABLE_SORTS, value);
}

function isTableColumn(value: string): value is TableColumn {
  return TABLE_COLUMNS.some((column) => column === value);
}
