// Measures the claim rules on real manuscripts that other people wrote (test/corpus/real-prose for
// development, test/corpus/real-prose-unseen held out): claim diagnostics per 1,000 words of prose,
// per manuscript and per code, and, with --recall, how many of the labelled cited fact sentences of
// test/claims/real-prose/cited-facts.json are flagged once their citations are deleted.
//
// Run: node --import tsx test/claims/evaluateRealProse.ts [corpus folder] [--list] [--recall] [--audit]
//   --list prints every claim diagnostic with its sentence, for labelling.
//   --audit prints how many sentences the citation audit lists per manuscript; --recall also counts
//   how many of the cited facts, their citations deleted, the audit lists.
// The manuscripts are loaded from disk as the CLI and the editor load them (the host's loader), and
// the diagnostics come from the same language service.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createLanguageService,
  DEFAULT_CORE_CONFIG,
  NOT_CANCELLED,
  Workspace,
  type CoreConfig,
  type CoreDiagnostic,
} from '../../server/src/core';
import { extractSentences } from '../../server/src/core/claims/extractSentences';
import { withBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import { WorkspaceLoader } from '../../server/src/host/workspaceLoader';

/** The claim rules' codes: the warning tier and the weaker tiers beside it. */
export const CLAIM_CODES = [
  'untagged-claim',
  'unsourced-attribution',
  'unsourced-comparison',
  'unsourced-figure',
  'unsourced-quotation',
  'misattributed-citation',
] as const;

const ROOT = resolve(__dirname, '../..');
const WORD = /\p{L}[\p{L}'’-]*/gu;

/** One manuscript's figures. */
export interface ManuscriptFigures {
  readonly name: string;
  readonly words: number;
  /** Prose sentences, and how many of them the citation audit lists. */
  readonly sentences: number;
  readonly audited: number;
  readonly counts: Record<string, number>;
  readonly diagnostics: Array<{ file: string; line: number; code: string; message: string; sentence: string }>;
}

/** Loads a folder as the editor and the CLI do, and the language service over it. */
async function loadFolder(folder: string, config: CoreConfig) {
  const workspace = new Workspace();
  const loader = new WorkspaceLoader(workspace, { log: () => undefined });
  await loader.loadFolders([folder]);
  await loader.loadMissingBibliographies(config);
  return { workspace, service: createLanguageService({ workspace, config: () => config }) };
}

/** Loads a folder as the editor would and collects the claim diagnostics of its manuscripts. */
export async function measureManuscript(folder: string, config: CoreConfig): Promise<ManuscriptFigures> {
  const { workspace, service } = await loadFolder(folder, config);
  let words = 0;
  let sentenceCount = 0;
  let audited = 0;
  const counts: Record<string, number> = {};
  const diagnostics: ManuscriptFigures['diagnostics'] = [];
  for (const document of workspace.allDocuments().sort((a, b) => a.uri.localeCompare(b.uri))) {
    if (document.kind !== 'latex' && document.kind !== 'markdown') {
      continue;
    }
    const sentences = extractSentences(workspace, document);
    words += sentences.reduce((sum, sentence) => sum + (sentence.text.match(WORD)?.length ?? 0), 0);
    sentenceCount += sentences.length;
    audited += service.auditCitations(document.uri, NOT_CANCELLED)?.sentences.length ?? 0;
    const found = service
      .collectDiagnostics(document.uri, NOT_CANCELLED)
      .filter((diagnostic: CoreDiagnostic) => (CLAIM_CODES as readonly string[]).includes(diagnostic.code));
    const lines = workspace.lineIndex(document);
    for (const diagnostic of found) {
      counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1;
      diagnostics.push({
        file: relative(ROOT, new URL(document.uri).pathname),
        line: lines.positionAt(diagnostic.range.start).line + 1,
        code: diagnostic.code,
        message: diagnostic.message,
        sentence: document.text.slice(diagnostic.range.start, diagnostic.range.end).replace(/\s+/g, ' '),
      });
    }
  }
  return { name: folder.split('/').pop()!, words, sentences: sentenceCount, audited, counts, diagnostics };
}

interface CitedFact {
  readonly file: string;
  readonly sentence: string;
  readonly citations: readonly string[];
  readonly label: 'fact' | 'not-fact';
}

/**
 * Deletes the citations of each labelled fact sentence in a copy of its manuscript and tells whether
 * an untagged-claim tier then flags it: the recall of the rules on real cited facts.
 */
export async function measureRecall(
  config: CoreConfig,
): Promise<{ flagged: number; audited: number; facts: number; missed: string[] }> {
  const sample = JSON.parse(readFileSync(join(ROOT, 'test/claims/real-prose/cited-facts.json'), 'utf8')) as CitedFact[];
  const facts = sample.filter((item) => item.label === 'fact');
  const byFolder = new Map<string, CitedFact[]>();
  for (const fact of facts) {
    const folder = fact.file.split('/').slice(0, 4).join('/');
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), fact]);
  }
  let flagged = 0;
  // How many the citation audit lists (whether or not a rule flags them).
  let audited = 0;
  const missed: string[] = [];
  for (const [folder, items] of byFolder) {
    const { workspace, service } = await loadFolder(join(ROOT, folder), config);
    for (const item of items) {
      const uri = pathToFileURL(join(ROOT, item.file)).toString();
      const document = workspace.getDocument(uri);
      const at = document?.text.indexOf(item.sentence) ?? -1;
      if (!document || at < 0) {
        missed.push(`(not found) ${item.file}: ${item.sentence.slice(0, 80)}`);
        continue;
      }
      let stripped = item.sentence;
      for (const citation of item.citations) {
        stripped = stripped.replace(citation, '');
      }
      const original = document.text;
      workspace.setDocument(uri, original.slice(0, at) + stripped + original.slice(at + item.sentence.length));
      const found = service
        .collectDiagnostics(uri, NOT_CANCELLED)
        .some(
          (diagnostic) =>
            diagnostic.code !== 'misattributed-citation' &&
            (CLAIM_CODES as readonly string[]).includes(diagnostic.code) &&
            diagnostic.range.start < at + stripped.length &&
            diagnostic.range.end > at,
        );
      const listed = (service.auditCitations(uri, NOT_CANCELLED)?.sentences ?? []).some(
        (sentence) => sentence.range.start < at + stripped.length && sentence.range.end > at,
      );
      audited += Number(listed);
      workspace.setDocument(uri, original);
      if (found) {
        flagged++;
      } else {
        missed.push(`${item.file}: ${stripped.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
  }
  return { flagged, audited, facts: facts.length, missed };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpus = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(ROOT, 'test/corpus/real-prose'));
  const config = withBuiltinCatalogue(DEFAULT_CORE_CONFIG);
  const folders = readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(corpus, entry.name));
  let totalWords = 0;
  const totals: Record<string, number> = {};
  console.log(`${'manuscript'.padEnd(24)} ${'words'.padStart(7)}  ${CLAIM_CODES.map((code) => code).join('  ')}`);
  for (const folder of folders) {
    const figures = await measureManuscript(folder, config);
    totalWords += figures.words;
    const cells = CLAIM_CODES.map((code) => {
      totals[code] = (totals[code] ?? 0) + (figures.counts[code] ?? 0);
      const count = figures.counts[code] ?? 0;
      return `${count} (${((count * 1000) / Math.max(1, figures.words)).toFixed(2)})`.padStart(code.length);
    });
    console.log(`${figures.name.padEnd(24)} ${String(figures.words).padStart(7)}  ${cells.join('  ')}`);
    if (args.includes('--audit')) {
      const share = ((100 * figures.audited) / Math.max(1, figures.sentences)).toFixed(0);
      console.log(`  citation audit: lists ${figures.audited} of ${figures.sentences} sentences (${share}%)`);
    }
    if (args.includes('--list')) {
      for (const item of figures.diagnostics) {
        console.log(`  ${item.file}:${item.line} [${item.code}] ${item.message}\n      ${item.sentence}`);
      }
    }
  }
  const cells = CLAIM_CODES.map((code) =>
    `${totals[code] ?? 0} (${(((totals[code] ?? 0) * 1000) / Math.max(1, totalWords)).toFixed(2)})`.padStart(
      code.length,
    ),
  );
  console.log(`${'total'.padEnd(24)} ${String(totalWords).padStart(7)}  ${cells.join('  ')}`);
  console.log('(count, and per 1,000 words of prose in parentheses)');
  if (args.includes('--recall')) {
    const recall = await measureRecall(config);
    console.log(
      `cited fact sentences flagged once their citations are deleted: ${recall.flagged}/${recall.facts} ` +
        `(${((100 * recall.flagged) / Math.max(1, recall.facts)).toFixed(0)}%); listed by the citation audit: ` +
        `${recall.audited}/${recall.facts} (${((100 * recall.audited) / Math.max(1, recall.facts)).toFixed(0)}%)`,
    );
    for (const line of recall.missed) {
      console.log(`  missed: ${line}`);
    }
  }
}

if (require.main === module) {
  void main();
}
