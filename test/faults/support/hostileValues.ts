import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import type { Rng } from './prng';

/** Text that has broken parsers, loggers, terminals and databases somewhere, sometime. */
const NASTY_FRAGMENTS = [
  '\u0000', '\u0001\u0002\u0003', '\u0007', '\u0008', '\u001b[2J\u001b[31m', '\r\n\r\nHTTP/1.1 200 OK\r\n', '\u007f',
  '\ud800', '\udfff', '\udc00\ud800', '\ud83d', '\ud83d\ude00', '\uffff', '\ufffe', '\ufeff', '\u200b\u200c\u200d', '\u202e',
  '\u2028\u2029', '\u0301\u0301\u0301\u0301', 'Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f', '\u00a0', '\u3000', '\ufdfd',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; DROP TABLE bot_state; --", '${7*7}{{7*7}}', '%s%s%n%x',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', 'file:///etc/passwd', '{"type":"message"}', '__proto__', 'constructor',
  'A'.repeat(300), '😀'.repeat(50), '١٢٣', 'İıŞş', 'ß'.repeat(20), '\t\t\t', ' ', '',
];

const WORDS = ['section 20', 'social worker', 'child protection', 'help', 'start over', 'care proceedings', 'talk to a person', 'menu', 'yes', 'no', 'back', 'hello'];

export function hostileText(rng: Rng): string {
  const kind = rng.int(0, 5);
  if (kind === 0) return rng.pick(NASTY_FRAGMENTS);
  if (kind === 1) return Array.from({ length: rng.int(2, 12) }, () => rng.pick([...NASTY_FRAGMENTS, ...WORDS])).join(rng.pick(['', ' ', '\n']));
  if (kind === 2) return rng.pick(WORDS).repeat(rng.int(100, 3000));
  if (kind === 3) return randomUnicode(rng, rng.int(1, 400));
  if (kind === 4) return `${rng.pick(WORDS)} ${rng.pick(NASTY_FRAGMENTS)} ${rng.pick(WORDS)}`;
  return rng.pick(NASTY_FRAGMENTS).repeat(rng.int(100, 5000));
}

/** Code units from all over the range, lone surrogates and controls included. */
export function randomUnicode(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    const band = rng.int(0, 3);
    const unit = band === 0 ? rng.int(0, 0x1f) : band === 1 ? rng.int(0x20, 0x7e) : band === 2 ? rng.int(0xd800, 0xdfff) : rng.int(0x80, 0xffff);
    out += String.fromCharCode(unit);
  }
  return out;
}

/** Anything JSON can hold, including types a field was never meant to have. */
export function wrongTypedValue(rng: Rng): unknown {
  return rng.pick<unknown>([5, -1, 0, 1.5, 1e308, true, false, null, '', 'x', {}, [], [null], [5], ['x'], [{}], { id: 5 }, { a: { b: {} } }, 'a'.repeat(1000)]);
}

/** JSON that is not quite JSON (never, by accident, valid JSON). */
export function brokenJson(rng: Rng, valid: string): string {
  const broken = breakJson(rng, valid);
  try {
    JSON.parse(broken);
  } catch {
    return broken;
  }
  return `${broken}}`;
}

function breakJson(rng: Rng, valid: string): string {
  const kind = rng.int(0, 9);
  if (kind === 0) return valid.slice(0, rng.int(1, Math.max(1, valid.length - 1)));
  if (kind === 1) return `${valid}${rng.pick(['}', ']', ',', 'x', '\u0000', ' {}'])}`;
  if (kind === 2) return valid.replace(/"/g, "'");
  if (kind === 3) return valid.replace(/:/, ': NaN, "x":');
  if (kind === 4) return `/* comment */${valid}`;
  if (kind === 5) return `\ufeff${valid}`;
  if (kind === 6) return rng.pick(['{', '[', '"', '{"a":', 'undefined', '{a:1}', '[1,]', '{"a":1,}', '01', '-', '1e', '\u0000']);
  if (kind === 7) return valid.replace(/:"/, ':"\u0001\n');
  if (kind === 8) return rng.bytes(rng.int(1, 200)).toString('latin1');
  return valid.replace(/\}$/, `,"x":${'['.repeat(rng.int(1, 50))}`);
}

/** A JSON document nested `depth` levels, inside a field, as text (it never exists as an object here). */
export function deeplyNested(rng: Rng, depth: number): string {
  return rng.chance(0.5) ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

export type Compressed = { readonly encoding: string; readonly body: Buffer };

/** Compressed or claiming to be: real gzip, a small bomb, truncated streams, plain text mislabelled. */
export function compressedBody(rng: Rng, json: string): Compressed {
  const kind = rng.int(0, 6);
  if (kind === 0) return { encoding: 'gzip', body: gzipSync(json) };
  if (kind === 1) return { encoding: 'gzip', body: gzipSync(Buffer.alloc(rng.int(1, 8) * 1024 * 1024, rng.pick([0, 0x7b]))) };
  if (kind === 2) {
    const whole = gzipSync(json);
    return { encoding: 'gzip', body: whole.subarray(0, rng.int(1, whole.length - 1)) };
  }
  if (kind === 3) return { encoding: rng.pick(['gzip', 'x-gzip', 'GZIP', ' gzip ', 'gzip, identity', 'identity, gzip']), body: Buffer.from(json) };
  if (kind === 4) return { encoding: 'deflate', body: deflateSync(json) };
  if (kind === 5) return { encoding: 'br', body: brotliCompressSync(json) };
  return { encoding: rng.pick(['compress', 'zstd', 'chunked', 'x', '*', 'identity;q=0']), body: rng.bytes(rng.int(1, 500)) };
}
