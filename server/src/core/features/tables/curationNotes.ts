// Facts only in table cells: removing the curators' notes from catalogue values.
//
// The catalogue's facts are free text, and its curators sometimes wrote where they read a value
// into the value itself, mostly in parentheses: "~882k images (per secondary listing)", "60k samples
// (file name)", "96k CTs (README also says 90k unlabeled CT)", and a few times outside them: "SAM
// ViT-B in the README examples", a size that is only the file it was read from. Such remarks belong
// in `sources`, `notes` or `uncertain`, which tables never print; a reader of the review must not see
// them. Other parentheses are facts and stay: "pathology (H&E)", "ViT-B (SAM vit_b)", "8B (v1.5)",
// "Nature Communications 2024 (arXiv 2023)", "10,675 (MICCAI paper)" (which version has that size).
//
// The rule: a note is a clause that names where a value was read or how sure the curators are of it
// (a README, a paper's title or abstract, a script or config that "points to" something, a file
// name, a secondary source or listing, a Hugging Face collection or model card, an arXiv version,
// "not verified"). A parenthesised remark is split into clauses at ";" and ","; the value outside
// parentheses, only at ";", since its commas separate facts. A phrase such as "per <source>" or "in
// the README" is cut from a clause that says more; a clause that is a note goes, and a remark with no
// clause left goes with its parentheses.

/** Clauses that name where a value was read, or that it was not checked. */
const NOTE_PATTERNS: readonly RegExp[] = [
  /\bREADMEs?\b/i,
  /\bfile ?names?\b/i,
  /\b(?:paper|journal|arXiv) (?:title|abstract)\b/i,
  /\bsecondary (?:sources?|listings?|references?|records?)\b/i,
  /\blisted as\b.*\bby\b/i,
  /^(?:dataset |value )?as (?:described|stated|reported|listed)$/i,
  /\b(?:not|un) ?(?:verified|confirmed|checked)\b/i,
  /\bHugging ?Face (?:collection|model card|page)\b/i,
  /\bmodel card\b/i,
  /\barXiv v\d+\b/i,
  /\b(?:config|script|code)\b.*\bpoints?\b.*\bto\b/i,
  // A file the curators read the value from, such as "train_unimed.json".
  /\b[\w.-]+\.(?:json|jsonl|csv|tsv|ya?ml|txt|py|sh|ipynb)\b/i,
];

/** What a curator names after "per" as where a value was read. */
const SOURCES = [
  'README',
  'paper',
  'title',
  'abstract',
  'script',
  'config',
  'code',
  'sources?',
  'listings?',
  'model card',
  'model zoo',
  'website',
  'repository',
  'authors?',
].join('|');

/** Where a value was read, as a phrase in a longer clause: "8 modalities per README", "in the README examples". */
const SOURCE_PHRASE = new RegExp(
  `\\s*\\b(?:per (?:the )?(?:[\\w-]+ ){0,2}(?:${SOURCES})|in the READMEs?(?: examples?)?)(?=$|[\\s;,)])`,
  'gi',
);

/** Whether a clause is a curation note (see the rule above). */
function isNoteClause(clause: string): boolean {
  const trimmed = clause.trim();
  return trimmed === '' || NOTE_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/**
 * Text without its note clauses, split at the separators given; the separators between the clauses
 * that stay are kept, so that what stays reads exactly as the curators wrote it. Undefined when
 * nothing factual is left.
 */
function keepFactClauses(text: string, separators: RegExp): string | undefined {
  const parts = text.split(separators);
  const kept: string[] = [];
  // With a capturing group in the separators, split puts the clauses at even indices.
  for (let index = 0; index < parts.length; index += 2) {
    const clause = parts[index].replace(SOURCE_PHRASE, '').trim();
    if (!isNoteClause(clause)) {
      kept.push(...(kept.length > 0 ? [parts[index - 1]] : []), clause);
    }
  }
  return kept.length > 0 ? kept.join('') : undefined;
}

/**
 * Removes the curators' notes from a catalogue value (see the rule above), keeping factual
 * parentheses; returns undefined when nothing is left.
 */
export function stripCurationNotes(value: string): string | undefined {
  const withoutRemarks = value.replace(/\s*\(([^()]*)\)/g, (whole, remark: string) => {
    const facts = keepFactClauses(remark, /(\s*[;,]\s*)/);
    return facts === undefined ? '' : whole.replace(`(${remark})`, `(${facts})`);
  });
  const facts = keepFactClauses(withoutRemarks, /(\s*;\s*)/);
  return facts === value.trim() ? facts : facts?.replace(/\s*[;,]\s*$/, '');
}
