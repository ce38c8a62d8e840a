/**
 * A keystore holds the encrypted keys of an account and its journal: like ssh with a private key file, warn when
 * the group or others may read it (harvest writes it 0600 in 0700 folders; a copy or a restore may widen it).
 * The file system port reports no such bits where the platform has no POSIX modes (Windows).
 */

/** The warning for a keystore file of `mode`, or undefined when only its owner may use it. */
export function keystoreModeWarning(path: string, mode: number): string | undefined {
  if ((mode & 0o077) === 0) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  return `WARNING: keystore ${path} is readable by others (mode ${octal}); run: chmod 600 ${path}`;
}
