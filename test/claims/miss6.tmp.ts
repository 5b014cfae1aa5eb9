import { readFileSync } from 'node:fs';
import { predictCase } from './scoreCases';
const bib = readFileSync('test/claims/eval.bib','utf8');
const cases = JSON.parse(readFileSync('test/claims/blind6/dev/evaluation.json','utf8'));
for (const c of cases) {
  predictCase(c, bib).forEach((r: any, i: number) => {
    const label = c.expect[i];
    const want = label.codes.includes('untagged-claim');
    const got = r.predicted.has('untagged-claim');
    if (want !== got) {
      const at = c.text.indexOf(label.sentence);
      let end = c.text.indexOf('. ', at + label.sentence.length); if (end < 0) end = at + 200;
      console.log(`${want ? 'MISS' : 'FP  '} ${label.note ?? ''}| ${c.text.slice(at, Math.min(end + 1, at + 260)).replace(/\s+/g,' ')}`);
    }
  });
}
