// Text to match literally inside a regular expression built from data (catalogue names, database
// names and reasons of a counts file, values of an extraction sheet).

/** Escapes the characters that have a meaning in a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
