// "FM Atlas: Insert Citation": a picker over the user's own bibliography (the files the manuscript
// uses), searched by key, authors, title, year and DOI, with several keys allowed. The chosen keys go
// in at the cursor as one citation in the project's style (`\citep{a,b}`, `[@a; @b]`), or as bare
// keys when the cursor is already inside a citation. The server lists the entries and says where and
// how the keys go (fmAtlas.listBibliography); citationPicks.ts builds the rows and the text.

import * as vscode from 'vscode';
import { LIST_BIBLIOGRAPHY_COMMAND, type BibliographyListing } from '../../shared/commands';
import { activeManuscript } from './catalogueCommands';
import { buildCitationPickEntries, buildCitationText } from './citationPicks';
import { showSearchablePick } from './searchablePick';
import { runServerCommand } from './serverCommands';

async function listBibliography(editor: vscode.TextEditor): Promise<BibliographyListing | undefined> {
  const { line, character } = editor.selection.active;
  const listing = await runServerCommand(LIST_BIBLIOGRAPHY_COMMAND, {
    uri: editor.document.uri.toString(),
    position: { line, character },
  });
  if (!listing || 'error' in listing) {
    const reason = listing ? listing.error : 'the language server is not running; see the FM Atlas output channel.';
    void vscode.window.showWarningMessage(`FM Atlas: cannot list the bibliography: ${reason}`);
    return undefined;
  }
  return listing;
}

/** FM Atlas: Insert Citation. */
export async function insertCitation(): Promise<void> {
  const editor = activeManuscript();
  if (!editor) {
    return;
  }
  const version = editor.document.version;
  let listing = await listBibliography(editor);
  if (!listing) {
    return;
  }
  if (listing.entries.length === 0) {
    const missing = listing.missing.map((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
    void vscode.window.showWarningMessage(
      missing.length > 0
        ? `FM Atlas: no bibliography entries to cite; not found: ${missing.join(', ')}.`
        : 'FM Atlas: no bibliography entries to cite. Name a bibliography file with \\bibliography{...} or ' +
            '\\addbibresource{...} (LaTeX), or bibliography: in the front matter or _quarto.yml (Markdown).',
    );
    return;
  }
  const entries = listing.entries;
  const keys = await showSearchablePick({
    title: `Insert citation (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'})`,
    placeholder: 'Search by key, author, title, year or DOI; tick several with Space for one citation, Enter inserts',
    canSelectMany: true,
    itemsFor: (query) =>
      buildCitationPickEntries(entries, query).map((entry) => ({
        id: entry.key,
        label: entry.label,
        description: entry.description,
        detail: entry.detail,
      })),
  });
  if (!keys || keys.length === 0) {
    return;
  }
  // The author may have typed while the picker was open: ask again where the keys go.
  if (editor.document.version !== version) {
    listing = await listBibliography(editor);
  }
  const insertion = listing?.insertion;
  if (!insertion) {
    return;
  }
  const text = buildCitationText(insertion, keys);
  const at = new vscode.Position(insertion.position.line, insertion.position.character);
  if (await editor.edit((builder) => builder.insert(at, text))) {
    // The keys may go in after the key the cursor was in; the cursor follows them either way.
    const end = at.translate(0, text.length);
    editor.selection = new vscode.Selection(end, end);
  }
}
