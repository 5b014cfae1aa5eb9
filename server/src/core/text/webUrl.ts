// Links from catalogue files. A user catalogue is data anyone can write, so a URL in it becomes a link
// or reaches an opener only when it is a well-formed http(s) URL: `javascript:`, `file:`, `command:`
// and malformed URLs are shown as text, never followed.

/** The URL as a normalised http(s) link, or undefined when it is anything else or malformed. Never throws. */
export function toWebUrl(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > 2048 || !/^https?:\/\//i.test(value.trim())) {
    return undefined;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The doi.org link of a DOI, or undefined when the DOI cannot be part of a URL (a lone surrogate). Never throws. */
export function toDoiUrl(doi: string): string | undefined {
  return toWebUrl(`https://doi.org/${doi.trim()}`);
}
