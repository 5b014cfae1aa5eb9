import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPickEntries, formatNameWithCitation, type ListedRecord } from './cataloguePicks';

const record = (id: string, name: string, category: string | null, aliases: string[] = []): ListedRecord => ({ id, name, aliases, category, year: 2024, detail: `${category} · 2024`, url: null });

test('groups models by category, then datasets, with cited models preselected', () => {
  const entries = buildPickEntries(
    [record('medsam', 'MedSAM', 'vision-only'), record('biomedclip', 'BiomedCLIP', 'vision-language'), record('sam', 'SAM', 'vision-only', ['Segment Anything'])],
    [record('mimic-cxr', 'MIMIC-CXR', 'dataset')],
    new Set(['medsam']),
  );
  assert.deepEqual(entries.map((entry) => ('separator' in entry ? `-- ${entry.separator}` : `${entry.label}${entry.picked ? ' *' : ''}`)), [
    '-- Vision-only models', 'MedSAM *', 'SAM', '-- Vision-language models', 'BiomedCLIP', '-- Datasets', 'MIMIC-CXR',
  ]);
  assert.equal((entries[2] as { detail?: string }).detail, 'Segment Anything');
});

test('a name with its citation in the document\'s language', () => {
  assert.equal(formatNameWithCitation('latex', 'MedSAM', 'ma2024'), 'MedSAM~\\cite{ma2024}');
  assert.equal(formatNameWithCitation('quarto', 'MedSAM', 'ma2024'), 'MedSAM [@ma2024]');
});
