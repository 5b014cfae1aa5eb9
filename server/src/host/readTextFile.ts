// Reading user files from disk with the checks that keep the server and the CLI alive on bad input:
// only regular files (a FIFO would block forever, /dev/zero never ends), a size cap, and refusal of
// binary files (a NUL byte near the start). Every refusal comes back as an `UnreadableFile`, so the
// workspace can tell the user why a file is missing and the CLI can print the same words.

import { constants, promises as fs, type Stats } from 'node:fs';
import { describeUnreadable, type UnreadableFile } from '../core/workspace/unreadableFiles';
import { joinPieces } from '../core/text/piecedText';

/**
 * The largest file FM Atlas reads; bigger ones are refused with a message. A library of 100,000
 * entries exported from a reference manager is about 125 MB, and must be read (issue 12).
 */
export const MAX_FILE_BYTES = 160 * 1024 * 1024;

/** A refusal: a sentence for logs and error lines, and the reason as data for the workspace. */
export interface ReadRefusal {
  readonly skipped: string;
  readonly unreadable: UnreadableFile;
}

/** The text of a file, or why it was not read. */
/**
 * A file's text. `notUtf8` marks a file whose bytes are not UTF-8 (a Latin-1 bibliography, say): it was
 * decoded as Latin-1 so that every character reads right, and nothing may be written into it while no
 * editor has it open, since an editor that decodes it as UTF-8 would lose those characters on saving.
 */
export type ReadResult =
  { readonly text: string; readonly notUtf8?: true; readonly pieces?: readonly string[] } | ReadRefusal;

/** How {@link readTextFile} reads. */
export interface ReadOptions {
  /** The largest file read; bigger ones are refused. */
  readonly maxBytes?: number;
  /**
   * From this size on, the text is decoded in pieces cut at the lines that start with `@` (a BibTeX
   * entry's first line), returned as `pieces`, and `text` is their unflattened join (piecedText.ts
   * says why: a piece without a character beyond Latin-1 takes one byte per character).
   */
  readonly piecesFrom?: number;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** What a path names, or why it cannot be used: the CLI checks its inputs with this before reading anything. */
export type PathKind = { readonly type: 'file'; readonly size: number } | { readonly type: 'folder' } | ReadRefusal;

/**
 * Finds out what a path names without opening it. Symbolic links are followed; a loop of them, a
 * FIFO, a socket or a device is refused with the reason.
 */
export async function inspectPath(path: string): Promise<PathKind> {
  let stat: Stats;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    return refuse(unreadableFromError(error));
  }
  if (stat.isDirectory()) {
    return { type: 'folder' };
  }
  if (!stat.isFile()) {
    return refuse({ reason: 'not-a-file', detail: describeFileType(stat) });
  }
  return { type: 'file', size: stat.size };
}

/** Like {@link inspectPath} for a path that must name a file: a folder is refused as not a regular file. */
export async function inspectFile(path: string): Promise<Exclude<PathKind, { type: 'folder' }>> {
  const kind = await inspectPath(path);
  return 'skipped' in kind || kind.type === 'file' ? kind : refuse({ reason: 'not-a-file', detail: 'a folder' });
}

/** Reads a UTF-8 text file, refusing missing, special, huge and binary files with the reason. Never throws. */
export async function readTextFile(
  path: string,
  { maxBytes = MAX_FILE_BYTES, piecesFrom = Infinity }: ReadOptions = {},
): Promise<ReadResult> {
  const read = await readFileBytes(path, maxBytes);
  if ('skipped' in read) {
    return read;
  }
  const buffer = read.bytes;
  // Git's test: a NUL byte near the start means binary. Real bibliographies do carry a stray NUL
  // deep inside an abstract (one is in the 25,000-entry corpus file), which must not hide the file.
  if (buffer.subarray(0, 8000).includes(0)) {
    return refuse({ reason: 'binary', detail: 'it has NUL bytes near the start' });
  }
  if (buffer.length >= piecesFrom) {
    return decodePieces(buffer);
  }
  // A byte-order mark would otherwise shift every offset by one.
  try {
    return { text: STRICT_UTF8.decode(buffer).replace(/^\uFEFF/, '') };
  } catch {
    // Latin-1 maps every byte to one character, as an editor's replacement characters do, so
    // offsets agree with an editor that opens the file either way.
    return { text: buffer.toString('latin1'), notUtf8: true };
  }
}

/**
 * Reads a regular file's bytes (a spreadsheet, say), refusing missing, special and huge files with
 * the reason, as {@link readTextFile} does. Never throws.
 */
export async function readFileBytes(
  path: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ readonly bytes: Buffer } | ReadRefusal> {
  // Stat before open: opening a FIFO waits for a writer, and opening some devices has side effects.
  const kind = await inspectFile(path);
  if ('skipped' in kind) {
    return kind;
  }
  if (kind.size > maxBytes) {
    return refuse(tooLarge(formatSize(kind.size), maxBytes));
  }
  try {
    // Non-blocking, in case the path became a FIFO since the stat; the handle's own stat then refuses it.
    const handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) {
        return refuse({ reason: 'not-a-file', detail: describeFileType(opened) });
      }
      const buffer = await readBounded(handle, opened.size, maxBytes);
      return buffer ? { bytes: buffer } : refuse(tooLarge(`more than ${formatSize(maxBytes)}`, maxBytes));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return refuse(unreadableFromError(error));
  }
}

const AT = 0x40;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Where the lines that start with `@` (after blanks) start; the first piece starts at 0 anyway. */
function pieceStarts(buffer: Buffer): number[] {
  const starts = [0];
  for (let at = buffer.indexOf(AT); at >= 0; at = buffer.indexOf(AT, at + 1)) {
    let lineStart = at;
    while (lineStart > 0 && (buffer[lineStart - 1] === SPACE || buffer[lineStart - 1] === TAB)) {
      lineStart--;
    }
    if (lineStart > 0 && (buffer[lineStart - 1] === LF || buffer[lineStart - 1] === CR)) {
      starts.push(lineStart);
    }
  }
  return starts;
}

/**
 * Decodes a file piece by piece (see {@link ReadOptions.piecesFrom}). A UTF-8 character never spans
 * a line start, so each piece decodes alone; a file that is not UTF-8 is decoded as Latin-1 whole,
 * as {@link readTextFile} does.
 */
function decodePieces(buffer: Buffer): { text: string; pieces: string[]; notUtf8?: true } {
  const starts = pieceStarts(buffer);
  const bomLength = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const pieces: string[] = [];
  try {
    for (let index = 0; index < starts.length; index++) {
      const start = index === 0 ? bomLength : starts[index];
      const end = index + 1 < starts.length ? starts[index + 1] : buffer.length;
      pieces.push(STRICT_UTF8.decode(buffer.subarray(start, end)));
    }
    return { text: joinPieces(pieces), pieces };
  } catch {
    pieces.length = 0;
    for (let index = 0; index < starts.length; index++) {
      pieces.push(buffer.toString('latin1', starts[index], starts[index + 1] ?? buffer.length));
    }
    return { text: joinPieces(pieces), pieces, notUtf8: true };
  }
}

/**
 * Reads a file to its end but never more than `maxBytes`; undefined when it holds more (it grew since
 * the stat, or it is a file such as those of /proc whose size the stat does not tell).
 */
async function readBounded(handle: fs.FileHandle, statSize: number, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  // One read for a file whose size the stat told (the extra byte sees whether it grew), then small
  // reads until the end, so that finding the end costs no second buffer of the file's size.
  let chunkSize = Math.max(statSize + 1, 64 * 1024);
  for (; ; chunkSize = 64 * 1024) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) {
      break;
    }
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      return undefined;
    }
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** Maps a file system error to the reason a user understands. */
export function unreadableFromError(error: unknown): UnreadableFile {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'not-found' };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'no-permission' };
    case 'ELOOP':
      return { reason: 'not-a-file', detail: 'a loop of symbolic links' };
    case 'EISDIR':
      return { reason: 'not-a-file', detail: 'a folder' };
    default:
      return { reason: 'io-error', detail: error instanceof Error ? error.message : String(error) };
  }
}

function refuse(unreadable: UnreadableFile): ReadRefusal {
  return { skipped: describeUnreadable(unreadable), unreadable };
}

function tooLarge(size: string, maxBytes: number): UnreadableFile {
  return { reason: 'too-large', detail: `${size}; FM Atlas reads files up to ${formatSize(maxBytes)}` };
}

/** A size as people say it, rounded up so that a file just over the limit never reads as the limit. */
function formatSize(bytes: number): string {
  if (bytes >= 1048576) {
    return `${Math.ceil(bytes / 1048576)} MB`;
  }
  return bytes >= 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${bytes} bytes`;
}

function describeFileType(stat: Stats): string {
  return stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a FIFO'
      : stat.isCharacterDevice()
        ? 'a character device'
        : stat.isBlockDevice()
          ? 'a block device'
          : stat.isSocket()
            ? 'a socket'
            : 'neither a file nor a folder';
}
