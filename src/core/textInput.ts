/**
 * Small readers of text the user hands over (files, flags), shared by the parsers: each says only whether the text
 * is usable, and the caller words the error for its own input (INVALID_FILE for a file, INVALID_INPUT for a flag).
 */

/** The JSON value in `text`, or `failed()`'s error when it is not JSON. */
export function parseJsonOr(text: string, failed: () => Error): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw failed();
  }
}

/** The URL when `text` is an absolute http or https URL, else undefined. */
export function httpUrlOf(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
