// How the language server's Node process is started, shared by the extension (client/src/client.ts)
// and the LSP tests and benchmarks, which start it the way VS Code does.

/**
 * Node flags of the server process. V8's young generation grows to 16 MB semi-spaces while a large
 * library is parsed and keeps them. Capped at 8 MB, the server holds about 13 MB less with a
 * 25,000-entry library (peak RSS 319-323 -> 307-308 MB) and completion keeps its p99 under 10 ms;
 * at 4 MB it held 20 MB less, but the extra collections pushed the p99 to 11-13 ms (bench/, issue
 * 12). `--expose-gc` lets the server collect the garbage of indexing a large library while it is
 * idle (Session.whenIdle), instead of V8 collecting it during the first keystrokes: with the
 * 25,000-entry library, completion p99 over 200 requests 8.3-8.9 ms instead of 11-17, and peak RSS
 * 232-234 MB instead of 240-247. Other editors can pass the same flags to `node dist/server.js --stdio`.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--expose-gc'];
