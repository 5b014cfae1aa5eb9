// `fm-atlas lint` in CI: the SARIF log validates against the SARIF 2.1.0 schema, GitHub annotations
// are one escaped command per problem, and the recipes in docs/ci/ run the command they show against
// the examples, as GitHub Actions and pre-commit would.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './lspTestClient';

const CLI = join(ROOT, 'dist/cli.js');

function lint(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Validates a SARIF log against the OASIS schema; returns the errors, none when valid. */
function sarifErrors(log: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** A copy of an example project to run a recipe in, removed afterwards. */
function withExampleCopy(example: string, body: (folder: string) => void): void {
  const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-ci-'));
  try {
    cpSync(join(ROOT, 'examples', example), folder, { recursive: true });
    body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The arguments after `fm-atlas` of a recipe's command (`npx --yes fm-atlas lint . --format sarif > f`). */
function argumentsOf(command: string): string[] {
  const match = /^npx --yes fm-atlas (.*?)(?:\s*>\s*\S+)?$/.exec(command.trim());
  assert.ok(match, `'${command}' runs fm-atlas through npx`);
  return match[1].split(/\s+/);
}

describe('fm-atlas lint --format sarif', () => {
  test('the log of the LaTeX example validates against the SARIF 2.1.0 schema and holds every problem', () => {
    const sarif = lint(ROOT, 'examples/latex-review', '--format', 'sarif');
    const json = lint(ROOT, 'examples/latex-review', '--format', 'json');
    assert.equal(sarif.status, 1);
    const log = JSON.parse(sarif.stdout);
    assert.deepEqual(sarifErrors(log), []);
    const problems = JSON.parse(json.stdout) as Array<{ code: string; file: string; line: number; column: number }>;
    const results = log.runs[0].results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
      }>;
    }>;
    assert.equal(results.length, problems.length);
    const typo = results.find(
      (result) =>
        result.ruleId === 'undefined-key' &&
        result.locations[0].physicalLocation.artifactLocation.uri === 'examples/latex-review/chapters/vision-only.tex',
    );
    assert.equal(typo?.level, 'error');
    assert.deepEqual(typo?.locations[0].physicalLocation.artifactLocation, {
      uri: 'examples/latex-review/chapters/vision-only.tex',
    });
    assert.deepEqual(typo?.locations[0].physicalLocation.region, {
      startLine: 25,
      startColumn: 32,
      endLine: 25,
      endColumn: 49,
    });
    // Every rule a result names is described in the log, so viewers can show its summary.
    const ruleIds = new Set((log.runs[0].tool.driver.rules as Array<{ id: string }>).map((rule) => rule.id));
    assert.ok(results.every((result) => ruleIds.has(result.ruleId)));
  });

  test('a schema check that can fail: a log without its version is refused', () => {
    const log = JSON.parse(lint(ROOT, 'examples/quarto-review', '--format', 'sarif').stdout);
    delete log.version;
    assert.notDeepEqual(sarifErrors(log), []);
  });
});

describe('fm-atlas lint --format github', () => {
  test('one workflow command per problem, errors as ::error with file, line and column', () => {
    const { status, stdout } = lint(ROOT, 'examples/quarto-review', '--format', 'github');
    assert.equal(status, 1);
    const lines = stdout.trim().split('\n');
    const problems = JSON.parse(lint(ROOT, 'examples/quarto-review', '--format', 'json').stdout) as unknown[];
    assert.equal(lines.length, problems.length);
    assert.ok(
      lines.every((line) =>
        /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::/.test(line),
      ),
    );
    assert.ok(
      lines.includes(
        "::error file=examples/quarto-review/methods.md,line=25,col=229,endLine=25,endColumn=247,title=FM Atlas undefined-key::Undefined citation key 'johnson2019mimicxr'. Did you mean 'johnson2019mimiccxr'?",
      ),
    );
  });

  test('a file name with a comma or colon is escaped so the runner reads the whole name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-gh-'));
    try {
      writeFileSync(join(folder, 'refs.bib'), '@article{a, title = {A}}\n');
      writeFileSync(
        join(folder, 'part 1, draft: v2.tex'),
        '\\documentclass{article}\n\\bibliography{refs}\n\\cite{b}\n',
      );
      const { stdout } = lint(folder, 'part 1, draft: v2.tex', '--format', 'github', '--rules', 'undefined-key');
      assert.equal(
        stdout.trim(),
        "::error file=part 1%2C draft%3A v2.tex,line=3,col=7,endLine=3,endColumn=8,title=FM Atlas undefined-key::Undefined citation key 'b'.",
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the CI recipes in docs/ci', () => {
  test("the GitHub Actions workflow's lint step writes a valid SARIF log and fails on the example's errors", () => {
    const workflow = parseYaml(readFileSync(join(ROOT, 'docs/ci/github-actions-fm-atlas.yml'), 'utf8'));
    const steps = workflow.jobs.lint.steps as Array<{
      run?: string;
      uses?: string;
      if?: string;
      with?: Record<string, string>;
    }>;
    const lintStep = steps.find((step) => step.run?.includes('fm-atlas lint'));
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.ok(lintStep?.run && upload, 'the workflow lints and uploads');
    // The upload runs even though the lint step failed, and reads the file the lint step wrote.
    assert.equal(upload.if, 'always()');
    const output = /> (\S+)$/.exec(lintStep.run)?.[1];
    assert.equal(upload.with?.sarif_file, output);
    withExampleCopy('quarto-review', (folder) => {
      const { status, stdout } = lint(folder, ...argumentsOf(lintStep.run!).slice(1));
      assert.equal(status, 1);
      assert.deepEqual(sarifErrors(JSON.parse(stdout)), []);
    });
  });

  test('the pre-commit hook refuses a staged chapter with an undefined key and passes a clean one', () => {
    const config = parseYaml(readFileSync(join(ROOT, 'docs/ci/pre-commit-config.yaml'), 'utf8'));
    const hook = config.repos[0].hooks[0] as { entry: string; files: string };
    const [command, ...args] = argumentsOf(hook.entry);
    assert.equal(command, 'lint');
    const staged = ['methods.md', 'index.qmd', '_quarto.yml', 'references.bib'].filter((file) =>
      new RegExp(hook.files).test(file),
    );
    assert.deepEqual(staged, ['methods.md', 'index.qmd', 'references.bib']);
    withExampleCopy('quarto-review', (folder) => {
      const broken = lint(folder, ...args, 'methods.md');
      assert.equal(broken.status, 1);
      assert.match(broken.stdout, /methods\.md:25:229: error \[undefined-key\]/);
      writeFileSync(
        join(folder, 'methods.md'),
        readFileSync(join(folder, 'methods.md'), 'utf8').replace('johnson2019mimicxr', 'johnson2019mimiccxr'),
      );
      const fixed = lint(folder, ...args, 'methods.md');
      assert.equal(fixed.status, 0, fixed.stdout);
    });
  });
});
