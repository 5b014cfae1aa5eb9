import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBibtex } from './parseBibtex';
import { isStyleWarm, registerCslStyle, renderReference } from './renderReference';

const ENTRY = parseBibtex(
  '@article{ma2024segment, author = {Ma, Jun and Wang, Bo}, title = {Segment anything in medical images},\n' +
    '  journal = {Nature Communications}, year = {2024}, volume = {15}, pages = {654}}\n',
).file.entries[0];

describe('renderReference', () => {
  test('renders an entry in a CSL style, APA for an unknown one', () => {
    assert.match(
      renderReference(ENTRY, 'apa'),
      /^Ma, J\., & Wang, B\. \(2024\)\. Segment anything in medical images\./,
    );
    assert.equal(renderReference(ENTRY, 'no-such-style'), renderReference(ENTRY, 'apa'));
  });

  test('a style is warm once it has rendered, and cold again when it is registered anew', () => {
    const vancouver = 'vancouver';
    renderReference(ENTRY, vancouver);
    assert.equal(isStyleWarm(vancouver), true);
    // An unknown style renders as APA, which is warm by now.
    assert.equal(isStyleWarm('no-such-style'), true);
    registerCslStyle(
      'minimal-test',
      '<?xml version="1.0" encoding="utf-8"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">' +
        '<info><title>Minimal</title><id>minimal-test</id><updated>2026-01-01T00:00:00+00:00</updated></info>' +
        '<citation><layout><text variable="title"/></layout></citation>' +
        '<bibliography><layout><text variable="title"/></layout></bibliography></style>',
    );
    assert.equal(isStyleWarm('minimal-test'), false);
    assert.equal(isStyleWarm(vancouver), false, 'registering a style changes the generation of every style');
    assert.equal(renderReference(ENTRY, 'minimal-test'), 'Segment anything in medical images');
    assert.equal(isStyleWarm('minimal-test'), true);
  });
});
