import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', 'src');
/** Plain-logic folders (DESIGN.md): they must survive a move off botbuilder, so they never import it. */
const PLAIN_FOLDERS = ['knowledge', 'safety', 'handoff', 'analytics', 'accounts'];
const FORBIDDEN = /from\s+['"](botbuilder[^'"]*|restify[^'"]*|botframework-[^'"]*)['"]|require\(\s*['"](botbuilder|restify|botframework-)/;

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('folders that hold plain logic', () => {
  it('contain code to check', () => {
    expect(PLAIN_FOLDERS.flatMap((folder) => filesUnder(join(SRC, folder))).length).toBeGreaterThan(0);
  });

  it.each(PLAIN_FOLDERS)('src/%s imports neither botbuilder nor restify', (folder) => {
    const offenders = filesUnder(join(SRC, folder)).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });
});

describe('the environment', () => {
  it('is read only by config.ts and index.ts', () => {
    const readers = filesUnder(SRC)
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(readers.filter((file) => file !== 'config.ts' && file !== 'index.ts')).toEqual([]);
    expect(readers).toContain('index.ts');
  });
});
