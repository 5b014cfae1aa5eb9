// The shape of a server command's handler: how it reads the client's argument and how it runs. The
// argument comes from another process, so it is read field by field with the guards of
// readArguments.ts, never trusted through a cast; a malformed one is answered with `{ error }`.

import type {
  CommandError,
  ServerCommandId,
  ServerCommandParams,
  ServerCommandResult,
} from '../../../../shared/commands';
import type { CancellationToken } from '../../core';
import type { Session } from '../session';

/**
 * The params read from the client's argument, or the `{ error }` answered to a malformed one. A command
 * whose result has no {@link CommandError} must read any argument, so its parser cannot fail.
 */
export type ParsedArgument<K extends ServerCommandId> =
  { readonly params: ServerCommandParams<K> } | Extract<ServerCommandResult<K>, CommandError>;

/** The handler of one server command, typed by its contract in shared/commands.ts. */
export interface CommandHandler<K extends ServerCommandId> {
  /** Reads the command's params from the first argument the client sent (undefined when it sent none). */
  readonly parse: (argument: unknown) => ParsedArgument<K>;
  /** Runs the command once the workspace is indexed; thin: reads the session, calls the core, converts. */
  readonly run: (
    session: Session,
    params: ServerCommandParams<K>,
    token: CancellationToken,
  ) => Promise<ServerCommandResult<K>>;
}

/** The answer to a document FM Atlas cannot cite from (not open or indexed, or not LaTeX or Markdown). */
export const NOT_A_MANUSCRIPT: CommandError = {
  error: 'The document is not a LaTeX or Markdown document FM Atlas knows.',
};
