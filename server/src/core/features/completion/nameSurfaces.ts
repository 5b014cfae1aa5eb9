// Which catalogue names can be completed in prose, and when a typed word is a plausible start of one.
//
// Measured on real review prose, the first version offered a name for 88 of 148 ordinary words,
// and Enter at a line end accepted it ("... and USFMscans."). The rules below come from that data:
// - Only names and short aliases are offered. Aliases that are titles ("The Cancer Genome Atlas",
//   "A Foundation Model for Cell Segmentation", anything of four or more words, with a colon or
//   "et al.") are never typed as names, and their inner words ("the", "cell") are ordinary prose.
// - A typed word that is ordinary English or medical-imaging vocabulary ("models", "ultrasound",
//   "cardiac", "CT") offers nothing. Only a word typed as a name, with a capital after its first letter
//   ("MedS", "BiomedC", "RETF"), overrides that, unless it is an acronym of the field ("CT", "MRI").
// - A name whose first word is ordinary ("Medical SAM 2", "Models Genesis", "CT-CLIP") is offered
//   only once the typed text reaches past that word ("Medical S", "Models G", "CT-C").
// - A single-word name that is also an ordinary word ("PRISM", "KEEP", "FLAIR") is matched with its
//   case, so "Prism" or "keep" offer nothing; in ordinary casing ("Promise") it is not offered at all.
// - A typed text that already is a complete name, in any case, offers nothing, so Enter after "SAM"
//   ends the line; nor does the complete first word of a longer name ("Lunit" of "Lunit DINO").
// - Words of one or two letters offer nothing: they are mostly the paper's own abbreviations.
// - A word typed in prose casing offers nothing while it may still become an ordinary word ("med" of
//   "medical", "sam" of "sample"), so ordinary typing never flickers a list of names.
// - In a name of several words, the last typed word must not be a complete ordinary word either
//   ("medical segmentation" is prose; "Medical Segmentation D" starts the Decathlon), and every typed
//   word must start in the name's case ("segment an" is prose; "Segment An" starts Segment Anything).

import type { Catalogue } from '../../catalogue/catalogue';
import type { DatasetRecord, ModelRecord } from '../../catalogue/catalogueTypes';
import { isDomainTerm, isOrdinaryWord, isPrefixOfOrdinaryWord } from '../../prose/ordinaryWords';
import { defineObjectMemo } from '../../base/caches';

/** A name or alias of a catalogue record that prose completion may offer. */
export interface NameSurface {
  readonly text: string;
  readonly lower: string;
  readonly kind: 'model' | 'dataset';
  readonly record: ModelRecord | DatasetRecord;
  /** Match with the surface's own case: it is also an ordinary word. */
  readonly caseSensitive: boolean;
  /** The length of a leading ordinary word plus its separator that the typed text must pass, or 0. */
  readonly ordinaryLead: number;
  /** For a name of several words, its first word in lower case: typed alone and complete, it is prose. */
  readonly firstWord: string | undefined;
}

/** The surfaces of a catalogue, and every name and alias as written (for the complete-name test). */
export interface NameSurfaces {
  readonly surfaces: readonly NameSurface[];
  readonly allNames: ReadonlySet<string>;
  /** The same, in lower case: a complete name typed in another case ("Camelyon16") is not completed either. */
  readonly allNamesLower: ReadonlySet<string>;
}

const MAX_WORDS = 3;
/** Two typed letters are too often an abbreviation of the paper's own ("FL", "SA") to offer names. */
const MIN_TYPED = 3;
const MAX_LENGTH = 40;
const cache = defineObjectMemo<Catalogue, NameSurfaces>();

/** The completable surfaces of a catalogue, computed once per catalogue. */
export function nameSurfacesOf(catalogue: Catalogue): NameSurfaces {
  let cached = cache.get(catalogue);
  if (!cached) {
    const surfaces: NameSurface[] = [];
    const allNames = new Set<string>();
    const addRecord = (kind: 'model' | 'dataset', record: ModelRecord | DatasetRecord) => {
      const seen = new Set<string>();
      for (const written of [record.name, ...record.aliases]) {
        for (const text of splitParenthetical(String(written ?? ''))) {
          allNames.add(text);
          const surface = toSurface(text, kind, record);
          if (surface && !seen.has(surface.text)) {
            seen.add(surface.text);
            surfaces.push(surface);
          }
        }
      }
    };
    catalogue.models.forEach((record) => addRecord('model', record));
    catalogue.datasets.forEach((record) => addRecord('dataset', record));
    cached = { surfaces, allNames, allNamesLower: new Set([...allNames].map((name) => name.toLowerCase())) };
    cache.set(catalogue, cached);
  }
  return cached;
}

/** "Segment Anything Model (SAM)" is typed as "Segment Anything Model" or as "SAM". */
function splitParenthetical(text: string): string[] {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text.trim());
  return match ? [match[1], match[2]].filter((part) => part.trim() !== '') : [text.trim()];
}

function toSurface(
  text: string,
  kind: 'model' | 'dataset',
  record: ModelRecord | DatasetRecord,
): NameSurface | undefined {
  const words = text.split(/\s+/);
  if (text.length < 2 || text.length > MAX_LENGTH || words.length > MAX_WORDS || /:|\bet al\b/.test(text)) {
    return undefined;
  }
  const lead = /^[^\s\-‐/]+[\s\-‐/]/.exec(text);
  let caseSensitive = false;
  if (!lead && isOrdinaryWord(text)) {
    // A single word that is also ordinary is a name only in a casing prose does not use.
    if (!/\p{Lu}/u.test(text.slice(1))) {
      return undefined;
    }
    caseSensitive = true;
  }
  // The lead as the name writes it: "MIMIC" in capitals is a name's start, "Medical" or "CT" is prose.
  const ordinaryLead = lead && isOrdinaryTypedWord(lead[0].slice(0, -1)) ? lead[0].length : 0;
  const firstWord = words.length > 1 ? words[0].toLowerCase() : undefined;
  return { text, lower: text.toLowerCase(), kind, record, caseSensitive, ordinaryLead, firstWord };
}

/** Whether a word is typed the way names are: a capital letter or a digit after its first character. */
export function isTypedAsName(word: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(word.slice(1));
}

/** Whether a typed word is ordinary prose that must not pop a name. */
export function isOrdinaryTypedWord(word: string): boolean {
  return isOrdinaryWord(word) && (!isTypedAsName(word) || isDomainTerm(word));
}

/**
 * Whether a word typed in prose casing may still become an ordinary word: "med" may become
 * "medical", so it offers nothing yet; "MedS", typed as a name, and "virch", which starts no
 * English word, do.
 */
function mayBecomeOrdinary(word: string): boolean {
  return !isTypedAsName(word) && isPrefixOfOrdinaryWord(word);
}

/** Whether each word of a typed text starts with the same letter, in the same case, as the name's word. */
function sameInitials(typed: string, name: string): boolean {
  const nameWords = name.split(' ');
  return typed.split(' ').every((word, index) => word[0] === nameWords[index]?.[0]);
}

/**
 * The surfaces that a typed text (one word, or several on one line: "Medical S") plausibly starts,
 * shortest first. `singleWord` is true when the text is just the word at the cursor.
 */
export function matchNameSurfaces(surfaces: NameSurfaces, typed: string, singleWord: boolean): NameSurface[] {
  if (
    surfaces.allNamesLower.has(typed.toLowerCase()) ||
    (singleWord && (typed.length < MIN_TYPED || isOrdinaryTypedWord(typed) || mayBecomeOrdinary(typed)))
  ) {
    return [];
  }
  const lower = typed.toLowerCase();
  const typedWords = lower.split(' ');
  const lastWord = typedWords[typedWords.length - 1];
  // Several words whose last is an ordinary word, complete in the name, are prose ("medical
  // segmentation"); a last word that only starts the name's word ("Segment Any") is not.
  const lastIsOrdinary = !singleWord && isOrdinaryTypedWord(typed.slice(typed.lastIndexOf(' ') + 1));
  return surfaces.surfaces
    .filter(
      (surface) =>
        (surface.caseSensitive ? surface.text.startsWith(typed) : surface.lower.startsWith(lower)) &&
        typed.length > surface.ordinaryLead &&
        !(singleWord && surface.firstWord === lower) &&
        !(lastIsOrdinary && surface.lower.split(' ')[typedWords.length - 1] === lastWord) &&
        (singleWord || sameInitials(typed, surface.text)),
    )
    .sort((a, b) => a.text.length - b.text.length || (a.kind === b.kind ? 0 : a.kind === 'model' ? -1 : 1));
}
