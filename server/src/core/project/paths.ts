import { URI, Utils } from 'vscode-uri';

/** The URI of the folder that holds a document. */
export function dirnameUri(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** A UTF-16 code unit of a surrogate pair without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Resolves a path written in a document (relative, or absolute) against a folder URI. Never throws:
 * a lone surrogate (`\input{\udc00}` typed or pasted) cannot be percent-encoded, so it is read as
 * U+FFFD, a path that names no file, which the caller reports as missing.
 */
export function resolvePathUri(folderUri: string, path: string): string {
  const cleaned = path.trim().replace(/\\/g, '/').replace(LONE_SURROGATE, '\uFFFD');
  if (cleaned.startsWith('/') || /^[A-Za-z]:\//.test(cleaned)) {
    return URI.file(cleaned).toString();
  }
  return Utils.resolvePath(URI.parse(folderUri), cleaned).toString();
}

/** Adds an extension to a path that has none, as LaTeX does for `\input{chapter}` and `\bibliography{refs}`. */
export function withDefaultExtension(path: string, extension: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.includes('.') ? path : path + extension;
}

/** A short, human path of a URI relative to another folder, for messages. */
export function displayPath(uri: string, relativeTo?: string): string {
  const path = URI.parse(uri).path;
  if (relativeTo) {
    const base = URI.parse(relativeTo).path.replace(/\/?$/, '/');
    if (path.startsWith(base)) {
      return path.slice(base.length);
    }
  }
  return path.slice(path.lastIndexOf('/') + 1);
}
