import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const VECTORS_DIR = new URL('../vectors/', import.meta.url);

/** The raw bytes of a vendored vector file (gunzipped), e.g. 'symbol/3.test-derive-hkdf.json.gz'. */
export function readVectorBytes(name: string): Buffer {
  return gunzipSync(readFileSync(new URL(name, VECTORS_DIR)));
}

/** The parsed entries of a vendored vector file. */
export function readVectors<T>(name: string): T[] {
  return JSON.parse(readVectorBytes(name).toString('utf8')) as T[];
}
