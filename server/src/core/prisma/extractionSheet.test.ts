import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createLanguageService, NOT_CANCELLED } from '../languageService';
import { withBuiltinCatalogue } from '../testing/builtinCatalogue';
import { Workspace } from '../workspace/workspace';
import { parseExtractionSheet, sheetStudies } from './extractionSheet';

const EXAMPLE = join(__dirname, '../../../../examples/systematic-review');

describe('the extraction sheet', () => {
  test('columns are found by their header names, lists split at ";", categories read as reviews write them', () => {
    const text =
      '\ufeffCitation key,Model,Year,FM type,Imaging modality,Downstream tasks,Pretraining data\r\n' +
      'ma2024,MedSAM,2024,Vision only,CT; MRI,segmentation,SA-Med2D-20M; NA\r\n' +
      '\r\n' +
      'zhang2023,BiomedCLIP,2023,VLM,"X-ray; histopathology",retrieval;VQA,PMC-15M\r\n';
    const sheet = parseExtractionSheet(text);
    assert.deepEqual(sheet.problems, []);
    assert.deepEqual(sheet.columns, {
      key: 'Citation key',
      name: 'Model',
      year: 'Year',
      category: 'FM type',
      modalities: 'Imaging modality',
      tasks: 'Downstream tasks',
      datasets: 'Pretraining data',
    });
    assert.deepEqual(
      sheet.rows.map((row) => [row.key, row.year, row.category, row.modalities, row.tasks, row.datasets]),
      [
        ['ma2024', 2024, 'vision-only', ['CT', 'MRI'], ['segmentation'], ['SA-Med2D-20M']],
        ['zhang2023', 2023, 'vision-language', ['X-ray', 'histopathology'], ['retrieval', 'VQA'], ['PMC-15M']],
      ],
    );
    // The key is located in its row, past the blank line and the byte order mark.
    const second = sheet.rows[1];
    assert.equal(text.slice(second.keyRange!.start, second.keyRange!.end), 'zhang2023');
    assert.equal(sheetStudies(sheet)[1].publication_year, 2023);
  });

  test('a column the reader does not know is mapped by the configuration; a sheet without keys or names says what it needs', () => {
    const text = 'Ref,Clinical use\nma2024,segmentation\n';
    const mapped = parseExtractionSheet(text, { key: 'Ref', tasks: 'Clinical use' });
    assert.deepEqual(mapped.rows[0].tasks, ['segmentation']);
    assert.match(parseExtractionSheet('modality,task\nCT,x\n').problems[0].message, /column of citation keys/);
    assert.match(
      parseExtractionSheet(text, { key: 'Ref', tasks: 'Use' }).problems[0].message,
      /maps tasks to the column 'Use'/,
    );
  });

  test('the meta-analysis of the sheet scope counts the sheet\u2019s rows, as the example review extracted them', () => {
    const workspace = new Workspace();
    const sheetUri = 'file:///review/extraction.csv';
    workspace.setDocument(sheetUri, readFileSync(join(EXAMPLE, 'extraction.csv'), 'utf8'));
    workspace.setDocument('file:///review/main.tex', readFileSync(join(EXAMPLE, 'main.tex'), 'utf8'));
    const config = withBuiltinCatalogue();
    const service = createLanguageService({ workspace, config: () => config });
    const analysis = service.buildMetaAnalysis('sheet', 'file:///review/main.tex', NOT_CANCELLED);
    const rows = readFileSync(join(EXAMPLE, 'extraction.csv'), 'utf8').trim().split(/\r?\n/).length - 1;
    assert.equal(analysis.studies, rows);
    assert.match(analysis.description, new RegExp(`The ${rows} studies of extraction\\.csv`));
    const modalities = analysis.charts.find((chart) => chart.id === 'modalities')!;
    const pathology = modalities.csv.split(/\r?\n/).find((line) => line.startsWith('Pathology'));
    // main.tex says "Histopathology was the most frequent modality (8 of the 26 studies, 31%)".
    assert.match(pathology ?? '', /,8$/);
  });

  test('rows the manuscripts never cite are warnings at their key', () => {
    const workspace = new Workspace();
    const text = 'key,model\nsmith2024,SmithNet\nlost2023,LostNet\n';
    workspace.setDocument('file:///review/extraction.csv', text);
    workspace.setDocument('file:///review/chapters/results.tex', 'SmithNet \\cite{smith2024} is included.\n');
    const config = withBuiltinCatalogue();
    const service = createLanguageService({ workspace, config: () => config });
    const diagnostics = service.collectDiagnostics('file:///review/extraction.csv', NOT_CANCELLED);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, text.slice(diagnostic.range.start, diagnostic.range.end)]),
      [['sheet-uncited', 'lost2023']],
    );
  });

  test('a file far too large to be a sheet is refused with a problem, not parsed', () => {
    const huge = `key,model\n${'a,b\n'.repeat(2_100_000)}`;
    const sheet = parseExtractionSheet(huge);
    assert.equal(sheet.rows.length, 0);
    assert.match(sheet.problems[0].message, /too large to be an extraction sheet/);
  });
});
