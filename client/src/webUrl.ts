// The client opens links from catalogue data only when they are http(s): the server already sends
// nothing else, and this check keeps `javascript:`, `file:` or `command:` URLs from an older or another
// server away from the system opener all the same.

/** Whether a URL may go to the system opener. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    return false;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
