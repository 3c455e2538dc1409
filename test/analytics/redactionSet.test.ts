import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../src/analytics/redact';

interface Labelled {
  readonly text: string;
  readonly remove: readonly string[];
  readonly keep: readonly string[];
}

const load = (name: string): Labelled[] =>
  readFileSync(join(__dirname, '..', 'fixtures', 'analytics', name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Labelled);
const SET = load('redactionSet.jsonl');
const NAMES = load('namesRound2.jsonl');

const isEmail = (s: string) => s.includes('@');
const isPostcode = (s: string) => /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(s.trim());
const isPhone = (s: string) => /^(\+44|0)[\d ()-]{9,}$/.test(s.trim()) && !isPostcode(s);

describe(`the labelled redaction set (${SET.length} messages)`, () => {
  it('has at least 150 messages with personal details', () => {
    expect(SET.filter((row) => row.remove.length > 0).length).toBeGreaterThanOrEqual(150);
  });

  it('loses every phone number, email address and postcode', () => {
    const left = SET.flatMap((row) => {
      const out = redact(row.text).text;
      return row.remove.filter((detail) => (isEmail(detail) || isPostcode(detail) || isPhone(detail)) && out.includes(detail));
    });
    expect(left).toEqual([]);
  });

  it('loses at least 98% of all personal details (names in lower case are the known gap)', () => {
    const details = SET.flatMap((row) => row.remove.map((detail) => ({ detail, out: redact(row.text).text })));
    const left = details.filter(({ detail, out }) => out.includes(detail));
    expect(left.length / details.length).toBeLessThanOrEqual(0.02);
  });

  it('keeps every ordinary word, public helpline number, meeting date and section number', () => {
    const lost = SET.flatMap((row) => {
      const out = redact(row.text).text;
      return row.keep.filter((word) => !out.includes(word)).map((word) => `${word} in: ${out}`);
    });
    expect(lost).toEqual([]);
  });
});

describe(`people's names wherever parents put them (${NAMES.length} messages)`, () => {
  const results = NAMES.map((row) => ({ row, out: redact(row.text).text }));

  it('loses at least 85% of names, in lower case and mid-sentence too', () => {
    const names = results.flatMap(({ row, out }) => row.remove.map((name) => out.includes(name)));
    expect(names.filter((left) => left).length / names.length).toBeLessThanOrEqual(0.15);
  });

  it('keeps at least 99% of places, services, legal terms and ordinary capitalised words', () => {
    const keeps = results.flatMap(({ row, out }) => row.keep.map((word) => out.includes(word)));
    expect(keeps.filter((kept) => !kept).length / keeps.length).toBeLessThanOrEqual(0.01);
  });
});
