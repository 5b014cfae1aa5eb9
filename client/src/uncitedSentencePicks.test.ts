import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CitationAuditResult } from '../../shared/commands';
import { describeAudit, describeAuditedSentence, shortenSentence } from './uncitedSentencePicks';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const sentence = (line: number, text: string, code: string | null, why: string) => ({
  range: at(line),
  text,
  code,
  why,
  markChecked: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '% x\n' },
});
const RESULT: CitationAuditResult = {
  sentenceCount: 40,
  sentences: [
    sentence(11, 'MedSAM reaches 90\\% Dice on abdominal CT.', 'untagged-claim', 'names MedSAM'),
    sentence(
      20,
      'It outperforms $(x) earlier models.',
      'unsourced-comparison',
      "makes a comparative claim ('outperforms')",
    ),
    sentence(31, 'Annotation of medical images is slow and expensive.', null, 'states something and cites no source'),
  ],
};

test('each row says how strong the evidence is, where the sentence is and why it is listed', () => {
  const rows = RESULT.sentences.map(describeAuditedSentence);
  assert.deepEqual(
    rows.map(({ label, description, detail }) => ({ label, description, detail })),
    [
      {
        label: '$(warning) MedSAM reaches 90\\% Dice on abdominal CT.',
        description: 'line 12',
        detail: 'Warning (untagged-claim): names MedSAM',
      },
      {
        label: '$(lightbulb) It outperforms $\u200b(x) earlier models.',
        description: 'line 21',
        detail: "Hint (unsourced-comparison): makes a comparative claim ('outperforms')",
      },
      {
        label: '$(circle-outline) Annotation of medical images is slow and expensive.',
        description: 'line 32',
        detail: 'No rule flags it: it states something and cites no source',
      },
    ],
  );
  assert.equal(rows[2].sentence, RESULT.sentences[2]);
});

test('long sentences are cut at a word, short ones kept whole', () => {
  const long = 'Self-supervised pretraining on large unlabelled archives '.repeat(4).trim();
  const short = shortenSentence(long, 60);
  assert.ok(short.length <= 60, short);
  assert.match(short, /^Self-supervised pretraining on large unlabelled archives\u2026$/);
  assert.equal(shortenSentence('Labels are scarce.', 60), 'Labels are scarce.');
  assert.equal(shortenSentence('x'.repeat(80), 60), `${'x'.repeat(59)}\u2026`);
});

test('the title counts what is listed and what the rule flags', () => {
  assert.equal(describeAudit(RESULT, 'main.tex'), 'main.tex: check 3 of 40 sentences for a source (2 flagged)');
});
