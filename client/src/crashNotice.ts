// What the client does when the server process ends unexpectedly: it restarts it, as
// vscode-languageclient does by default (up to four times in three minutes), and tells the user once
// per session, since a silent restart loses the diagnostics on screen for a moment and hides a bug
// worth reporting.

import type { CloseAction, ErrorAction, ErrorHandler } from 'vscode-languageclient/node';

// The actions as values: the library's enums cannot be loaded outside VS Code (its module requires
// 'vscode'), and this module is tested under Node. The casts fail to compile if the values change.
/** CloseAction.Restart. */
export const RESTART = 2 as CloseAction.Restart;
/** CloseAction.DoNotRestart. */
export const DO_NOT_RESTART = 1 as CloseAction.DoNotRestart;
const CONTINUE = 1 as ErrorAction.Continue;
const SHUTDOWN = 2 as ErrorAction.Shutdown;

/** The most restarts within {@link RESTART_WINDOW_MS} before the client gives up. */
export const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * An error handler that restarts a server that stopped, tells the user the first time (through
 * `notify`), and gives up with a message after {@link MAX_RESTARTS} restarts within three minutes.
 */
export function createRestartingErrorHandler(
  name: string,
  notify: (message: string) => void,
  now: () => number = Date.now,
): ErrorHandler {
  const restarts: number[] = [];
  let told = false;
  return {
    error: (_error, _message, count) =>
      count !== undefined && count <= 3 ? { action: CONTINUE } : { action: SHUTDOWN },
    closed: () => {
      const time = now();
      restarts.push(time);
      while (restarts.length > 0 && time - restarts[0] > RESTART_WINDOW_MS) {
        restarts.shift();
      }
      if (restarts.length > MAX_RESTARTS) {
        return {
          action: DO_NOT_RESTART,
          message: `The ${name} server stopped ${restarts.length} times in three minutes and will not be restarted. Its output channel says why; "${name}: Restart Language Server" starts it again.`,
        };
      }
      if (!told) {
        told = true;
        notify(`The ${name} server stopped unexpectedly and was restarted. Its output channel says why.`);
      }
      return { action: RESTART, handled: true };
    },
  };
}
