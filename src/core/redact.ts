/**
 * Keeping secrets out of messages: a value the user typed where a path or a name belongs may be a private key or a
 * password pasted by mistake, and error messages end up in terminals, logs and CI output (docs/ARCHITECTURE.md#safety-rules).
 */

/** A run of 40 or more hex digits (a private key is 64), or a PEM block. */
const SECRET_LIKE = /[0-9a-fA-F]{40,}|-----BEGIN/;

/** True when `text` could be (or contain) a private key. */
export function looksLikeSecret(text: string): boolean {
  return SECRET_LIKE.test(text);
}

/**
 * `text` as it may be echoed in a message naming a path: hidden when it could be a secret, or when it does not even
 * look like a path (no `/`, `\` or `.`: e.g. a password given to --password-file).
 */
export function echoPath(text: string): string {
  if (looksLikeSecret(text)) return '(value hidden: it looks like a key, and a file path was expected)';
  if (!/[/\\.]/.test(text)) return '(value hidden: it does not look like a file path)';
  return text;
}

/** `text` quoted as it may be echoed in a message naming a URL: hidden when it could be a secret (a key pasted there). */
export function echoUrl(text: string): string {
  return looksLikeSecret(text) ? '(value hidden: it looks like a key, and a URL was expected)' : `"${text}"`;
}

/** `text` quoted as it may be echoed in a message about a flag's value (a number, a mode): hidden when it could be a secret. */
export function echoValue(text: string): string {
  return looksLikeSecret(text) ? '(value hidden: it looks like a key)' : `"${text}"`;
}
