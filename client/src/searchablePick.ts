// A Quick Pick that searches with FM Atlas's own matching (pickerSearch.ts) instead of VS Code's, so
// that a query's words may match different fields in any order. The caller computes the items for
// each query; every item is marked alwaysShow so that VS Code's filter hides none of them. In
// multi-select mode the ticked items are remembered across queries, and OK with nothing ticked either
// takes the focused item or, when the caller says so, keeps the picker open with a warning.

import * as vscode from 'vscode';

/** An item as a caller builds it, or a group separator. */
export type SearchableItem =
  | { readonly separator: string }
  | {
      readonly id: string;
      readonly label: string;
      readonly description?: string;
      readonly detail?: string;
      readonly picked?: boolean;
    };

/** What a searchable picker shows and how it ends. */
export interface SearchablePickOptions {
  readonly title: string;
  readonly placeholder: string;
  readonly canSelectMany: boolean;
  /** The items for a query; the `picked` items of the empty query start ticked. */
  readonly itemsFor: (query: string) => readonly SearchableItem[];
  /** In multi-select mode, the warning for OK with nothing ticked; without it the focused item is taken. */
  readonly emptySelectionWarning?: string;
}

type Item = vscode.QuickPickItem & { readonly id?: string };

function toQuickPickItems(items: readonly SearchableItem[]): Item[] {
  return items.map((item): Item =>
    'separator' in item
      ? { label: item.separator, kind: vscode.QuickPickItemKind.Separator }
      : { label: item.label, description: item.description, detail: item.detail, id: item.id, alwaysShow: true },
  );
}

/** Shows the picker; resolves with the chosen ids (ticked ones in the order ticked), or undefined when dismissed. */
export function showSearchablePick(options: SearchablePickOptions): Promise<string[] | undefined> {
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.canSelectMany = options.canSelectMany;
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  const initial = options.itemsFor('');
  const ticked = new Set(initial.flatMap((item) => ('id' in item && item.picked ? [item.id] : [])));
  let replacing = false;

  const show = (items: readonly SearchableItem[]) => {
    const quickPickItems = toQuickPickItems(items);
    replacing = true;
    quickPick.items = quickPickItems;
    if (options.canSelectMany) {
      quickPick.selectedItems = quickPickItems.filter((item) => item.id !== undefined && ticked.has(item.id));
    }
    // A multi-select Quick Pick focuses no row by itself, so Enter after a query would do nothing:
    // focus the best match, as a single-select picker does.
    const best = quickPickItems.find((item) => item.id !== undefined);
    quickPick.activeItems = best ? [best] : [];
    replacing = false;
  };

  return new Promise((resolve) => {
    let settled = false;
    const finish = (ids: string[] | undefined) => {
      if (!settled) {
        settled = true;
        resolve(ids);
      }
      quickPick.hide();
    };
    quickPick.onDidChangeValue((value) => show(options.itemsFor(value)));
    quickPick.onDidChangeSelection((selection) => {
      if (!options.canSelectMany || replacing) {
        return;
      }
      // Only the shown items can change; ticks on items the query hides stay as they were.
      const selected = new Set(selection.map((item) => item.id));
      for (const item of quickPick.items) {
        if (item.id !== undefined && !selected.has(item.id)) {
          ticked.delete(item.id);
        }
      }
      for (const item of selection) {
        if (item.id !== undefined) {
          ticked.add(item.id);
        }
      }
    });
    quickPick.onDidAccept(() => {
      const focused = quickPick.activeItems[0]?.id;
      if (!options.canSelectMany) {
        if (focused !== undefined) {
          finish([focused]);
        }
        return;
      }
      if (ticked.size > 0) {
        finish([...ticked]);
      } else if (options.emptySelectionWarning) {
        void vscode.window.showWarningMessage(options.emptySelectionWarning);
      } else if (focused !== undefined) {
        finish([focused]);
      }
    });
    quickPick.onDidHide(() => {
      finish(undefined);
      quickPick.dispose();
    });
    show(initial);
    quickPick.show();
  });
}
