// Feature: User catalogue files
//
// Files such as `my-models.fmatlas.yaml` or `lab.fmatlas.json` add models and datasets to the
// catalogue, or override built-in ones field by field. They are parsed with the `yaml` library
// (YAML 1.2 reads JSON too), validated with ajv against the catalogue schema (catalogueSchema.ts, the
// same as data/catalogue/catalogue.schema.json), and every error is reported at the exact node it
// concerns, as the user types.

import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { isMap, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { TextRange } from '../text/textRange';
import { CATALOGUE_SCHEMA } from './catalogueSchema';
import type { CatalogueFile } from './catalogueTypes';

/** A problem in a catalogue file, with a stable code. */
export interface CatalogueProblem {
  readonly range: TextRange;
  readonly code: 'catalogue-syntax' | 'catalogue-schema' | 'catalogue-duplicate-id';
  readonly message: string;
}

/** A parsed catalogue file: the records that have an id, their offsets, and the problems. */
export interface ParsedCatalogueFile {
  readonly file: CatalogueFile;
  readonly offsets: { readonly models: number[]; readonly datasets: number[] };
  readonly problems: readonly CatalogueProblem[];
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(CATALOGUE_SCHEMA);
  validator(data);
  return [...(validator.errors ?? [])];
}

/** Parses and validates a catalogue file. Never throws. */
export function parseCatalogueFile(text: string): ParsedCatalogueFile {
  const problems: CatalogueProblem[] = [];
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return {
      file: { models: [], datasets: [] },
      offsets: { models: [], datasets: [] },
      problems: [
        { range: { start: 0, end: Math.min(1, text.length) }, code: 'catalogue-syntax', message: String(error) },
      ],
    };
  }
  for (const error of document.errors) {
    problems.push({
      range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      code: 'catalogue-syntax',
      message: error.message.split('\n')[0],
    });
  }
  // An alias bomb (`&a [*b, *b, ...]` nested) makes toJS throw; the file is then reported, not read.
  const data = safeToJS(document);
  if (data === ALIAS_BOMB) {
    problems.push({
      range: { start: 0, end: Math.min(1, text.length) },
      code: 'catalogue-syntax',
      message: 'The file expands YAML aliases more than 100 times (a resource exhaustion pattern); it is not read.',
    });
    return { file: { models: [], datasets: [] }, offsets: { models: [], datasets: [] }, problems };
  }
  if (data === null || data === undefined || text.trim() === '') {
    return { file: { models: [], datasets: [] }, offsets: { models: [], datasets: [] }, problems };
  }
  for (const error of validate(data)) {
    problems.push({
      range: rangeOfError(document, error, text),
      code: 'catalogue-schema',
      message: describeError(error),
    });
  }
  const models = recordsOf(document, data, 'models', problems);
  const datasets = recordsOf(document, data, 'datasets', problems);
  for (const kind of [models, datasets]) {
    const seen = new Map<string, number>();
    kind.records.forEach((record, index) => {
      if (seen.has(record.id)) {
        problems.push({
          range: { start: kind.offsets[index], end: kind.offsets[index] + 1 },
          code: 'catalogue-duplicate-id',
          message: `The id '${record.id}' appears twice in this file; the later record wins.`,
        });
      }
      seen.set(record.id, index);
    });
  }
  return {
    file: {
      models: models.records as CatalogueFile['models'],
      datasets: datasets.records as CatalogueFile['datasets'],
    },
    offsets: { models: models.offsets, datasets: datasets.offsets },
    problems,
  };
}

const ALIAS_BOMB = Symbol('alias bomb');

function safeToJS(document: Document.Parsed): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return error instanceof ReferenceError && /alias/i.test(error.message) ? ALIAS_BOMB : undefined;
  }
}

/** Records with a string id, and their offsets, from one top-level list. */
function recordsOf(
  document: Document.Parsed,
  data: unknown,
  key: 'models' | 'datasets',
  problems: CatalogueProblem[],
): { records: Array<{ id: string }>; offsets: number[] } {
  const list = (data as Record<string, unknown>)?.[key];
  const node = isMap(document.contents) ? document.contents.get(key, true) : undefined;
  const records: Array<{ id: string }> = [];
  const offsets: number[] = [];
  if (!Array.isArray(list)) {
    return { records, offsets };
  }
  list.forEach((item, index) => {
    if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
      const itemNode = isSeq(node) ? (node.items[index] as YamlNode | undefined) : undefined;
      const offset = itemNode?.range?.[0] ?? 0;
      records.push(sanitizeNames(item as { id: string; name?: unknown; aliases?: unknown }, offset, problems));
      offsets.push(offset);
    }
  });
  return { records, offsets };
}

/** The longest name or alias a record may have; a longer one is a mistake, and slows every name search. */
const MAX_NAME_LENGTH = 200;

/**
 * A record whose name and aliases, where it has them, are strings of sane length: the schema reports
 * the rest, but every feature that searches names relies on these. A number as name is read as its
 * text; a name that is not usable is dropped (a record without one only overrides a built-in
 * record's other fields); aliases that are not names are dropped.
 */
function sanitizeNames(
  record: { id: string; name?: unknown; aliases?: unknown },
  offset: number,
  problems: CatalogueProblem[],
): { id: string } {
  const at = { start: offset, end: offset + 1 };
  const id = record.id.slice(0, 80);
  const clean: Record<string, unknown> = { ...record };
  let changed = false;
  if ('name' in record) {
    const name = typeof record.name === 'number' ? String(record.name) : record.name;
    if (typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME_LENGTH) {
      changed ||= name !== record.name;
      clean.name = name;
    } else {
      problems.push({
        range: at,
        code: 'catalogue-schema',
        message: `The name of '${id}' is not a name of 1 to ${MAX_NAME_LENGTH} characters; it is ignored.`,
      });
      delete clean.name;
      changed = true;
    }
  }
  if ('aliases' in record) {
    const aliases = Array.isArray(record.aliases) ? record.aliases : [];
    const usable = aliases.filter(
      (alias): alias is string => typeof alias === 'string' && alias.trim() !== '' && alias.length <= MAX_NAME_LENGTH,
    );
    if (usable.length < aliases.length || !Array.isArray(record.aliases)) {
      problems.push({
        range: at,
        code: 'catalogue-schema',
        message: `Some aliases of '${id}' are not names of 1 to ${MAX_NAME_LENGTH} characters; they are ignored.`,
      });
      clean.aliases = usable;
      changed = true;
    }
  }
  return changed ? (clean as { id: string }) : record;
}

/** The node an ajv error is about: the offending key for unknown properties, else the value. */
function rangeOfError(document: Document.Parsed, error: ErrorObject, text: string): TextRange {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => {
      const unescaped = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
    });
  const node = path.length === 0 ? document.contents : (document.getIn(path, true) as YamlNode | undefined);
  if (error.keyword === 'additionalProperties' && isMap(node)) {
    const pair = node.items.find(
      (item) => (item.key as { value?: unknown } | null)?.value === error.params.additionalProperty,
    );
    const keyNode = pair?.key as YamlNode | undefined;
    if (keyNode?.range) {
      return { start: keyNode.range[0], end: keyNode.range[1] };
    }
  }
  if (node && 'range' in node && node.range) {
    const [start, end] = node.range;
    // A whole mapping is long; its first line is enough to point at it.
    const lineEnd = text.indexOf('\n', start);
    return { start, end: isMap(node) && lineEnd > start ? Math.min(end, lineEnd) : Math.max(end, start + 1) };
  }
  return { start: 0, end: Math.min(1, text.length) };
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'The file' : `'${error.instancePath.slice(1).replace(/\//g, '.')}'`;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown field '${String(error.params.additionalProperty)}'.`;
    case 'required':
      return `${where} needs the field '${String(error.params.missingProperty)}'.`;
    case 'enum':
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'type':
      return `${where} must be ${String(error.params.type)
        .split(',')
        .map((type) => (type === 'null' ? 'null' : `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}`))
        .join(' or ')}.`;
    case 'pattern':
      return `${where} does not match the expected form (${String(error.params.pattern)}).`;
    default:
      return `${where} ${error.message ?? 'is not valid'}.`;
  }
}
