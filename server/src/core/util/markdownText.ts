/**
 * Escapes text for Markdown so that names and titles from user files never turn into markup,
 * links or HTML. Characters that are markup only at a line start (`-`, `+`, `1.`) are escaped there
 * alone, so the card stays readable in editors that show Markdown as plain text.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>#|~$]/g, (character) => `\\${character}`)
      .replace(/^(\s*)([-+=])/gm, (_match, space: string, marker: string) => `${space}\\${marker}`)
      // An ordered-list marker is neutralised by escaping its dot or parenthesis: digits cannot be escaped.
      .replace(/^(\s*\d+)([.)])/gm, (_match, number: string, delimiter: string) => `${number}\\${delimiter}`)
  );
}

/** Takes the first sentences of a text, up to a length, at a sentence end where possible. */
export function firstSentences(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) {
    return clean;
  }
  const cut = clean.slice(0, maxLength);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  return end > maxLength / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}
