/**
 * The origin written into a feed's `links` (which the widgets follow to its event stream):
 * `--public-origin` when set; else the origin the request was made to, when it names this
 * machine (localhost, a loopback or interface address, at the listening port); else the listening
 * origin. A Host header is never trusted beyond that: every distinct origin is a distinct feed
 * body to build and compress, so a client inventing hosts must not be able to make new ones.
 * Behind a reverse proxy or on a public name, set `--public-origin`.
 */
import { networkInterfaces } from 'node:os';
import type { FastifyRequest } from 'fastify';

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** The hosts (`name` or `[v6]`) by which this machine may be addressed. */
function localHosts(listenHost: string): string[] {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (!WILDCARD.has(listenHost)) hosts.add(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  for (const list of Object.values(networkInterfaces())) {
    for (const { address, family } of list ?? []) hosts.add(family === 'IPv6' ? `[${address}]` : address);
  }
  return [...hosts];
}

export function originResolver(
  publicOrigin: string | undefined,
  listenHost: string,
  /** The listening port; known once the server listens. */
  port: () => number,
): (request: FastifyRequest) => string {
  let allowed: Set<string> | undefined;
  let fallback = '';
  return (request) => {
    if (publicOrigin) return publicOrigin;
    if (!allowed) {
      const p = port();
      allowed = new Set(localHosts(listenHost).flatMap((h) => (p === 80 ? [`${h}:${p}`, h] : [`${h}:${p}`])));
      const host = WILDCARD.has(listenHost)
        ? '127.0.0.1'
        : listenHost.includes(':')
          ? `[${listenHost}]`
          : listenHost;
      fallback = `http://${host}:${p}`;
    }
    const host = request.host.toLowerCase();
    return request.protocol === 'http' && allowed.has(host) ? `http://${host}` : fallback;
  };
}

/** A request's URL (its path always taken as a path, never as `//host`); undefined if it is not one. */
export function requestUrl(raw: string | undefined): URL | undefined {
  try {
    return new URL(`http://localhost${raw?.startsWith('/') ? raw : `/${raw ?? ''}`}`);
  } catch {
    return undefined;
  }
}

/** The path of a request's URL, undecoded, without its query; never throws. */
export function requestPath(raw: string | undefined): string {
  return requestUrl(raw)?.pathname ?? (raw ?? '/').split(/[?#]/)[0]!;
}
