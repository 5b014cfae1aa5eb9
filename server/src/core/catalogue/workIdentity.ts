// How two bibliography records are recognised as the same work: the same DOI, the same arXiv id
// (in any field BibTeX users put it, with or without a version), or the same title once case,
// punctuation, braces and LaTeX accents are ignored.

import { getField, type BibEntry } from '../bibtex/bibTypes';
import { normalizeForSearch } from '../search/normalizeText';

/** The identifiers of one work, normalised for comparison. */
export interface WorkIdentity {
  readonly dois: readonly string[];
  readonly arxivIds: readonly string[];
  readonly title: string | undefined;
}

const ARXIV_ID = /(?:arxiv[:\s./]*(?:abs\/|pdf\/)?|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5})(?:v\d+)?/gi;

/** A DOI as written, without a resolver prefix (`https://doi.org/`), for display and links. */
export function stripDoiResolver(doi: string): string {
  return doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
}

/** Normalises a DOI: lower case, without a resolver prefix. */
export function normalizeDoi(doi: string): string {
  return stripDoiResolver(doi.trim())
    .replace(/^doi:\s*/i, '')
    .toLowerCase();
}

/** Normalises a title: folded as for search, punctuation dropped. */
export function normalizeTitle(title: string): string {
  return normalizeForSearch(title)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds arXiv ids in any text (`arXiv:2304.02643v2`, `https://arxiv.org/abs/2304.02643`). */
export function findArxivIds(text: string): string[] {
  return [...text.matchAll(ARXIV_ID)].map((match) => match[1]);
}

/** The identity of a BibTeX entry: its DOI, arXiv ids from eprint, url, journal, note or howpublished, and title. */
export function identifyEntry(entry: BibEntry): WorkIdentity {
  const doi = getField(entry, 'doi');
  const arxivIds = new Set<string>();
  const eprint = getField(entry, 'eprint');
  const archive = (getField(entry, 'archiveprefix') ?? getField(entry, 'eprinttype') ?? '').toLowerCase();
  if (eprint && /^\d{4}\.\d{4,5}(v\d+)?$/.test(eprint.trim()) && (archive === '' || archive === 'arxiv')) {
    arxivIds.add(eprint.trim().replace(/v\d+$/, ''));
  }
  for (const field of ['url', 'journal', 'journaltitle', 'note', 'howpublished', 'booktitle', 'eprint']) {
    for (const id of findArxivIds(getField(entry, field) ?? '')) {
      arxivIds.add(id);
    }
  }
  const title = getField(entry, 'title');
  return {
    dois: doi ? [normalizeDoi(doi)] : [],
    arxivIds: [...arxivIds],
    title: title ? normalizeTitle(title) : undefined,
  };
}
