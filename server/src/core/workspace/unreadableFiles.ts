// Why a file could not be read, as plain data. The core never touches the disk, so the host records
// the reason in the workspace (`Workspace.setUnreadable`) and features such as the
// missing-bibliography diagnostic tell the user why, in the same words as the CLI's error lines.

/** The kinds of reasons a file is not in the workspace. */
export type UnreadableReason = 'not-found' | 'no-permission' | 'not-a-file' | 'too-large' | 'binary' | 'io-error';

/** Why a file could not be read: the kind, and specifics the host knows (the file's size, its type). */
export interface UnreadableFile {
  readonly reason: UnreadableReason;
  /** For example "a FIFO" for not-a-file, "80 MB; FM Atlas reads files up to 64 MB" for too-large. */
  readonly detail?: string;
}

const REASON_WORDS: Record<UnreadableReason, string> = {
  'not-found': 'not found',
  'no-permission': 'permission denied',
  'not-a-file': 'not a regular file',
  'too-large': 'too large',
  binary: 'binary',
  'io-error': 'the system could not read it',
};

/**
 * Describes a reason in a few words with its specifics in parentheses, for example
 * "not a regular file (a FIFO)". Diagnostics and the CLI both use it, so they say the same thing.
 */
export function describeUnreadable(file: UnreadableFile): string {
  const words = REASON_WORDS[file.reason];
  return file.detail ? `${words} (${file.detail})` : words;
}

/** True when two records say the same thing, so that re-recording a reason changes nothing. */
export function sameUnreadable(a: UnreadableFile | undefined, b: UnreadableFile | undefined): boolean {
  return a?.reason === b?.reason && a?.detail === b?.detail;
}
