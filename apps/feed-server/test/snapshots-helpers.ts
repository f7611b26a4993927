/**
 * Helpers of the image tests: a server whose renderer uses the test machine's Chromium, binary
 * HTTP answers, PNG facts (signature, size, brightness) and a pixel comparison.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { chromiumPath } from '../../../vitest.shared.js';
import { DEFAULTS, type ServerConfig } from '../src/config.js';
import { call, startTestServer, type Reply, type TestServer } from './helpers.js';

/** The Chromium the renderer drives in tests: the one the browser tests use. */
export const CHROME = chromiumPath() ?? DEFAULTS.chromePath;

/** A test server with images on, rendered by the test machine's Chromium. */
export function startSnapshotServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  return startTestServer({ chromePath: CHROME, snapshotRendersPerMinute: 10_000, ...overrides });
}

/** An answer of the image endpoints: its bytes, and a problem+json reading of its text. */
export interface BinaryReply extends Omit<Reply, 'json'> {
  json: () => {
    type: string;
    title: string;
    status: number;
    detail: string;
    problems?: { path: string; message: string }[];
  };
}

/** One request, the answer's bytes as they came (no decompression, no connection reuse). */
export function fetchBytes(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<BinaryReply> {
  return call(url, options) as Promise<BinaryReply>;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Mean luminance of a PNG's pixels, 0 (black) to 255 (white). */
export function meanLuminance(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4)
    sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4);
}

/** The share of pixels that differ (pixelmatch, colour threshold 0.1) between two PNGs of one size. */
export function differingShare(a: Buffer, b: Buffer): number {
  const left = PNG.sync.read(a);
  const right = PNG.sync.read(b);
  if (left.width !== right.width || left.height !== right.height)
    throw new Error(`sizes differ: ${left.width}×${left.height} and ${right.width}×${right.height}`);
  const differing = pixelmatch(left.data, right.data, undefined, left.width, left.height, { threshold: 0.1 });
  return differing / (left.width * left.height);
}
