// Measures prose completion on real manuscripts as a writer meets it: every word of every line is
// typed letter by letter, and after each letter we ask what VS Code would ask (quick suggestions in
// LaTeX; Ctrl+Space in Markdown). It prints how often a model or dataset name is offered at the end of
// a word (where Enter would accept it) and after any letter (a list flickering up while typing).
//
//   node --import tsx test/completion/evaluate.ts [folder or file ...]
//
// Default: the third-party manuscripts of test/corpus/real-prose. A .bib file stands for the abstracts
// of its entries, one line each (e.g. ../shared/corpus/bib/s1-midl2023.bib, the development set).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Workspace, completeCatalogueNames } from '../../server/src/core';
import { withBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import { getField } from '../../server/src/core/bibtex/bibTypes';
import { parseBibtex } from '../../server/src/core/bibtex/parseBibtex';

function listFiles(path: string): string[] {
  if (statSync(path).isFile()) {
    return [path];
  }
  return readdirSync(path)
    .flatMap((name) => listFiles(join(path, name)))
    .filter((file) => ['.tex', '.md', '.qmd'].includes(extname(file)) && !/(README|SOURCE)\.md$/.test(file));
}

/** The lines of prose of a file: a manuscript's own lines, or the abstracts of a bibliography's entries. */
function readLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (extname(file) !== '.bib') {
    return text.split('\n');
  }
  return parseBibtex(text)
    .file.entries.map((entry) => getField(entry, 'abstract') ?? '')
    .filter((abstract) => abstract !== '')
    .map((abstract) => abstract.replace(/[{}\\$]/g, '').replace(/\s+/g, ' '));
}

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [join(__dirname, '../corpus/real-prose')];
const config = withBuiltinCatalogue();
const workspace = new Workspace();
let words = 0;
let wordsWithName = 0;
let letters = 0;
let lettersWithName = 0;
const examples = new Map<string, string>();
for (const file of roots.flatMap(listFiles)) {
  const uri = `file:///evaluation/line${extname(file) === '.bib' ? '.tex' : extname(file)}`;
  for (const line of readLines(file)) {
    for (const match of line.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\-+.&_]*/gu)) {
      const word = match[0].replace(/[.]+$/, '');
      let offeredAtEnd = false;
      for (let length = 1; length <= word.length; length++) {
        const text = line.slice(0, match.index! + length);
        workspace.setDocument(uri, text, 1);
        const offered = (completeCatalogueNames(workspace, uri, text.length, config)?.items.length ?? 0) > 0;
        letters++;
        lettersWithName += offered ? 1 : 0;
        offeredAtEnd = offered && length === word.length;
      }
      words++;
      if (offeredAtEnd) {
        wordsWithName++;
        examples.set(word, file.slice(file.indexOf('real-prose')));
      }
    }
  }
}
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(2)}%`;
process.stdout.write(
  `${words} words typed: a name offered at the end of ${wordsWithName} (${percent(wordsWithName, words)})\n`,
);
process.stdout.write(
  `${letters} letters typed: a name offered after ${lettersWithName} (${percent(lettersWithName, letters)})\n`,
);
process.stdout.write(`words at whose end a name was offered: ${[...examples.keys()].join(', ')}\n`);
