// Feature: Citation hover
//
// Hovering a cite key (in LaTeX, in Markdown, or on an entry's key in a `.bib` file) shows the
// reference rendered in the configured CSL style, its DOI or URL as a link, the first sentences
// of the abstract when the entry has one, and the file and line that define it.

import type { CoreConfig } from '../../config';
import type { LocatedEntry } from '../../bibtex/bibliographyIndex';
import { getField } from '../../bibtex/bibTypes';
import { stripDoiResolver } from '../../catalogue/workIdentity';
import { decodeEntry } from '../../bibtex/decodeEntry';
import { renderReference } from '../../bibtex/renderReference';
import { displayPath } from '../../project/paths';
import type { TextRange } from '../../text/textRange';
import { escapeMarkdown, firstSentences } from '../../util/markdownText';
import type { Workspace } from '../../workspace/workspace';
import { bibliographyIndexFor, findKeyAt } from '../../base/citations';
import { toDoiUrl, toWebUrl } from '../../text/webUrl';

/** A hover: the range it belongs to and Markdown to show. */
export interface HoverResult {
  readonly range: TextRange;
  readonly markdown: string;
}

/** Finds the hover for the cite key under the cursor. */
export function findCitationHover(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): HoverResult | undefined {
  const document = workspace.getDocument(uri);
  if (!document) {
    return undefined;
  }
  const found = findKeyAt(workspace, document, offset);
  if (!found) {
    return undefined;
  }
  let definitions: readonly LocatedEntry[];
  if (found.inBibliography) {
    const entry = workspace
      .bibliography(document)
      .entries.find((candidate) => candidate.keyRange.start === found.range.start);
    definitions = entry ? [{ uri, entry }] : [];
  } else {
    definitions = bibliographyIndexFor(workspace, uri, config).byKey.get(found.key) ?? [];
  }
  if (definitions.length === 0) {
    return {
      range: found.range,
      markdown: `**${escapeMarkdown(found.key)}** is not defined in the bibliographies of this document.`,
    };
  }
  return {
    range: found.range,
    markdown: definitions.map((located) => describeEntryMarkdown(workspace, located, config)).join('\n\n---\n\n'),
  };
}

/** The Markdown card of one entry, shared by hover and completion documentation. */
export function describeEntryMarkdown(workspace: Workspace, located: LocatedEntry, config: CoreConfig): string {
  const { entry, uri } = located;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entry.key)}** · ${escapeMarkdown(entry.type)}`);
  lines.push('', escapeMarkdown(renderReference(entry, config.cslStyle)));
  const decoded = decodeEntry(entry).csl;
  const rawDoi = decoded?.DOI ?? getField(entry, 'doi');
  const doi = rawDoi === undefined ? undefined : stripDoiResolver(rawDoi);
  const url = decoded?.URL ?? getField(entry, 'url');
  const doiUrl = doi ? toDoiUrl(doi) : undefined;
  const webUrl = toWebUrl(url);
  if (doi && doiUrl) {
    lines.push('', `DOI: [${escapeMarkdown(doi)}](${doiUrl.replace(/\(/g, '%28').replace(/\)/g, '%29')})`);
  } else if (webUrl) {
    lines.push('', `[${escapeMarkdown(url!)}](${webUrl.replace(/\(/g, '%28').replace(/\)/g, '%29')})`);
  }
  const abstract = typeof decoded?.abstract === 'string' ? decoded.abstract : getField(entry, 'abstract');
  if (abstract) {
    lines.push('', `> ${escapeMarkdown(firstSentences(abstract, 400))}`);
  }
  const document = workspace.getDocument(uri);
  const line = document ? workspace.lineIndex(document).positionAt(entry.range.start).line + 1 : undefined;
  const where = `${displayPath(uri)}${line ? `:${line}` : ''}`;
  lines.push(
    '',
    `*Defined in* [${escapeMarkdown(where)}](${uri}${line ? `#L${line}` : ''})${entry.complete ? '' : ' (this entry has a syntax error)'}`,
  );
  return lines.join('\n');
}
