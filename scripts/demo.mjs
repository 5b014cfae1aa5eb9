// The demo on the bundled examples: runs `fm-atlas lint` on them, then starts the language server
// over stdio as any editor would and shows what a user sees at the cursor: completion for
// "\citep{kirillov segm", the hover card of a key, and where go-to-definition leads.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver-protocol/node';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const folder = join(root, 'examples/latex-review');
const section = (title) => console.log(`\n\x1b[1m== ${title} ==\x1b[0m`);

section('fm-atlas lint examples (the deliberate mistakes of examples/EXPECTED.md)');
const lint = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'lint', 'examples'], {
  cwd: root,
  encoding: 'utf8',
});
process.stdout.write(lint.stdout);
console.log(`(exit code ${lint.status}: 1 means errors were found, as intended in the examples)`);

const server = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const connection = lsp.createProtocolConnection(
  new lsp.StreamMessageReader(server.stdout),
  new lsp.StreamMessageWriter(server.stdin),
);
connection.onRequest(lsp.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
connection.listen();
await connection.sendRequest(lsp.InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(folder).toString(),
  workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'latex-review' }],
  capabilities: { workspace: { configuration: true } },
});
await connection.sendNotification(lsp.InitializedNotification.type, {});

const file = join(folder, 'chapters/introduction.tex');
const uri = pathToFileURL(file).toString();
const text = readFileSync(file, 'utf8').replace(
  '\\citep[see][p.~3]{dosovitskiy2021image}',
  '\\citep[see][p.~3]{kirillov segm}',
);
await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'latex', version: 1, text },
});
const at = (needle, delta) => {
  const before = text.slice(0, text.indexOf(needle) + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
};

section('completion in chapters/introduction.tex at \\citep[see][p.~3]{kirillov segm|');
const list = await connection.sendRequest(lsp.CompletionRequest.type, {
  textDocument: { uri },
  position: at('kirillov segm}', 13),
});
for (const item of list.items.slice(0, 5)) {
  console.log(`  ${item.label.padEnd(28)} ${item.detail}`);
}
const resolved = await connection.sendRequest(lsp.CompletionResolveRequest.type, list.items[0]);
console.log(
  `\n  documentation of the first item:\n${resolved.documentation.value
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}`,
);

section('hover on \\cite{rajendran2025foundation}');
const hover = await connection.sendRequest(lsp.HoverRequest.type, {
  textDocument: { uri },
  position: at('rajendran2025foundation', 3),
});
console.log(
  hover.contents.value
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n'),
);

section('go to definition of radford2021learning');
const [definition] = await connection.sendRequest(lsp.DefinitionRequest.type, {
  textDocument: { uri },
  position: at('radford2021learning', 3),
});
console.log(
  `  ${definition.uri.replace(pathToFileURL(root).toString() + '/', '')}:${definition.range.start.line + 1}:${definition.range.start.character + 1}`,
);

await connection.sendRequest(lsp.ShutdownRequest.type);
await connection.sendNotification(lsp.ExitNotification.type);
connection.dispose();
