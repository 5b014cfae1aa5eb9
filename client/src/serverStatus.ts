// The state of the language server as the client sees it. This file imports nothing from VS Code,
// so the status bar text built from it can be unit-tested under plain Node.

import type { StatusParams } from '../../shared/protocol';

/** What the client knows about the language server at one moment. */
export type ServerStatus =
  /** The client is starting the server, or restarting it. */
  | { readonly kind: 'starting' }
  /** The server is running; `index` is undefined until its first `fmAtlas/status` notification. */
  | { readonly kind: 'running'; readonly index: StatusParams | undefined }
  /** The server was stopped on purpose, or stopped after too many crashes. */
  | { readonly kind: 'stopped' }
  /** The server could not be started. */
  | { readonly kind: 'failed' };
