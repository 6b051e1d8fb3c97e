/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) whose whole state is four
 * 32-bit integers kept inside the simulation state. Every choice the engine makes —
 * which unit runs next, which key the master generates — draws from it, so a command
 * log replays bit for bit. Math.random() is never used (see STYLE.md, raftscope).
 */
export type RngState = [number, number, number, number];

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function seedRng(seed: number): RngState {
  const next = splitmix32(seed);
  return [next(), next(), next(), next()];
}

/** Advances the state in place and returns a uniform 32-bit unsigned integer. */
export function nextU32(s: RngState): number {
  // Read one by one: destructuring an array goes through its iterator, on every draw.
  let a = s[0] >>> 0, b = s[1] >>> 0, c = s[2] >>> 0, d = s[3] >>> 0;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  s[0] = a >>> 0; s[1] = b; s[2] = c; s[3] = d;
  return t;
}

/** A uniform integer in [0, n). */
export function nextInt(s: RngState, n: number): number {
  return Math.floor((nextU32(s) / 4294967296) * n);
}

/** A uniform float in [0, 1). */
export function nextFloat(s: RngState): number {
  return nextU32(s) / 4294967296;
}
