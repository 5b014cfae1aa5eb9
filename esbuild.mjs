// Bundles the extension client, the language server and the CLI into dist/.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies without source maps.

import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build errors in the format of VS Code's esbuild problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: {
      server: 'server/src/main.ts',
      serverMain: 'server/src/serverMain.ts',
      cli: 'server/src/cli/main.ts',
    },
    outdir: 'dist',
    // citation-js can fetch remote inputs; FM Atlas never does, so its fetch modules are left out.
    // vega-canvas's Node build awaits an optional native `canvas` at top level, which a CommonJS
    // bundle cannot do; its browser build returns no canvas outside a DOM, and vega then estimates
    // text widths, which is all an SVG export needs.
    alias: {
      'sync-fetch': './scripts/stubs/syncFetch.cjs',
      'fetch-ponyfill': './scripts/stubs/fetchPonyfill.cjs',
      'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js',
    },
  },
  {
    // The webviews (meta-analysis, PRISMA flow diagram) run in the editor's browser sandbox, so they are bundled for the browser.
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: {
      'webview/metaAnalysis': 'client/webview/metaAnalysisView.ts',
      'webview/prisma': 'client/webview/prismaView.ts',
    },
    outdir: 'dist',
  },
];

const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
