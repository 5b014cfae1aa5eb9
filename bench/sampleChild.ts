// Samples the LSP benchmark's cite queries and hover keys from a bibliography, in a process of its
// own: parsed in the benchmark's process, a 25,000-entry library stayed alive beside the client that
// times the requests, and that process's garbage collections were timed with them.
// Usage: node --import tsx bench/sampleChild.ts <file.bib> <count> <seed>; prints { queries, hoverKeys } as JSON.

import { readFileSync } from 'node:fs';
import { parseBibtex } from '../server/src/core/bibtex/parseBibtex';
import { sampleHoverKeys, sampleQueries } from './queries';

const [path, count, seed] = process.argv.slice(2);
const entries = parseBibtex(readFileSync(path, 'utf8')).file.entries;
process.stdout.write(
  JSON.stringify({
    queries: sampleQueries(entries, Number(count), Number(seed)),
    hoverKeys: sampleHoverKeys(entries, Number(count), Number(seed)),
  }),
);
