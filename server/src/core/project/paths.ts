import { URI, Utils } from 'vscode-uri';

/**
 * Parses a URI, or gives undefined for one vscode-uri refuses (`file:////share/x.tex`, whose path
 * starts with `//` without an authority): an editor may send any string as a document's URI.
 */
function parseUri(uri: string): URI | undefined {
  try {
    return URI.parse(uri);
  } catch {
    return undefined;
  }
}

/**
 * The URI of the folder that holds a document. Never throws: for a URI vscode-uri cannot parse, the
 * text before its last slash, under which no path resolves (see resolvePathUri).
 */
export function dirnameUri(uri: string): string {
  const parsed = parseUri(uri);
  return parsed ? Utils.dirname(parsed).toString() : uri.slice(0, Math.max(0, uri.lastIndexOf('/')));
}

/** A UTF-16 code unit of a surrogate pair without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Resolves a path written in a document (relative, or absolute) against a folder URI. Never throws:
 * a lone surrogate (`\input{\udc00}` typed or pasted) cannot be percent-encoded, so it is read as
 * U+FFFD, a path that names no file, which the caller reports as missing; a folder URI that cannot be
 * parsed gives a URI of the `unresolved` scheme, which names no file either.
 */
export function resolvePathUri(folderUri: string, path: string): string {
  const cleaned = path.trim().replace(/\\/g, '/').replace(LONE_SURROGATE, '\uFFFD');
  if (cleaned.startsWith('/') || /^[A-Za-z]:\//.test(cleaned)) {
    return URI.file(cleaned).toString();
  }
  const folder = parseUri(folderUri);
  return folder
    ? Utils.resolvePath(folder, cleaned).toString()
    : URI.from({ scheme: 'unresolved', path: `/${cleaned.replace(/^\/+/, '')}` }).toString();
}

/** Adds an extension to a path that has none, as LaTeX does for `\input{chapter}` and `\bibliography{refs}`. */
export function withDefaultExtension(path: string, extension: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.includes('.') ? path : path + extension;
}

/** A short, human path of a URI relative to another folder, for messages. */
export function displayPath(uri: string, relativeTo?: string): string {
  const path = parseUri(uri)?.path ?? uri;
  if (relativeTo) {
    const base = (parseUri(relativeTo)?.path ?? relativeTo).replace(/\/?$/, '/');
    if (path.startsWith(base)) {
      return path.slice(base.length);
    }
  }
  return path.slice(path.lastIndexOf('/') + 1);
}
