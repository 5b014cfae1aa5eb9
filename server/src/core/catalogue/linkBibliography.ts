// Feature: Linking the user's bibliography to the catalogue
//
// A bibliography entry is the same work as a catalogue model or dataset when the DOI matches, the
// arXiv id matches, or the normalised title matches. Once linked, every feature cites the work with
// the user's own key, so a paper that cites MedSAM as `ma2024segment` never gets a second entry.

import type { BibliographyIndex } from '../bibtex/bibliographyIndex';
import { parseBibtex } from '../bibtex/parseBibtex';
import { entryContent, type BibEntry } from '../bibtex/bibTypes';
import type { Catalogue } from './catalogue';
import type { DatasetRecord, ModelRecord } from './catalogueTypes';
import { identifyEntry, normalizeDoi, type WorkIdentity } from './workIdentity';
import { defineObjectMemo } from '../base/caches';

/** A catalogue record, model or dataset. */
export type CatalogueRecordRef =
  | { readonly kind: 'model'; readonly record: ModelRecord }
  | { readonly kind: 'dataset'; readonly record: DatasetRecord };

/** A look-up by key, computed on first use. */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

/**
 * The links between one bibliography index and the catalogue. They are found lazily: the claim rules
 * ask for the few keys a document cites, and identifying all 25,000 entries of a large library up
 * front took 200 ms of the first diagnostics. Only the reverse look-up, {@link keyOf}, reads every
 * entry, the first time it is asked.
 */
export interface BibliographyLinks {
  /** The user's key for a catalogue id, when the user's bibliography has the work. */
  readonly keyOf: Lookup<string>;
  /** The catalogue record a user key stands for (the model, when its paper also introduces a dataset). */
  readonly recordOf: Lookup<CatalogueRecordRef>;
  /** Every catalogue record a user key's paper introduces. */
  readonly recordsOf: Lookup<readonly CatalogueRecordRef[]>;
}

/** One paper can introduce a model and a dataset (BiomedCLIP and PMC-15M): identities map to all of them. */
interface CatalogueIdentities {
  readonly byDoi: Map<string, CatalogueRecordRef[]>;
  readonly byArxiv: Map<string, CatalogueRecordRef[]>;
  readonly byTitle: Map<string, CatalogueRecordRef[]>;
}

function addTo(map: Map<string, CatalogueRecordRef[]>, key: string, reference: CatalogueRecordRef): void {
  const list = map.get(key) ?? [];
  if (!list.includes(reference)) {
    list.push(reference);
  }
  map.set(key, list);
}

const identityCache = defineObjectMemo<Catalogue, CatalogueIdentities>();
const linkCache = defineObjectMemo<BibliographyIndex, { catalogue: Catalogue; links: BibliographyLinks }>();

/** The first BibTeX entry of a record's citation text, parsed. */
export function parseRecordBibtex(bibtex: string | null): BibEntry | undefined {
  return bibtex ? parseBibtex(bibtex).file.entries[0] : undefined;
}

function identitiesOf(catalogue: Catalogue): CatalogueIdentities {
  let identities = identityCache.get(catalogue);
  if (identities) {
    return identities;
  }
  identities = { byDoi: new Map(), byArxiv: new Map(), byTitle: new Map() };
  const add = (reference: CatalogueRecordRef, identity: WorkIdentity) => {
    for (const doi of identity.dois) {
      addTo(identities!.byDoi, doi, reference);
    }
    for (const id of identity.arxivIds) {
      addTo(identities!.byArxiv, id, reference);
    }
    // Short titles ("Segment Anything") are distinctive enough; one-word titles are not.
    if (identity.title && identity.title.includes(' ')) {
      addTo(identities!.byTitle, identity.title, reference);
    }
  };
  const references: CatalogueRecordRef[] = [
    ...catalogue.models.map((record) => ({ kind: 'model' as const, record })),
    ...catalogue.datasets.map((record) => ({ kind: 'dataset' as const, record })),
  ];
  for (const reference of references) {
    const record = reference.record;
    const dois = [record.doi, reference.kind === 'model' ? reference.record.published_version?.doi : null]
      .filter((doi): doi is string => !!doi)
      .map(normalizeDoi);
    const arxiv = reference.kind === 'model' && reference.record.arxiv ? [reference.record.arxiv] : [];
    add(reference, { dois, arxivIds: arxiv, title: undefined });
    for (const bibtex of [record.bibtex, reference.kind === 'model' ? reference.record.preprint_bibtex : null]) {
      const entry = parseRecordBibtex(bibtex);
      if (entry) {
        add(reference, identifyEntry(entry));
      }
    }
  }
  identityCache.set(catalogue, identities);
  return identities;
}

/** Links the entries of a bibliography index to catalogue records. */
export function linkBibliography(index: BibliographyIndex, catalogue: Catalogue): BibliographyLinks {
  const cached = linkCache.get(index);
  if (cached && cached.catalogue === catalogue) {
    return cached.links;
  }
  const identities = identitiesOf(catalogue);
  const matchesOf = (entry: BibEntry) => matchCached(entry, identities);
  const byKey = new Map<string, readonly CatalogueRecordRef[] | null>();
  const recordsOf: Lookup<readonly CatalogueRecordRef[]> = {
    get: (key) => {
      let matches = byKey.get(key);
      if (matches === undefined) {
        // Of two entries with one key, the later is the one BibTeX keeps, as a full pass found it.
        const entry = index.byKey.get(key)?.at(-1)?.entry;
        matches = entry ? matchesOf(entry) : null;
        byKey.set(key, matches);
      }
      return matches ?? undefined;
    },
  };
  let reverse: Map<string, string> | undefined;
  const links: BibliographyLinks = {
    recordsOf,
    // A key stands for the model of a paper that also introduces a dataset; both cite with it.
    recordOf: {
      get: (key) => {
        const matches = recordsOf.get(key);
        return matches ? (matches.find((reference) => reference.kind === 'model') ?? matches[0]) : undefined;
      },
    },
    keyOf: {
      get: (id) => {
        if (!reverse) {
          reverse = new Map();
          // Straight from the entries: remembering all 25,000 keys in recordsOf's map would keep them.
          for (const { entry } of index.entries) {
            for (const reference of matchesOf(entry) ?? []) {
              if (!reverse.has(reference.record.id)) {
                reverse.set(reference.record.id, entry.key);
              }
            }
          }
        }
        return reverse.get(id);
      },
    },
  };
  linkCache.set(index, { catalogue, links });
  return links;
}

// Which records an entry is, per catalogue and per entry content (an entry whose text did not change
// keeps its content across re-parses). Only the answer is kept: identities of every entry of a large
// library (its normalised title, DOIs and arXiv ids) took 8 MB for 25,000 entries, nearly all of
// which match nothing (issue 12).
const entryMatches = defineObjectMemo<CatalogueIdentities, WeakMap<object, readonly CatalogueRecordRef[] | null>>();

function matchCached(entry: BibEntry, identities: CatalogueIdentities): readonly CatalogueRecordRef[] | null {
  let matches = entryMatches.get(identities);
  if (!matches) {
    matches = new WeakMap();
    entryMatches.set(identities, matches);
  }
  let found = matches.get(entryContent(entry));
  if (found === undefined) {
    const identity = identifyEntry(entry);
    found =
      identity.dois.map((doi) => identities.byDoi.get(doi)).find(Boolean) ??
      identity.arxivIds.map((id) => identities.byArxiv.get(id)).find(Boolean) ??
      (identity.title ? identities.byTitle.get(identity.title) : undefined) ??
      null;
    matches.set(entryContent(entry), found);
  }
  return found;
}

/** The catalogue's own cite key for a record (from its default BibTeX), if it has one. */
export function catalogueKeyOf(record: ModelRecord | DatasetRecord): string | undefined {
  return parseRecordBibtex(record.bibtex)?.key;
}
