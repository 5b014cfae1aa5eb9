// The one error type of the `fm-atlas` command and its exit codes. Every expected failure (a bad
// flag, an input that cannot be used) is a CliError that main.ts prints as one line without a stack,
// so CI logs stay readable and scripts can branch on the exit code.

/** The exit codes, as `fm-atlas --help` and the README list them. */
export const EXIT = {
  /** Nothing to report at error severity. */
  ok: 0,
  /** Problems found: lint errors, unknown table models, invalid catalogue records. */
  problems: 1,
  /** The command line is wrong: an unknown command or option, a missing argument, an invalid value. */
  usage: 2,
  /** An input could not be used: missing, unreadable, not a regular file, too large, binary, or a walk cut short. */
  input: 3,
  /** A bug in FM Atlas. */
  internal: 4,
} as const;

/** An exit code of {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An expected failure: its message is printed as `fm-atlas: <message>` and the command exits with its code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line that cannot work whatever is on disk (exit 2). */
export function usageError(message: string): CliError {
  return new CliError(`${message} (see fm-atlas --help)`, EXIT.usage);
}

/** An input that could not be used (exit 3). */
export function inputError(message: string): CliError {
  return new CliError(message, EXIT.input);
}

/**
 * The line printed for an error: the message of a CliError on one line; for anything else (a bug) a
 * note to set FM_ATLAS_DEBUG=1, which prints the stack instead.
 */
export function formatError(error: unknown, debug: boolean): string {
  if (error instanceof CliError) {
    return `fm-atlas: ${oneLine(error.message)}`;
  }
  if (debug) {
    return `fm-atlas: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `fm-atlas: ${oneLine(message)} (internal error; set FM_ATLAS_DEBUG=1 for details)`;
}

/** The exit code for an error: its own for a CliError, {@link EXIT.internal} for anything else. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof CliError ? error.exitCode : EXIT.internal;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
