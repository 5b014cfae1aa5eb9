// Drafts catalogue records for the works a manuscript cites that the catalogue does not know, so
// that the meta-analysis covers every study a review cites. Each draft is filled from the user's
// BibTeX (title, authors, year, venue, DOI, arXiv id) and from keyword rules over the title and
// abstract (category, modality, task, paradigm), and is marked `draft: true` for the author to
// check: a keyword rule reads "segment" in a title, not the paper.

import type { CoreConfig } from '../config';
import { getField, type BibEntry } from '../bibtex/bibTypes';
import { decodeEntry, stripMarkup } from '../bibtex/decodeEntry';
import { isPreprintEntry } from '../catalogue/preprintEntry';
import type { ModelRecord } from '../catalogue/catalogueTypes';
import { citationContextFor } from '../base/catalogueCitations';
import { listCitationUses } from '../base/citations';
import { collectProjectsOf } from '../project/findBibliographies';
import { stringify } from 'yaml';
import type { Workspace } from '../workspace/workspace';

/** A drafted record: the fields FM Atlas could fill, and the key it was drafted from. */
export type DraftRecord = Partial<ModelRecord> & { readonly id: string; readonly draft: true };

/** The drafts of a manuscript, and what was left out and why. */
export interface CatalogueDraft {
  readonly models: readonly DraftRecord[];
  /** Cited keys already in the catalogue (by DOI, arXiv id or title). */
  readonly catalogued: number;
  /** Cited keys with no entry in the bibliography, which cannot be drafted. */
  readonly undefinedKeys: readonly string[];
  /** Cited works from before 2015 (ResNet, U-Net's precursors), left out: no foundation model is that old. */
  readonly older: number;
}

/** Keyword rules over title and abstract: the first pattern that matches gives the value. */
const MODALITY_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:CT|computed tomography)\b/i, 'CT'],
  [/\b(?:MRI|MR imaging|magnetic resonance)\b/i, 'MRI'],
  [/\bPET\b|positron emission/i, 'PET'],
  [/\b(?:chest x-?rays?|CXR|chest radiograph\w*)\b/i, 'X-ray (chest)'],
  [/\b(?:x-?rays?|radiograph\w*)\b/i, 'X-ray'],
  [/\bmammogra\w*/i, 'mammography'],
  [/\b(?:histopatholog\w*|patholog\w*|whole[- ]slide|WSIs?|H&E)\b/i, 'pathology'],
  [/\bcytolog\w*/i, 'cytology'],
  [/\b(?:fundus|retina\w*|retinal)\b/i, 'fundus photography'],
  [/\b(?:OCT|optical coherence tomography)\b/i, 'OCT'],
  [/\b(?:dermatolog\w*|dermoscop\w*|skin lesions?)\b/i, 'dermoscopy'],
  [/\bechocardiogra\w*/i, 'echocardiography'],
  [/\bultrasound|sonograph\w*/i, 'ultrasound'],
  [/\b(?:endoscop\w*|colonoscop\w*|polyps?)\b/i, 'endoscopy'],
  [/\bsurg(?:ery|ical)\b/i, 'surgical video'],
];
const TASK_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\bsegment\w*/i, 'segmentation'],
  [/\b(?:classif\w*|diagnos\w*)\b/i, 'classification'],
  [/\bdetect\w*/i, 'detection'],
  [/\breport generation|radiology reports?\b|generat\w* reports?/i, 'report generation'],
  [/\b(?:VQA|visual question|question answering)\b/i, 'VQA'],
  [/\bretriev\w*/i, 'retrieval'],
  [/\bregistration\b/i, 'registration'],
  [/\b(?:survival|prognos\w*)\b/i, 'prognosis'],
];
const PARADIGM_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\bsegment anything|\bSAM\b|promptable/i, 'promptable segmentation'],
  [/\b(?:contrastive|CLIP)\b/i, 'contrastive'],
  [/\bmasked (?:image|autoencod\w*)|\bMAE\b/i, 'masked image modeling'],
  [/\b(?:DINO\w*|self-distillation)\b/i, 'self-distillation'],
  [/\binstruction[- ]tun\w*|\b(?:large language|LLM|multimodal large)\b/i, 'generative (instruction tuning)'],
  [/\bself-supervised\b/i, 'self-supervised'],
];
/** What makes a work vision-language rather than vision-only. */
const VISION_LANGUAGE =
  /\b(?:vision[- ]language|language models?|text encoders?|image[- ]text|reports?|CLIP|VQA|question answering|captions?|multimodal large|LLMs?|instruction[- ]tun\w*)\b/i;
/** The earliest year a draft is made for: older works are the field's background, not its studies. */
const FIRST_DRAFT_YEAR = 2015;

/** Lists draft records for the cited works of a manuscript (a LaTeX project, or a Markdown document). */
export function draftCatalogueRecords(workspace: Workspace, uri: string, config: CoreConfig): CatalogueDraft {
  const context = citationContextFor(workspace, uri, config);
  const document = workspace.getDocument(uri);
  if (!context || !document) {
    return { models: [], catalogued: 0, undefinedKeys: [], older: 0 };
  }
  const members = document.kind === 'latex' ? collectProjectsOf(workspace, uri) : [document];
  const keys = [
    ...new Set(
      members.flatMap((member) =>
        listCitationUses(workspace, member)
          .filter((use) => !use.crossReference && use.key !== '*' && !/^todo$/i.test(use.key))
          .map((use) => use.key),
      ),
    ),
  ];
  const taken = new Set(context.catalogue.models.map((model) => model.id));
  const models: DraftRecord[] = [];
  const undefinedKeys: string[] = [];
  let catalogued = 0;
  let older = 0;
  for (const key of keys) {
    const entry = context.index.byKey.get(key)?.[0]?.entry;
    if (!entry) {
      undefinedKeys.push(key);
    } else if (context.links.recordOf.get(key)) {
      catalogued++;
    } else if ((yearOf(entry) ?? FIRST_DRAFT_YEAR) < FIRST_DRAFT_YEAR) {
      older++;
    } else {
      const record = draftRecord(entry, taken);
      taken.add(record.id);
      models.push(record);
    }
  }
  return { models, catalogued, undefinedKeys, older };
}

/** A draft record from one bibliography entry. */
function draftRecord(entry: BibEntry, taken: ReadonlySet<string>): DraftRecord {
  const csl = decodeEntry(entry).csl;
  const title = stripMarkup(csl?.title ?? getField(entry, 'title') ?? entry.key).replace(/[{}]/g, '');
  const text = `${title} ${stripMarkup(csl?.abstract ?? getField(entry, 'abstract') ?? '')}`;
  const year = yearOf(entry);
  const preprint = isPreprintEntry(entry);
  const venue = stripMarkup(csl?.['container-title'] ?? '') || null;
  const arxiv = /\b(\d{4}\.\d{4,5})\b/.exec(
    [getField(entry, 'eprint'), getField(entry, 'journal'), getField(entry, 'url')].join(' '),
  )?.[1];
  return {
    id: uniqueId(entry.key, taken),
    name: shortName(title) ?? entry.key,
    draft: true,
    first_public_year: year,
    publication_year: preprint ? null : year,
    venue: preprint ? 'arXiv' : venue,
    category: VISION_LANGUAGE.test(text) ? 'vision-language' : 'vision-only',
    paradigm: matchAll(PARADIGM_RULES, text),
    modalities: matchAll(MODALITY_RULES, text),
    tasks: matchAll(TASK_RULES, text),
    doi: getField(entry, 'doi') ?? null,
    arxiv: arxiv ?? null,
    bibtex: entry.text,
    sources: [`BibTeX entry '${entry.key}' of the manuscript's bibliography (draft by FM Atlas)`],
    notes:
      'Draft from the BibTeX entry: category, modalities, tasks and paradigm come from keyword rules over the title and abstract; check them and add the rest.',
  };
}

/** The year of an entry's `year` or `date` field, or null. */
function yearOf(entry: BibEntry): number | null {
  return Number(/\d{4}/.exec(getField(entry, 'year') ?? getField(entry, 'date') ?? '')?.[0]) || null;
}

/** Every value whose rule matches, in rule order, once. */
function matchAll(rules: ReadonlyArray<[RegExp, string]>, text: string): string[] {
  return [...new Set(rules.filter(([pattern]) => pattern.test(text)).map(([, value]) => value))];
}

/** "MedSAM" of "MedSAM: segment anything in medical images", when the part before the colon is a name. */
function shortName(title: string): string | undefined {
  const head = /^([^:]{2,30}):\s/.exec(title)?.[1]?.trim();
  return head && head.split(/\s+/).length <= 3 ? head : undefined;
}

/** A catalogue id from a cite key: lower case, the allowed characters only, unique. */
function uniqueId(key: string, taken: ReadonlySet<string>): string {
  const base =
    key
      .toLowerCase()
      .replace(/[^a-z0-9.+-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'work';
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    id = `${base}-${n}`;
  }
  return id;
}

/** The file name a draft is written to beside the manuscript; the default catalogue glob matches it. */
export const DRAFT_FILE_NAME = 'cited-works.fmatlas.yaml';

/** The text of a draft catalogue file: a comment on what it is, then the records as YAML. */
export function formatCatalogueDraft(draft: CatalogueDraft, manuscript: string): string {
  const header =
    `# Drafted by FM Atlas from ${manuscript}: one record per cited work the catalogue does not know.\n` +
    `# Category, modalities, tasks and paradigm come from keyword rules over the title and abstract;\n` +
    `# check every record, complete it, and delete what is not a study.\n`;
  return header + stringify({ models: draft.models }, { lineWidth: 0 });
}
