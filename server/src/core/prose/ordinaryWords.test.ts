import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadBuiltinCatalogue } from '../testing/builtinCatalogue';
import { DOMAIN_TERMS } from './domainTerms';
import { isDomainTerm, isOrdinaryWord, isPrefixOfOrdinaryWord } from './ordinaryWords';

describe('ordinary words', () => {
  test('English and the field, in any case, with plurals, possessives and hyphenated compounds', () => {
    for (const word of [
      'the',
      'Models',
      'ultrasound',
      'CARDIAC',
      'radiographs',
      'CT',
      'ViTs',
      "Alzheimer's",
      'CT-based',
      'state-of-the-art',
      'zero-shot',
    ]) {
      assert.ok(isOrdinaryWord(word), word);
    }
    for (const name of ['MedSAM', 'RETFound', 'CheXzero', 'Virchow', 'BiomedCLIP', 'UNI', 'Merlin']) {
      assert.ok(!isOrdinaryWord(name), name);
    }
    assert.ok(isDomainTerm('MRI') && !isDomainTerm('medical'));
  });

  test('a word typed so far may still become an ordinary word', () => {
    assert.ok(isPrefixOfOrdinaryWord('med'));
    assert.ok(isPrefixOfOrdinaryWord('Segm'));
    assert.ok(!isPrefixOfOrdinaryWord('virch'));
    assert.ok(!isPrefixOfOrdinaryWord('medsa'));
  });

  test('no term of the field is a catalogued name or alias, which it would hide from completion', () => {
    const catalogue = loadBuiltinCatalogue();
    const names = new Set<string>();
    for (const record of [...catalogue.models, ...catalogue.datasets]) {
      for (const written of [record.name, ...(record.aliases ?? [])].map(String)) {
        // "Segment Anything Model (SAM)" is also written "SAM".
        const parenthetical = /^(.*?)\s*\(([^()]*)\)$/.exec(written.trim());
        for (const part of parenthetical ? [parenthetical[1] ?? '', parenthetical[2] ?? ''] : [written]) {
          names.add(part.trim().toLowerCase());
        }
      }
    }
    assert.deepEqual(
      DOMAIN_TERMS.filter((term) => names.has(term.toLowerCase())),
      [],
    );
  });
});
