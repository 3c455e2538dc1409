import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';

interface StaticFile {
  readonly file: string;
  readonly type: string;
}

/**
 * A fixed list, not a folder: nothing outside it can ever be served (no path traversal), and the
 * browser libraries come from the project's own node_modules, never from a CDN.
 */
export function staticFileTable(rootDir: string): Readonly<Record<string, StaticFile>> {
  const web = (name: string) => join(rootDir, 'web', name);
  const modules = (name: string) => join(rootDir, 'node_modules', name);
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return {
    '/': { file: web('index.html'), type: 'text/html; charset=utf-8' },
    '/chat.js': { file: web('chat.js'), type: js },
    '/chat.css': { file: web('chat.css'), type: css },
    '/embed.js': { file: web('embed.js'), type: js },
    '/vendor/webchat.js': { file: modules('botframework-webchat/dist/webchat.js'), type: js },
    '/vendor/exit-this-page.js': { file: modules('govuk-frontend/dist/govuk/components/exit-this-page/exit-this-page.bundle.js'), type: js },
    '/vendor/exit-this-page.css': { file: web('generated/exit-this-page.css'), type: css },
    '/console/login': { file: web('console/login.html'), type: 'text/html; charset=utf-8' },
    '/console/login.js': { file: web('console/login.js'), type: js },
    '/console/console.css': { file: web('console/console.css'), type: css },
    '/console/adviser': { file: web('console/adviser.html'), type: 'text/html; charset=utf-8' },
    '/console/consoleKit.js': { file: web('console/consoleKit.js'), type: js },
    '/console/adviser.js': { file: web('console/adviser.js'), type: js },
    '/console/staff': { file: web('console/staff.html'), type: 'text/html; charset=utf-8' },
    '/console/staff.js': { file: web('console/staff.js'), type: js },
    '/console/admin': { file: web('console/admin.html'), type: 'text/html; charset=utf-8' },
    '/console/admin.js': { file: web('console/admin.js'), type: js },
    '/vendor/chart.js': { file: modules('chart.js/dist/chart.umd.min.js'), type: js },
  };
}

export function registerStaticFiles(server: Server, rootDir: string): void {
  const cache = new Map<string, Buffer>();
  for (const [path, entry] of Object.entries(staticFileTable(rootDir))) {
    const serve = async (req: Request, res: Response) => {
      try {
        const body = cache.get(entry.file) ?? (await readFile(entry.file));
        cache.set(entry.file, body);
        res.writeHead(200, {
          'content-type': entry.type,
          'content-length': body.length,
          // Pages must never be cached: a shared computer should not show them from history.
          'cache-control': entry.type.startsWith('text/html') ? 'no-store' : 'public, max-age=300',
          'x-content-type-options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.send(404, { error: { code: 'NotFound', message: `${path} is missing from this installation. Run "npm run build".` } });
      }
    };
    // restify routes HEAD only to HEAD handlers; link checkers and uptime monitors use it.
    server.get(path, serve);
    server.head(path, serve);
  }
}
