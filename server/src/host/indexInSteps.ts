// Indexing of large bibliographies on the server's main thread, in steps of a few hundred entries
// with the event loop free in between, so completion and hover keep answering while a 30 MB file is
// indexed. A worker thread was measured first and rejected: copying the parsed entries of the
// 25,000-entry corpus file back to the main thread took 1.5 s, four times the parse itself.

import type { PiecedText } from '../core/text/piecedText';
import { parseBibtexInSteps, type BibParseCache, type BibParseResult } from '../core/bibtex/parseBibtex';

/** Parses a bibliography, yielding to the event loop between steps; `isCurrent` lets a newer text cancel it. */
export async function indexInSteps(
  text: string | PiecedText,
  previous: BibParseCache | undefined,
  isCurrent: () => boolean,
): Promise<BibParseResult | undefined> {
  const steps = parseBibtexInSteps(text, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!isCurrent()) {
      return undefined;
    }
  }
}
