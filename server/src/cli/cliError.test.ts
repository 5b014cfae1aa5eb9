// The one-line error format of the `fm-atlas` command: expected failures print their message, bugs a
// note to set FM_ATLAS_DEBUG=1, and only then a stack.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXIT, exitCodeOf, formatError, inputError, usageError } from './cliError';

describe('formatError', () => {
  test('a CliError is one line with its exit code', () => {
    assert.equal(formatError(inputError('refs.bib: not found'), false), 'fm-atlas: refs.bib: not found');
    assert.equal(exitCodeOf(inputError('x')), EXIT.input);
    assert.equal(
      formatError(usageError('--format must be text or json,\nnot xml'), true),
      'fm-atlas: --format must be text or json, not xml (see fm-atlas --help)',
    );
    assert.equal(exitCodeOf(usageError('x')), EXIT.usage);
  });

  test('an internal error is one line unless FM_ATLAS_DEBUG=1 asks for the stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    assert.equal(
      formatError(bug, false),
      "fm-atlas: Cannot read properties of undefined (reading 'x') (internal error; set FM_ATLAS_DEBUG=1 for details)",
    );
    assert.match(formatError(bug, true), /\n\s+at /);
    assert.equal(exitCodeOf(bug), EXIT.internal);
    assert.equal(
      formatError('thrown text', false),
      'fm-atlas: thrown text (internal error; set FM_ATLAS_DEBUG=1 for details)',
    );
  });
});
