// The house rules of ARCHITECTURE.md as import rules, checked by dependency-cruiser (`npm run lint`,
// part of `npm test`). Known violations of rules still being met are listed, one by one, in
// .dependency-cruiser-known-violations.json: a new violation fails, and the list only ever shrinks.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-io',
      comment: 'The core is protocol-free and does no I/O: the world comes in through small interfaces.',
      severity: 'error',
      from: { path: '^server/src/core/', pathNot: ['\\.test\\.ts$', '^server/src/core/testing/'] },
      to: { path: '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https|http2|dgram|tls|cluster|dns|readline)$' },
    },
    {
      name: 'core-no-protocol',
      comment: 'Only the LSP layer knows LSP; only the client knows VS Code.',
      severity: 'error',
      from: { path: '^server/src/core/' },
      to: { path: '(^|node_modules/)(vscode|vscode-languageserver|vscode-languageserver-protocol|vscode-languageclient|vscode-jsonrpc)(/|$)' },
    },
    {
      name: 'core-not-up',
      comment: 'The core imports nothing from the layers above it.',
      severity: 'error',
      from: { path: '^server/src/core/' },
      to: { path: '^server/src/(lsp|host|cli)/' },
    },
    {
      name: 'host-not-up',
      comment: 'The host reads the disk but knows nothing of LSP or the CLI.',
      severity: 'error',
      from: { path: '^server/src/host/' },
      to: { path: '^server/src/(lsp|cli)/' },
    },
    {
      name: 'only-client-imports-vscode',
      comment: 'Only client/ and the in-host end-to-end suite run inside VS Code.',
      severity: 'error',
      from: { pathNot: ['^client/', '^test/e2e/suite/'] },
      to: { path: '^vscode$' },
    },
    {
      name: 'only-lsp-imports-languageserver',
      comment: 'Only server/src/lsp/ and the two entry points speak LSP.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/lsp/', '^server/src/serverMain\\.ts$', '^server/src/cli/main\\.ts$'] },
      to: { path: '(^|node_modules/)vscode-languageserver(/|$)' },
    },
    {
      name: 'no-sibling-features',
      comment: 'A feature imports the core\'s shared modules, never another feature: what features share lives outside features/.',
      severity: 'error',
      from: { path: '^server/src/core/features/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/core/features/', pathNot: '^server/src/core/features/$1/' },
    },
    {
      name: 'no-loose-feature-helpers',
      comment: 'Modules loose in features/ that other features import are shared code and belong outside features/.',
      severity: 'error',
      from: { path: '^server/src/core/features/[^/]+\\.ts$', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/core/features/[^/]+/' },
    },
    {
      name: 'core-no-data-files',
      comment: 'The built-in catalogue is read by the host and injected, so it ships once.',
      severity: 'error',
      from: { path: '^server/src/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^data/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|out|test-results)/' },
  },
};
