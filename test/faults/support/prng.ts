/**
 * A small seeded random number generator (mulberry32), so a failing run can be repeated exactly:
 * the test prints its seed, and FAULTS_SEED=<seed> runs the same requests in the same order.
 */
export interface Rng {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `length` characters drawn from `alphabet`. */
  text(length: number, alphabet?: string): string;
  bytes(length: number): Buffer;
}

const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!*()';

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)];
    },
    chance: (probability) => next() < probability,
    text: (length, alphabet = PRINTABLE) => {
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet[int(0, alphabet.length - 1)];
      return out;
    },
    bytes: (length) => {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i += 1) out[i] = int(0, 255);
      return out;
    },
  };
}

/** FAULTS_SEED when given (to repeat a run), otherwise a fresh seed that the test prints. */
export function chooseSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FAULTS_SEED?.trim();
  if (given) {
    if (!/^\d{1,10}$/.test(given)) throw new Error(`FAULTS_SEED must be a whole number (found "${given}")`);
    return Number(given) >>> 0;
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
