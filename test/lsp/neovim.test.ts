// Other editors, checked in the real editor: a headless Neovim (Debian's, installed by
// scripts/install-neovim.sh) starts FM Atlas with the README's recipe for its version and gets
// completion after `\cite{` and `[@`, a hover card and diagnostics, in LaTeX and in Quarto. The
// recipe is read from README.md as a user copies it; `fm-atlas` is put on the PATH as `npm link` would.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { positionOf, ROOT } from './lspTestClient';

/** Neovim's version as [major, minor], or why there is none to test with. */
function findNeovim(): [number, number] | string {
  const install = spawnSync('bash', [join(ROOT, 'scripts/install-neovim.sh')], { encoding: 'utf8' });
  if (install.status !== 0) {
    return `Neovim is not available: ${install.stderr.trim().split('\n').pop()}`;
  }
  const version = /NVIM v(\d+)\.(\d+)/.exec(spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout ?? '');
  return version ? [Number(version[1]), Number(version[2])] : 'nvim --version printed no version';
}

/** The Lua block of the README that follows the heading line starting with `heading`. */
function readmeRecipe(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}`);
  assert.ok(at >= 0, `README.md has a recipe headed '${heading}'`);
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block, `a Lua block follows '${heading}'`);
  return block[1];
}

const neovim = findNeovim();
const skip = typeof neovim === 'string' ? neovim : false;
const REFS =
  '@article{ma2024segment,\n  title = {Segment anything in medical images},\n  author = {Ma, Jun},\n  year = {2024}\n}\n';

describe('Neovim with the README recipe', { skip }, () => {
  const [major, minor] = typeof neovim === 'string' ? [0, 0] : neovim;
  const heading = major === 0 && minor < 11 ? 'Neovim 0.7 to 0.10' : 'Neovim 0.11 and later';
  const root = mkdtempSync(join(tmpdir(), 'fm-atlas-nvim-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  // `fm-atlas` on the PATH, running this checkout's CLI.
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'fm-atlas'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'fm-atlas'), 0o755);
  const init = join(root, 'init.lua');
  writeFileSync(init, `${readmeRecipe(heading)}\n${readFileSync(join(__dirname, 'neovimDriver.lua'), 'utf8')}`);

  /** Opens a file of a project in headless Neovim and returns what the editor received. */
  function openInNeovim(project: string, file: string, complete: string, hover: string) {
    const text = readFileSync(join(project, file), 'utf8');
    const completeAt = positionOf(text, complete, complete.length);
    const hoverAt = positionOf(text, hover, 2);
    const out = join(project, 'result.json');
    const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, file], {
      cwd: project,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH}`,
        FM_ATLAS_NVIM_OUT: out,
        FM_ATLAS_NVIM_COMPLETE_LINE: String(completeAt.line),
        FM_ATLAS_NVIM_COMPLETE_CHARACTER: String(completeAt.character),
        FM_ATLAS_NVIM_HOVER_LINE: String(hoverAt.line),
        FM_ATLAS_NVIM_HOVER_CHARACTER: String(hoverAt.character),
      },
    });
    assert.equal(result.status, 0, `nvim exited with ${result.status}: ${result.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8')) as {
      error?: string;
      filetype: string;
      completion: string[];
      hover: string | null;
      diagnostics: Array<{ line: number; message: string }>;
    };
  }

  /**
   * Writes a project, opens `file` in Neovim, and checks what the user gets: the filetype, the key
   * `ma2024segment` completed after `complete` and shown on hover, and line 3's undefined key.
   */
  function checkProject(name: string, files: Record<string, string>, file: string, complete: string, filetype: string) {
    const project = join(root, name);
    mkdirSync(project);
    for (const [path, text] of Object.entries({ 'refs.bib': REFS, ...files })) {
      writeFileSync(join(project, path), text);
    }
    const editor = openInNeovim(project, file, complete, 'ma2024segment');
    assert.equal(editor.error, undefined);
    assert.equal(editor.filetype, filetype);
    assert.ok(editor.completion.includes('ma2024segment'), `completion: ${editor.completion.join(', ')}`);
    assert.match(editor.hover ?? '', /Segment anything in medical images/);
    assert.ok(
      editor.diagnostics.some((d) => d.line === 2 && d.message.includes("Undefined citation key 'smith2020deep'")),
    );
  }

  test(`LaTeX: completion after \\cite{, a hover card and an undefined key (${heading})`, () => {
    const tex =
      '\\documentclass{article}\n\\begin{document}\nMedSAM \\cite{ma2024segment} and \\cite{smith2020deep}.\nSee \\cite{ma\n\\bibliography{refs}\n\\end{document}\n';
    checkProject('latex', { 'paper.tex': tex }, 'paper.tex', 'See \\cite{ma', 'tex');
  });

  test(`Quarto: completion after [@, with the bibliography of _quarto.yml (${heading})`, () => {
    const files = {
      '_quarto.yml': 'project:\n  type: book\nbibliography: refs.bib\n',
      'chapter.qmd': '# Intro\n\nSegmentation [@ma2024segment] and [@smith2020deep].\nSee [@ma\n',
    };
    checkProject('quarto', files, 'chapter.qmd', 'See [@ma', 'quarto');
  });
});
