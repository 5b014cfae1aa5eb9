// What the tools of the claims evaluation set share: the shape of a case, the built-in catalogue,
// eval.bib linked to it, and the citations of a case. Everything FM Atlas itself knows (the BibTeX
// parse, the links by DOI, arXiv id or title, the cite scanners, what is prose) comes from the core
// modules, so the tools check the set against the server's own reading and never drift from it.

import { indexBibliographies } from '../../server/src/core/bibtex/bibliographyIndex';
import type { BibFile } from '../../server/src/core/bibtex/bibTypes';
import type { Catalogue } from '../../server/src/core/catalogue/catalogue';
import {
  linkBibliography,
  type CatalogueRecordRef,
  type Lookup,
} from '../../server/src/core/catalogue/linkBibliography';
import { scanLatex } from '../../server/src/core/latex/scanLatex';
import { scanMarkdown } from '../../server/src/core/markdown/scanMarkdown';
import { findLatexNonProse } from '../../server/src/core/prose/latexNonProse';
import { loadBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import { Workspace } from '../../server/src/core/workspace/workspace';

/** The codes of the three claim diagnostics, in the order the counts are printed. */
export const CLAIM_CODES = ['untagged-claim', 'misattributed-citation', 'uncited-model-first-mention'] as const;

/** The key a citation placeholder (`\todocite{...}`, `[@todo]`) stands for; it is deliberately not in eval.bib. */
export const PLACEHOLDER_KEY = 'todo';

/** One labelled unit of a case: a sentence, or a heading or table row that must never be flagged. */
export interface ExpectItem {
  /** The first words of the unit, unique in the case's text; the unit runs to the next anchor. */
  readonly sentence: string;
  readonly codes: readonly string[];
  readonly kind?: 'heading' | 'table-row';
  /** Free tags separated by commas, such as `mneg` and `border` (see README.md). */
  readonly note?: string;
}

/** One case of evaluation.json: a paragraph that is its own document, with eval.bib as its bibliography. */
export interface EvaluationCase {
  readonly id: string;
  readonly language: 'latex' | 'markdown';
  readonly context?: 'caption';
  readonly text: string;
  readonly expect: readonly ExpectItem[];
}

/** A citation of a case: where it is and the key it cites ({@link PLACEHOLDER_KEY} for placeholders). */
export interface CaseCitation {
  readonly offset: number;
  readonly key: string;
}

/** eval.bib parsed and linked to the built-in catalogue by the server's own code. */
export interface LinkedBibliography {
  readonly file: BibFile;
  /** Every catalogue record each key is the paper of; empty for general references. */
  readonly recordsOf: Lookup<readonly CatalogueRecordRef[]>;
}

/** The built-in catalogue alone, as a reader of the evaluation set sees it (no user catalogue files). */
export function loadCatalogue(): Catalogue {
  return loadBuiltinCatalogue();
}

/** Parses eval.bib and links its keys to the catalogue, as the diagnostics do for a document that uses it. */
export function linkEvalBib(bibText: string, catalogue: Catalogue): LinkedBibliography {
  const workspace = new Workspace();
  const uri = 'file:///eval/eval.bib';
  const document = workspace.setDocument(uri, bibText)!;
  const links = linkBibliography(indexBibliographies(workspace, [uri]), catalogue);
  return { file: workspace.bibliography(document), recordsOf: links.recordsOf };
}

/** A stable name of a catalogue record for sets and sorting, such as `model:medsam`. */
export function recordName(reference: CatalogueRecordRef): string {
  return `${reference.kind}:${reference.record.id}`;
}

/**
 * The citations of a case in text order, and its text with everything that is not prose (cite keys,
 * math, code, labels, command names) blanked to spaces, so that offsets stay exact and a model name
 * inside a key or a formula is not read as a mention.
 */
export function readCitations(item: EvaluationCase): { citations: CaseCitation[]; prose: string } {
  const citations: CaseCitation[] = [];
  let nonProse;
  if (item.language === 'latex') {
    // `\todocite` is a placeholder, not a cite command of the scanner; naming it makes the scanner report it.
    for (const argument of scanLatex(item.text, ['todocite']).citeArguments) {
      if (argument.command === 'todocite') {
        citations.push({ offset: argument.range.start, key: PLACEHOLDER_KEY });
      } else {
        citations.push(...argument.keys.map((use) => ({ offset: use.range.start, key: use.key })));
      }
    }
    nonProse = findLatexNonProse(item.text);
  } else {
    const syntax = scanMarkdown(item.text);
    // Quarto cross-references (`@fig-dice`) look like citations but cite nothing.
    for (const citation of syntax.citations) {
      if (!citation.crossReference && citation.key !== '') {
        citations.push({ offset: citation.range.start, key: citation.key });
      }
    }
    nonProse = syntax.nonProse;
  }
  const characters = item.text.split('');
  for (const range of nonProse) {
    for (let i = range.start; i < Math.min(range.end, characters.length); i++) {
      if (characters[i] !== '\n') {
        characters[i] = ' ';
      }
    }
  }
  if (item.language === 'latex') {
    // `\%` is a command to the prose scan, but it reads as a per cent sign, as extractSentences shows it.
    for (let at = item.text.indexOf('\\%'); at >= 0; at = item.text.indexOf('\\%', at + 2)) {
      characters[at + 1] = '%';
    }
  }
  citations.sort((a, b) => a.offset - b.offset);
  return { citations, prose: characters.join('') };
}
