/**
 * A tiny static server on 127.0.0.1 for the benchmark pages: `/embed/*` the embed files (the run's
 * snapshot of them),
 * `/ref/*` the reference bundles, `/data/*` the generated data, `/` an empty page.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { dataDir, embedSnapshot, referenceDist } from './paths.js';

const ROOTS: Record<string, string> = { embed: embedSnapshot, ref: referenceDist, data: dataDir };
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

/** The page every benchmark starts from: a fixed-width host and nothing else. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font-family:sans-serif}#host{width:1000px}</style></head>
<body><div id="host"></div></body></html>`;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    const [, root, ...rest] = path.split('/');
    const base = root ? ROOTS[root] : undefined;
    const file = base ? join(base, normalize(rest.join('/')).replace(/^(\.\.[/\\])+/, '')) : undefined;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
