/**
 * Lower-level HTTP for the abuse tests: replies kept as bytes (node:http never decompresses),
 * headers without the body, large request bodies sent with backpressure, and raw TCP sockets for
 * what node:http will not send (pipelining, a lone `Expect: 100-continue`). Every helper is bounded
 * by a timeout and destroys its socket when it is done or gives up.
 */
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface BytesReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Give up (and destroy the request) after this many milliseconds. */
  timeoutMs?: number;
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(new Error('the response was cut short'));
    });
  });
}

/** One request on a fresh connection; the body comes back as the bytes on the wire. */
export function fetchBytes(url: string, options: RequestOptions = {}): Promise<BytesReply> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${options.method ?? 'GET'} ${url}: no complete reply within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('response', (res) => {
      readAll(res).then(
        (body) => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}

/** The status and headers of a reply; the connection is destroyed without reading the body (streams). */
export function fetchHeaders(
  url: string,
  options: RequestOptions = {},
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${options.method ?? 'GET'} ${url}: no headers within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      req.destroy();
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}

export interface UploadOutcome {
  /** The reply, when one arrived (errors after it are expected: the server may stop reading). */
  reply?: BytesReply;
  /** What went wrong before a reply arrived, if anything. */
  error?: Error;
  /** Body bytes handed to the socket before the reply (or the failure). */
  sent: number;
}

/**
 * Sends a body of `totalBytes` bytes (spaces) in `chunkBytes` pieces, waiting for `drain` between
 * them, and stops sending as soon as a reply arrives. Without a Content-Length header the body
 * goes chunked. Never rejects: the outcome says whether a reply came.
 */
export function uploadLargeBody(
  url: string,
  options: { headers: Record<string, string>; totalBytes: number; chunkBytes: number; timeoutMs?: number },
): Promise<UploadOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const chunk = Buffer.alloc(options.chunkBytes, 0x20);
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    let replied = false;
    const req = request(url, { method: 'POST', headers: options.headers, agent: false });
    const settle = (outcome: Omit<UploadOutcome, 'sent'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...outcome, sent });
    };
    const timer = setTimeout(
      () => settle({ error: new Error(`no reply within ${timeoutMs} ms (${sent} bytes sent)`) }),
      timeoutMs,
    );
    const pump = (): void => {
      while (!replied && !settled && sent < options.totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.totalBytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!replied && !settled) req.end();
    };
    req.on('response', (res) => {
      replied = true;
      readAll(res).then(
        (body) => settle({ reply: { status: res.statusCode ?? 0, headers: res.headers, body } }),
        // The head arrived but the body was cut: still a reply, with what came of the body.
        () => settle({ reply: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) } }),
      );
    });
    req.on('error', (error) => {
      if (!replied) settle({ error });
    });
    pump();
  });
}

/** A TCP connection to the host and port of an http:// URL. */
export function connectTo(url: string, timeoutMs = 5000): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`could not connect to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      // A reset from the server is an outcome the tests look at, not an uncaught error.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Collects what the server sends on `socket` (as latin1 text) until `done` says it is enough, the
 * connection closes, or `timeoutMs` passes.
 */
export function readFromSocket(
  socket: Socket,
  timeoutMs: number,
  done: (text: string) => boolean = () => false,
): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const finish = (): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', finish);
      resolve(text);
    };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (done(text)) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', onData);
    socket.once('close', finish);
  });
}

/**
 * Opens a connection that sends `count` pipelined copies of `head` (a full request head ending in
 * a blank line) and never reads a byte of the replies.
 */
export async function pipelineUnread(url: string, head: string, count: number): Promise<Socket> {
  const socket = await connectTo(url);
  socket.pause();
  socket.write(head.repeat(count));
  return socket;
}
