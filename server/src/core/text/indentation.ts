// Indentation of the documents we insert blocks into. Generated blocks (tables) indent with two spaces
// per level; in a document indented with tabs they take tabs, so that the author's style holds.

/** The indentation unit a text uses: a tab when more indented lines start with a tab than with spaces. */
export function findIndentUnit(text: string): '\t' | undefined {
  let tabs = 0;
  let spaces = 0;
  for (const match of text.matchAll(/^([ \t])[ \t]*\S/gm)) {
    if (match[1] === '\t') {
      tabs++;
    } else {
      spaces++;
    }
  }
  return tabs > spaces ? '\t' : undefined;
}

/** A generated block, indented with two spaces per level, re-indented in a document's own unit. */
export function indentBlockLike(documentText: string, block: string): string {
  if (findIndentUnit(documentText) !== '\t') {
    return block;
  }
  return block.replace(/^((?: {2})+)/gm, (spaces) => '\t'.repeat(spaces.length / 2));
}
