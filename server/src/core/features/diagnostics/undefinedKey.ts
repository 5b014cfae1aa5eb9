// Diagnostic: undefined-key
//
// A cite key that no bibliography of the document defines (Error), with "did you mean ...?" from
// the fuzzy index; the quick fix replaces it. Not reported for `\nocite{*}`, for keys that a
// `\bibitem` of the project defines, for Quarto cross-references such as `@fig-x`, or for a
// document without any bibliography (in Markdown `@name` is then likely not a citation at all) or
// whose bibliographies are all missing (missing-bibliography reports the cause once).

import { distance } from 'fastest-levenshtein';
import type { CoreConfig } from '../../config';
import type { BibliographyIndex } from '../../bibtex/bibliographyIndex';
import { collectProjectBibitems } from '../../project/findBibliographies';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import { bibliographyIndexFor, listCitationUses } from '../../base/citations';
import type { CoreDiagnostic } from './diagnosticTypes';
import type { DiagnosticRule, QuickFix, RuleDiagnostic } from './rule';
import { defineTextMemo } from '../../base/caches';

/** Reports the undefined cite keys of a LaTeX or Markdown document. */
function checkUndefinedKeys(workspace: Workspace, document: SourceDocument, config: CoreConfig): RuleDiagnostic[] {
  const index = bibliographyIndexFor(workspace, document.uri, config);
  const bibitems = document.kind === 'latex' ? collectProjectBibitems(workspace, document.uri) : new Set<string>();
  // With no bibliography, or none of those named found (missing-bibliography says which), every
  // key would be undefined for one reason: a real chapter with a mistyped .bib path got one error
  // per citation, 64 of them, burying the one warning that names the cause.
  if (index.missing.length === index.uris.length && bibitems.size === 0) {
    return [];
  }
  const diagnostics: RuleDiagnostic[] = [];
  for (const use of listCitationUses(workspace, document)) {
    // `[@todo]` is a deliberate placeholder (citation-placeholder), not a missing entry.
    if (
      use.key === '*' ||
      use.crossReference ||
      index.byKey.has(use.key) ||
      bibitems.has(use.key) ||
      (document.kind === 'markdown' && /^todo$/i.test(use.key))
    ) {
      continue;
    }
    const suggestions = suggestKeys(index, use.key);
    const hint = suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : '';
    diagnostics.push({
      range: use.range,
      code: 'undefined-key',
      message: `Undefined citation key '${use.key}'.${hint}`,
      suggestions,
    });
  }
  return diagnostics;
}

/**
 * "Replace with 'kirillov2023segany'" for each suggestion of the diagnostic, the first one preferred
 * so that the editor's auto-fix applies it.
 */
function replaceWithSuggestions(uri: string, diagnostic: CoreDiagnostic): QuickFix[] {
  return (diagnostic.suggestions ?? []).map((key, i) => ({
    title: `Replace with '${key}'`,
    edits: [{ uri, range: diagnostic.range, newText: key }],
    diagnostic,
    isPreferred: i === 0,
  }));
}

/** A cite key that no bibliography of the document defines. */
export const undefinedKeyRule: DiagnosticRule = {
  name: 'undefined-key',
  codes: { 'undefined-key': 'error' },
  documentKinds: ['latex', 'markdown'],
  configurable: false,
  summary: 'A key no bibliography of the document defines, with "Did you mean ...?" and a quick fix that replaces it.',
  check: ({ workspace, document, config }) => checkUndefinedKeys(workspace, document, config),
  fixes: ({ uri }, diagnostic) => replaceWithSuggestions(uri, diagnostic),
  examples: [
    {
      fixture:
        '%! main.tex\n\\bibliography{refs}\n\\cite{kirilov2023}\n' +
        '%! refs.bib\n@misc{kirillov2023, title = {SAM}}\n',
      reports: ['undefined-key kirilov2023'],
      fixes: ["Replace with 'kirillov2023'"],
    },
  ],
};

// Suggestions depend only on the bibliography index and the key, and a fuzzy search over a large
// bibliography takes tens of milliseconds, so they are cached per index for the next keystroke.
const suggestionCache = defineTextMemo<{ index: BibliographyIndex; suggestions: string[] }>(5_000);

/** How many keys "Did you mean" offers, and how many search hits it looks at to find them. */
const MAX_SUGGESTIONS = 3;
const SEARCHED_HITS = 20;

/**
 * Keys of the bibliography close to an undefined key, nearest first. The search finds candidates by
 * any field, so a key with no near neighbour would be offered entries that merely share a word of
 * their title; only keys within a few edits of the typed one, or that it begins (a key typed short,
 * `kirillov2023` for `kirillov2023segany`), are offered.
 */
function suggestKeys(index: BibliographyIndex, key: string): string[] {
  const cached = suggestionCache.get(key);
  if (cached?.index === index) {
    return cached.suggestions;
  }
  const typed = key.toLowerCase();
  const suggestions = index
    .search()
    .search(key, SEARCHED_HITS)
    .map((hit) => index.entries[hit.position].entry.key)
    .filter((candidate, position, all) => candidate !== key && all.indexOf(candidate) === position)
    .map((candidate) => ({ candidate, distance: keyDistance(typed, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance !== undefined)
    .sort((a, b) => a.distance! - b.distance!)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ candidate }) => candidate);
  suggestionCache.set(key, { index, suggestions });
  return suggestions;
}

/** Shortest typed key that counts as the beginning of a longer one. */
const MIN_PREFIX_LENGTH = 6;

/**
 * How far a candidate key is from the typed one, or undefined when it is too far to be what the
 * author meant: at most one edit in four characters (two at least), or the typed key begins it.
 */
function keyDistance(typed: string, candidate: string): number | undefined {
  const allowed = Math.max(2, Math.floor(typed.length / 4));
  const edits = distance(typed, candidate);
  if (edits <= allowed) {
    return edits;
  }
  if (typed.length >= MIN_PREFIX_LENGTH && candidate.startsWith(typed)) {
    // Behind every key within a few edits, but before none.
    return allowed + 1;
  }
  return undefined;
}
