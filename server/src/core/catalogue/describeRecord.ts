// The cards of catalogue records, as Markdown for hovers, completion documentation and the
// catalogue browser. Every value from a catalogue file is escaped, so a hostile string in a user's
// catalogue renders as text; links are only made from http(s) URLs.

import { escapeMarkdown } from '../util/markdownText';
import type { Catalogue } from './catalogue';
import type { DatasetRecord, ModelRecord } from './catalogueTypes';
import { toWebUrl } from '../text/webUrl';
import { describeModelYear } from './modelYear';
import { formatParameterCount } from './parameterCount';

/** How the current document can cite a record. */
export interface CitationHint {
  /** The user's own key for the work, when the bibliography has it. */
  readonly userKey?: string;
  /** The catalogue's key, used when the work is not in the bibliography yet. */
  readonly catalogueKey?: string;
  /** The file the BibTeX would be added to. */
  readonly bibliographyName?: string;
  /** How a citation is written in this document's language. */
  readonly format: (key: string) => string;
}

const DASH = '–';

/** The most characters of one catalogue value a card shows: a card is read at a glance, and a 1 MB field must not travel in every hover. */
const MAX_VALUE_LENGTH = 1_000;

function shorten(value: string): string {
  return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
}

function text(value: string | null | undefined): string {
  return value && value.trim() !== '' ? escapeMarkdown(shorten(value)) : DASH;
}

function list(values: readonly string[]): string {
  return values.length > 0 ? shorten(values.join(', ')).split(', ').map(escapeMarkdown).join(', ') : DASH;
}

function link(url: string | null, label?: string): string {
  const href = toWebUrl(url);
  if (!href) {
    return text(url);
  }
  // Parentheses would end the Markdown link target early.
  const target = href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label ?? url!.trim().replace(/^https?:\/\//i, ''))}](${target})`;
}

/** "vision-language · contrastive · 2024" (or "2023, preprint"), the one-line summary of a model. */
export function summarizeModel(model: ModelRecord): string {
  return [model.category, model.paradigm[0], describeModelYear(model)]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' · ');
}

/** "X-ray · chest · 2019", the one-line summary of a dataset. */
export function summarizeDataset(dataset: DatasetRecord): string {
  return ['dataset', dataset.modality.join(', '), dataset.anatomy.join(', '), dataset.year]
    .filter((part) => part !== null && part !== '')
    .join(' · ');
}

/** "632M (image encoder only)", the count with what it covers, or the note alone, or a dash. */
function describeParameters(model: ModelRecord): string {
  if (model.params === null) {
    return text(model.params_note);
  }
  const count = formatParameterCount(model.params);
  return escapeMarkdown(model.params_note ? `${count} (${model.params_note})` : count);
}

function row(label: string, value: string): string {
  return `| ${label} | ${value} |`;
}

/** The card of a model. */
export function describeModelCard(model: ModelRecord, catalogue: Catalogue, citation?: CitationHint): string {
  const base = model.base_model ? catalogue.model(model.base_model) : undefined;
  const family = model.variant_of ? catalogue.model(model.variant_of) : undefined;
  const data = model.pretraining_data.map((item) => {
    const dataset = item.dataset_id ? catalogue.dataset(item.dataset_id) : undefined;
    const name = escapeMarkdown(dataset?.name ?? item.dataset);
    return item.size ? `${name} (${escapeMarkdown(item.size)})` : name;
  });
  const lines = [
    `**${escapeMarkdown(model.name)}** · ${escapeMarkdown(summarizeModel(model))}${model.venue ? ` · ${escapeMarkdown(model.venue)}` : ''}`,
    '',
    '| | |',
    '|---|---|',
    row('Paradigm', list(model.paradigm)),
    row('Architecture', text(model.architecture)),
    row(model.category === 'vision-language' ? 'Vision encoder' : 'Backbone', text(model.backbone)),
    ...(model.category === 'vision-language' || model.language_model
      ? [row('Language model', text(model.language_model))]
      : []),
    row('Parameters', describeParameters(model)),
    row('Modalities', `${list(model.modalities)}${model.dimension ? ` (${escapeMarkdown(model.dimension)})` : ''}`),
    row('Pretraining data', data.length > 0 ? data.join('; ') : DASH),
    row('Tasks', list(model.tasks)),
    row('Base model', base ? escapeMarkdown(base.name) : DASH),
    ...(family ? [row('Family', `a later version of ${escapeMarkdown(family.name)}`)] : []),
    row(
      'Code',
      `${link(model.code_url)}${model.weights_available === true ? ' · weights available' : model.weights_available === false ? ' · no public weights' : ''}`,
    ),
  ];
  if (model.published_version) {
    lines.push(
      row(
        'Published',
        escapeMarkdown(
          `${model.published_version.venue}${model.published_version.year ? ` (${model.published_version.year})` : ''}`,
        ),
      ),
    );
  }
  if (model.first_public_year !== null && model.first_public_year !== model.publication_year) {
    lines.push(row('First public', String(model.first_public_year)));
  }
  if (citation) {
    lines.push('', describeCitation(citation));
  }
  if (model.draft) {
    lines.push('', '*Draft:* drafted from a BibTeX entry by keyword rules; check its fields in your catalogue file.');
  }
  if (model.uncertain.length > 0) {
    lines.push('', `*Less certain:* ${model.uncertain.map(escapeMarkdown).join(' ')}`);
  }
  return lines.join('\n');
}

/** The card of a dataset, with the catalogued models that use it. */
export function describeDatasetCard(dataset: DatasetRecord, catalogue: Catalogue, citation?: CitationHint): string {
  const users = catalogue.modelsUsingDataset(dataset.id).map((model) => escapeMarkdown(model.name));
  const lines = [
    `**${escapeMarkdown(dataset.name)}** · ${escapeMarkdown(summarizeDataset(dataset))}`,
    '',
    '| | |',
    '|---|---|',
    row('Modality', list(dataset.modality)),
    row('Anatomy', list(dataset.anatomy)),
    row('Size', text(dataset.size)),
    row('Annotations', text(dataset.annotations)),
    row('Access', text(dataset.access)),
    row('Link', link(dataset.url)),
    row('Used by', users.length > 0 ? users.join(', ') : DASH),
  ];
  if (citation && dataset.bibtex) {
    lines.push('', describeCitation(citation));
  }
  return lines.join('\n');
}

function describeCitation(citation: CitationHint): string {
  if (citation.userKey) {
    return `Cite: \`${citation.format(citation.userKey)}\` (in your bibliography)`;
  }
  if (citation.catalogueKey) {
    const where = citation.bibliographyName
      ? ` The quick fix adds its BibTeX to ${escapeMarkdown(citation.bibliographyName)}.`
      : '';
    return `Not in your bibliography yet.${where} Cite as \`${citation.format(citation.catalogueKey)}\`.`;
  }
  return 'No BibTeX is catalogued for this work.';
}
