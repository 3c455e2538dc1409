import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RegisteredRoute {
  readonly method: string;
  readonly path: string;
  readonly file: string;
}

const METHODS: Readonly<Record<string, string>> = { get: 'GET', post: 'POST', put: 'PUT', del: 'DELETE', patch: 'PATCH', head: 'HEAD', opts: 'OPTIONS' };

/**
 * Every `server.<method>(path, …)` in src/, with constants and `${…}` templates resolved (a name it
 * cannot resolve becomes a :parameter). Registrations whose path is a loop variable (the static file
 * table) are skipped: the test checks that table on its own. Reading the source, rather than a running
 * server, also finds routes that only exist with settings the test does not use.
 */
export function scanRoutes(srcDir: string): RegisteredRoute[] {
  const files = listTs(srcDir);
  const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const constants = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const { text } of sources) {
    for (const m of text.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*(['`])([^'`\n]*)\2/g)) constants.set(m[1], m[3]);
    for (const m of text.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)\s*;/g)) aliases.set(m[1], m[2]);
  }
  const valueOf = (name: string, depth = 0): string | undefined => {
    if (depth > 10) return undefined;
    if (constants.has(name)) return resolve(constants.get(name) as string, depth + 1);
    if (aliases.has(name)) return valueOf(aliases.get(name) as string, depth + 1);
    return undefined;
  };
  const resolve = (template: string, depth = 0): string => template.replace(/\$\{\s*([A-Za-z_$][\w$]*)\s*\}/g, (_all, name: string) => valueOf(name, depth) ?? `:${name}`);

  const routes: RegisteredRoute[] = [];
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/\bserver\.(get|post|put|del|patch|head|opts)\(\s*(?:(['`])([^'`]*)\2|([A-Za-z_$][\w$]*))/g)) {
      const method = METHODS[m[1]];
      if (m[3] !== undefined) routes.push({ method, path: resolve(m[3]), file });
      else {
        const value = valueOf(m[4]);
        if (value !== undefined) routes.push({ method, path: value, file });
      }
    }
  }
  return routes;
}

/** "/a/:id/b" and "/a/:handoffId/b" are the same route. */
export function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/:[A-Za-z_$][\w$]*/g, ':')}`;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listTs(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
