/**
 * A deterministic RandomBytes (a linear congruential generator): the same seed gives the same keys, IVs and signed
 * bytes, so tests can compare payloads exactly. Never for real keys.
 */
export function seededRandom(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      out[i] = state >>> 24;
    }
    return out;
  };
}
