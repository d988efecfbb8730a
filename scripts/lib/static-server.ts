// A tiny static file server on 127.0.0.1 for fixture and real pages. It logs every request so
// tests can assert exactly what was fetched. `<file>.headers.json` next to a file adds headers.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  /** Every request path the server received, in order. */
  log: string[];
  close(): Promise<void>;
}

/** Serves `mounts` (URL prefix -> directory), e.g. { '/': 'e2e/fixtures', '/real/': '../shared/real-pages' }. */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const log: string[] = [];
  const entries = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(url.pathname + url.search);
    const mount = entries.find(([prefix]) => url.pathname.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const [prefix, dir] = mount;
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    void (async () => {
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (existsSync(file + '.headers.json')) {
        Object.assign(
          headers,
          JSON.parse(await readFile(file + '.headers.json', 'utf8')) as Record<string, string>,
        );
      }
      res.writeHead(200, headers).end(body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
