// Whether a bibliography entry is a preprint (arXiv, medRxiv, bioRxiv) rather than a version of
// record: the preprint-superseded diagnostic and the catalogue draft of cited works both ask.

import { getField, type BibEntry } from '../bibtex/bibTypes';
import { normalizeDoi } from './workIdentity';

const PREPRINT = /arxiv|medrxiv|biorxiv/i;

/** Tells whether an entry cites a preprint server rather than a journal or proceedings. */
export function isPreprintEntry(entry: BibEntry): boolean {
  const doi = getField(entry, 'doi');
  if (doi && !/^10\.(48550|1101)\//.test(normalizeDoi(doi))) {
    return false;
  }
  if (getField(entry, 'booktitle') && !PREPRINT.test(getField(entry, 'booktitle') ?? '')) {
    return false;
  }
  return [
    'journal',
    'journaltitle',
    'eprinttype',
    'archiveprefix',
    'publisher',
    'howpublished',
    'note',
    'url',
    'eprint',
  ].some((field) => PREPRINT.test(getField(entry, field) ?? ''));
}
