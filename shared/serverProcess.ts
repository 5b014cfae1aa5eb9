// How the language server's Node process is started, shared by the extension (client/src/client.ts)
// and the LSP tests and benchmarks, which start it the way VS Code does.

/**
 * Node flags of the server process. V8's young generation grows to 16 MB semi-spaces while a large
 * library is parsed and keeps them. Capped at 8 MB, the server holds about 13 MB less with a
 * 25,000-entry library (peak RSS 319-323 -> 307-308 MB) and completion keeps its p99 under 10 ms;
 * at 4 MB it held 20 MB less, but the extra collections pushed the p99 to 11-13 ms (bench/, issue
 * 12). Other editors can pass the same flags to `node dist/server.js --stdio`.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
