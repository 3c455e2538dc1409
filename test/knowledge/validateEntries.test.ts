import { parseEntryFile } from '../../src/knowledge/loadEntries';
import { validateEntries } from '../../src/knowledge/validateEntries';

const ANSWER = 'Section 20 means your child lives somewhere else for a while because you agreed. There is no court order. You keep parental responsibility, and you can ask for your child to come home at any time. Put it in writing and keep a copy.';

function entryFile(name: string, fields: Record<string, unknown>, body = ANSWER) {
  const yamlLines = Object.entries(fields).map(([key, value]) =>
    Array.isArray(value) ? `${key}:\n${value.map((v) => `  - ${JSON.stringify(v)}`).join('\n')}` : `${key}: ${JSON.stringify(value)}`,
  );
  return parseEntryFile(`section-20/${name}.md`, `---\n${yamlLines.join('\n')}\n---\n${body}\n`);
}

const good = {
  id: 'section-20-what-it-is',
  topic: 'section-20',
  title: 'What is section 20?',
  phrasings: ['what is a s20', 'they want me to sign section 20', 'voluntary care what is it', 'secton 20 meaning', 'sw says sign s20 or else'],
  links: ['https://www.legislation.gov.uk/ukpga/1989/41/section/20'],
  related: [],
};

describe('the knowledge base checker', () => {
  it('accepts a complete entry', () => {
    const report = validateEntries([entryFile('section-20-what-it-is', good)]);
    expect(report.problems).toEqual([]);
    expect(report.entries.map((e) => e.id)).toEqual(['section-20-what-it-is']);
  });

  it.each([
    ['a topic not in the taxonomy', { topic: 'fostering' }, 'topic: "fostering" is not a topic in TAXONOMY.md'],
    ['an id that does not match its file', { id: 'section-20-other' }, 'id: "section-20-other" must match the file name'],
    ['too few phrasings', { phrasings: ['a', 'b', 'c'] }, 'phrasings: needs at least 5 different phrasings (found 3)'],
    ['a link that is not https', { links: ['http://example.org/'] }, 'links: "http://example.org/" is not an https:// address'],
    ['a related id that does not exist', { related: ['section-20-nowhere'] }, 'related: "section-20-nowhere" is not the id of any entry'],
    ['an offerDialog that is no dialog', { offerDialog: 'adoption' }, 'offerDialog: "adoption" is not a guided conversation'],
    ['a missing title', { title: undefined }, 'title: is missing or not text'],
    ['an out-of-scope entry', { topic: 'out-of-scope' }, 'topic: out-of-scope is for messages'],
  ])('names the file and field for %s', (_name, change, message) => {
    const fields = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined));
    const { problems, entries } = validateEntries([entryFile('section-20-what-it-is', fields)]);
    expect(problems.some((p) => p.startsWith('section-20/section-20-what-it-is.md: ') && p.includes(message))).toBe(true);
    expect(entries).toEqual([]);
  });

  it('rejects an answer that is too long', () => {
    const { problems } = validateEntries([entryFile('section-20-what-it-is', good, 'word '.repeat(240))]);
    expect(problems).toEqual(['section-20/section-20-what-it-is.md: answer: is 240 words; keep it to about 180 (at most 200)']);
  });

  it('rejects two entries with the same id', () => {
    const a = entryFile('section-20-what-it-is', good);
    const b = { ...a, file: 'section-20/copy/section-20-what-it-is.md' };
    expect(validateEntries([a, b]).problems).toEqual(['section-20/copy/section-20-what-it-is.md: id: "section-20-what-it-is" is already used by section-20/section-20-what-it-is.md']);
  });

  it('explains broken YAML instead of crashing', () => {
    const broken = parseEntryFile('section-20/bad.md', '---\nid: [unclosed\n---\nbody');
    expect(validateEntries([broken]).problems[0]).toMatch(/^section-20\/bad\.md: file: front matter is not valid YAML/);
  });
});
