import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPickEntries, type ListedRecord } from './cataloguePicks';

const record = (id: string, name: string, category: string | null, aliases: string[] = []): ListedRecord => ({ id, name, aliases, category, year: 2024, detail: `${category} · 2024`, url: null });

test('lists cited models first and preselected, then models by category, then datasets', () => {
  const entries = buildPickEntries(
    [record('medsam', 'MedSAM', 'vision-only'), record('biomedclip', 'BiomedCLIP', 'vision-language'), record('sam', 'SAM', 'vision-only', ['Segment Anything'])],
    [record('mimic-cxr', 'MIMIC-CXR', 'dataset')],
    new Set(['medsam']),
  );
  assert.deepEqual(entries.map((entry) => ('separator' in entry ? `-- ${entry.separator}` : `${entry.label}${entry.picked ? ' *' : ''}`)), [
    '-- Cited in this document', 'MedSAM *', '-- Vision-only models', 'SAM', '-- Vision-language models', 'BiomedCLIP', '-- Datasets', 'MIMIC-CXR',
  ]);
  assert.equal((entries[3] as { detail?: string }).detail, 'Segment Anything');
});
