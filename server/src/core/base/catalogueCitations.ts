// How a document cites catalogue works: with the user's key when the bibliography has the work
// (linked by DOI, arXiv id or title), else with the catalogue's key after adding the catalogue's
// BibTeX to the document's own bibliography file, never elsewhere.

import type { CoreConfig } from '../config';
import type { BibliographyIndex } from '../bibtex/bibliographyIndex';
import { parseBibtex } from '../bibtex/parseBibtex';
import type { Catalogue } from '../catalogue/catalogue';
import type { DatasetRecord, ModelRecord } from '../catalogue/catalogueTypes';
import type { CitationHint } from '../catalogue/describeRecord';
import { catalogueKeyOf, linkBibliography, type BibliographyLinks } from '../catalogue/linkBibliography';
import { catalogueFor } from '../catalogue/workspaceCatalogue';
import { collectProjectsOf } from '../project/findBibliographies';
import { displayPath } from '../project/paths';
import type { TextEdit, TextRange } from '../text/textRange';
import type { Workspace } from '../workspace/workspace';
import { bibliographyIndexFor } from './citations';

/** What a document needs to cite catalogue works. */
export interface CitationContext {
  readonly catalogue: Catalogue;
  readonly index: BibliographyIndex;
  readonly links: BibliographyLinks;
  readonly language: 'latex' | 'markdown';
  /** The parenthetical cite command the LaTeX project uses most (\\cite when it uses none): cite, citep, parencite or autocite. */
  readonly citeCommand: string;
  /** The first bibliography file of the document that exists: where new BibTeX goes. */
  readonly targetBibliography?: string;
}

/**
 * A catalogue entry indented as the bibliography's own entries are (tabs, or so many spaces), judged
 * from the first field line of the file; unchanged in a file with no entries.
 */
function indentLike(bibliography: string, bibtex: string): string {
  const indent = /\n([ \t]+)[A-Za-z][\w-]*\s*=/.exec(bibliography)?.[1];
  return indent === undefined ? bibtex : bibtex.replace(/\n[ \t]+(?=\S)/g, `\n${indent}`);
}

/** Builds the citation context of a LaTeX or Markdown document. */
export function citationContextFor(workspace: Workspace, uri: string, config: CoreConfig): CitationContext | undefined {
  const document = workspace.getDocument(uri);
  if (!document || (document.kind !== 'latex' && document.kind !== 'markdown')) {
    return undefined;
  }
  const catalogue = catalogueFor(workspace, config);
  const index = bibliographyIndexFor(workspace, uri, config);
  const targetBibliography = index.uris.find((bibUri) => workspace.getDocument(bibUri)?.kind === 'bibtex');
  // Only inserting features read the cite command, and diagnostics build a context on every edit,
  // so the project's citations are counted on first use.
  let citeCommand: string | undefined;
  return {
    catalogue,
    index,
    links: linkBibliography(index, catalogue),
    language: document.kind,
    targetBibliography,
    get citeCommand() {
      return (citeCommand ??= document.kind === 'latex' ? findHouseCiteCommand(workspace, uri) : 'cite');
    },
  };
}

const PARENTHETICAL_COMMANDS = ['cite', 'citep', 'parencite', 'autocite'];

/**
 * The parenthetical cite command a LaTeX project uses most, so that inserted citations match the
 * author's style (natbib users write \\citep, biblatex users \\parencite or \\autocite).
 */
function findHouseCiteCommand(workspace: Workspace, uri: string): string {
  const counts = new Map<string, number>();
  for (const document of collectProjectsOf(workspace, uri)) {
    for (const argument of workspace.latex(document).citeArguments) {
      const command = argument.command.replace(/^\\/, '').replace(/\*$/, '');
      if (PARENTHETICAL_COMMANDS.includes(command)) {
        counts.set(command, (counts.get(command) ?? 0) + 1);
      }
    }
  }
  return (
    [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || PARENTHETICAL_COMMANDS.indexOf(a[0]) - PARENTHETICAL_COMMANDS.indexOf(b[0]),
    )[0]?.[0] ?? 'cite'
  );
}

/** Writes a citation of one key in the document's language, with the project's cite command in LaTeX. */
export function formatCitation(language: 'latex' | 'markdown', key: string, command = 'cite'): string {
  return language === 'latex' ? `\\${command}{${key}}` : `[@${key}]`;
}

/** Writes "name + citation" as completion inserts it: `MedSAM~\citep{key}` or `MedSAM [@key]`. */
export function formatNameWithCitation(
  language: 'latex' | 'markdown',
  name: string,
  key: string,
  command = 'cite',
): string {
  return language === 'latex' ? `${name}~\\${command}{${key}}` : `${name} [@${key}]`;
}

/** The citation hint of a record for hovers and cards. */
export function citationHintFor(context: CitationContext, record: ModelRecord | DatasetRecord): CitationHint {
  return {
    userKey: context.links.keyOf.get(record.id),
    catalogueKey: catalogueKeyOf(record),
    bibliographyName: context.targetBibliography ? displayPath(context.targetBibliography) : undefined,
    format: (key) => formatCitation(context.language, key, context.citeCommand),
  };
}

/** The key a citation of a record uses, and the edit that adds its BibTeX when the bibliography lacks it. */
export type CitationPlan = { readonly key: string; readonly edit?: TextEdit } | { readonly error: string };

/** Plans citing a catalogue record from a document: the user's key, or the catalogue BibTeX added to the document's bibliography. */
export function planCitation(
  workspace: Workspace,
  context: CitationContext,
  kind: 'model' | 'dataset',
  id: string,
): CitationPlan {
  const record = kind === 'model' ? context.catalogue.model(id) : context.catalogue.dataset(id);
  if (!record) {
    return { error: `'${id}' is not in the catalogue.` };
  }
  const userKey = context.links.keyOf.get(record.id);
  if (userKey) {
    return { key: userKey };
  }
  if (!record.bibtex) {
    return { error: `No BibTeX is catalogued for ${record.name}.` };
  }
  if (!context.targetBibliography) {
    return {
      error:
        'This document names no bibliography file to add the entry to (\\bibliography, \\addbibresource or bibliography: in the front matter).',
    };
  }
  const parsed = parseBibtex(record.bibtex).file.entries[0];
  if (!parsed) {
    return { error: `The catalogued BibTeX of ${record.name} could not be read.` };
  }
  // A different work may already use the catalogue's key in this bibliography: pick a free one.
  let key = parsed.key;
  for (let suffix = 2; context.index.byKey.has(key); suffix++) {
    key = `${parsed.key}-${suffix}`;
  }
  const target = workspace.getDocument(context.targetBibliography)!;
  const notWritable = workspace.whyNotWritable(target.uri);
  if (notWritable) {
    return { error: `FM Atlas does not add ${record.name}'s BibTeX to ${displayPath(target.uri)}: ${notWritable}.` };
  }
  // A large library read in pieces is never read whole (core/text/piecedText.ts): its last entries
  // show its layout and how it ends.
  const sample = target.pieces ? target.pieces.slice(-20).join('') : target.text;
  const bibtex = indentLike(
    sample,
    record.bibtex.slice(0, parsed.keyRange.start) + key + record.bibtex.slice(parsed.keyRange.end),
  );
  // Line endings are compared without carriage returns: the edit takes the file's own line ending later.
  const tail = sample.slice(-4).replace(/\r/g, '');
  const separator = sample.trim() === '' ? '' : tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? '\n' : '\n\n';
  return {
    key,
    edit: {
      uri: target.uri,
      range: { start: target.text.length, end: target.text.length },
      newText: `${separator}${bibtex.trim()}\n`,
    },
  };
}

/** Citing a catalogue record from a document: what to write and the edits that write it. */
export interface CatalogueCitation {
  /** The key cited: the user's own for a work the bibliography has, else the catalogue's, made unique. */
  readonly key: string;
  /** The citation of the key alone in the document's style. */
  readonly citation: string;
  /** The record's name followed by its citation: `MedSAM~\citep{key}`, `MedSAM [@key]`. */
  readonly nameWithCitation: string;
  /**
   * The name with its citation over the range to replace (when one is given) and the BibTeX entry the
   * bibliography lacks (when it lacks one), in one list, so that the editor applies and undoes them at once.
   */
  readonly edits: readonly TextEdit[];
  /** What the edit does, for the editor's undo history: "Cite MedSAM", "Add MedSAM to the bibliography". */
  readonly label: string;
}

/**
 * Plans citing a catalogue record from a LaTeX or Markdown document, and with `replace` writing its name
 * and citation over that range. Undefined when the document is not one FM Atlas can cite from; an error
 * when the record cannot be cited (unknown, no BibTeX catalogued, no bibliography file to add it to).
 */
export function citeCatalogueRecord(
  workspace: Workspace,
  uri: string,
  kind: 'model' | 'dataset',
  id: string,
  config: CoreConfig,
  replace?: TextRange,
): CatalogueCitation | { readonly error: string } | undefined {
  const context = citationContextFor(workspace, uri, config);
  if (!context) {
    return undefined;
  }
  const plan = planCitation(workspace, context, kind, id);
  if ('error' in plan) {
    return plan;
  }
  // planCitation found the record, so the id never stands in for its name.
  const name = (kind === 'model' ? context.catalogue.model(id) : context.catalogue.dataset(id))?.name ?? id;
  const nameWithCitation = formatNameWithCitation(context.language, name, plan.key, context.citeCommand);
  const edits: TextEdit[] = [
    ...(replace ? [{ uri, range: replace, newText: nameWithCitation }] : []),
    ...(plan.edit ? [plan.edit] : []),
  ];
  return {
    key: plan.key,
    citation: formatCitation(context.language, plan.key, context.citeCommand),
    nameWithCitation,
    edits,
    label: replace ? `Cite ${name}` : `Add ${name} to the bibliography`,
  };
}
