// Cite-key ranking in process, the word index beside a scan of every entry (the way before issue 12),
// on the same queries, alternating, so that the two are compared in one run on one machine state.

import { readFileSync } from 'node:fs';
import { parseBibtex } from '../server/src/core/bibtex/parseBibtex';
import { toSearchable } from '../server/src/core/bibtex/bibliographyIndex';
import { CiteSearchIndex, foldEntry } from '../server/src/core/search/citeSearchIndex';
import { hashString, sampleQueries } from './queries';

/** The time of each query with the word index and with a scan, and how long building the word index took. */
export interface RankingTimes {
  readonly indexedMs: number[];
  readonly scanMs: number[];
  readonly buildMs: number;
  readonly sameResults: boolean;
}

/** Ranks `count` sampled queries of a file both ways; the first tenth of each is a warm-up, left out. */
export function benchRanking(path: string, name: string, count: number): RankingTimes {
  const entries = parseBibtex(readFileSync(path, 'utf8')).file.entries;
  // Folded as the server folds them for completion.
  const folded = entries.map((entry) => foldEntry(toSearchable(entry)));
  const indexed = new CiteSearchIndex(folded);
  const t0 = performance.now();
  indexed.prepare();
  const buildMs = performance.now() - t0;
  const scan = new CiteSearchIndex(folded, { scanOnly: true });
  const queries = sampleQueries(entries, count, hashString(name) ^ 0x5bd1e995);
  const indexedMs: number[] = [];
  const scanMs: number[] = [];
  let sameResults = true;
  queries.forEach((query, i) => {
    const a0 = performance.now();
    const byIndex = indexed.search(query.text, 101);
    const a1 = performance.now();
    const byScan = scan.search(query.text, 101);
    const a2 = performance.now();
    if (i >= count / 10) {
      indexedMs.push(a1 - a0);
      scanMs.push(a2 - a1);
    }
    sameResults &&= JSON.stringify(byIndex) === JSON.stringify(byScan);
  });
  return { indexedMs, scanMs, buildMs, sameResults };
}
