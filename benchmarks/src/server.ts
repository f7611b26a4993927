/**
 * A tiny static server on 127.0.0.1 for the benchmark pages: `/embed/*` the embed files (the run's
 * snapshot of them), `/ref/*` the reference bundles, `/data/*` the generated data, `/feeds/*` the
 * sample feeds of @safety-widgets/sample-data as published, `/page/<id>` the pages the `pages`
 * section opens, and `/` an empty page.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { dataDir, embedSnapshot, referenceDist, sampleFeedsDir } from './paths.js';

const ROOTS: Record<string, string> = {
  embed: embedSnapshot,
  ref: referenceDist,
  data: dataDir,
  feeds: sampleFeedsDir,
};
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font-family:sans-serif}#host{width:1000px}</style>`;

/** The page every timing starts from: a fixed-width host and nothing else. */
const EMPTY_PAGE = `${HEAD}</head><body><div id="host"></div></body></html>`;

/** An HTML page: what goes in its head (scripts) and in its body (widgets). */
export interface PageHtml {
  head: string;
  body: string;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts the server; `pages` are served at `/page/<id>`. */
export async function startServer(pages: Readonly<Record<string, PageHtml>> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const html = (body: string) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(body);
    if (path === '/') return void html(EMPTY_PAGE);
    const [, root, ...rest] = path.split('/');
    if (root === 'page') {
      const page = pages[rest.join('/')];
      if (page)
        return void html(`${HEAD}${page.head}</head><body><div id="host">${page.body}</div></body></html>`);
    }
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
