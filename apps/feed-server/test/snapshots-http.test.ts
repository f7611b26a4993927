/**
 * The image routes as HTTP: validators and caching (strong ETag, 304, Cache-Control, a new image
 * for a new feed version, one render for concurrent identical requests), refusals that name the
 * parameter and what it may be (markup from the URL never echoed as markup), the limits (a
 * per-client budget that cached answers never spend, a full queue), a Chromium that cannot be
 * started (503 that says what to install, feeds still served), a crashed Chromium relaunched,
 * and a server with images turned off.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_CACHE_CONTROL } from '../src/http/snapshot-routes.js';
import { INDICATOR, post, waitUntil, withServer, type TestServer } from './helpers.js';
import { CHROME, PNG_SIGNATURE, fetchBytes, startSnapshotServer } from './snapshots-helpers.js';

let server: TestServer;
const url = (path: string) => `${server.url}/api/feeds/${path}`;
const renders = () => server.snapshots!.renders;

beforeAll(async () => {
  server = await startSnapshotServer();
});
afterAll(() => server?.dispose());

describe('caching', { timeout: 60_000 }, () => {
  it('sends a strong ETag and a Cache-Control any cache may follow, and 304 for a matching If-None-Match', async () => {
    const first = await fetchBytes(url('haishan/snapshots/score-gauge.png'));
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers['cache-control']).toBe(SNAPSHOT_CACHE_CONTROL);
    expect(first.headers['access-control-allow-origin']).toBe('*');

    const before = renders();
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await fetchBytes(url('haishan/snapshots/score-gauge.png'), {
        headers: { 'If-None-Match': header },
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe(SNAPSHOT_CACHE_CONTROL);
    }
    // The same options written otherwise are the same image.
    const same = await fetchBytes(
      url('haishan/snapshots/score-gauge.png?scale=2&theme=light&lang=en&width=360'),
    );
    expect(same.headers.etag).toBe(etag);
    expect(same.body.equals(first.body)).toBe(true);
    expect(renders()).toBe(before);
  });

  it('makes a new image with a new ETag once the feed changes', async () => {
    const path = 'haishan/snapshots/indicator-table.png?area=public-order&width=720&scale=1';
    const first = await fetchBytes(url(path));
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    const written = await post(server, '/api/feeds/haishan/indicators', {
      indicators: [{ id: INDICATOR, value: 4321 }],
    });
    expect(written.status).toBe(200);
    const before = renders();
    const after = await fetchBytes(url(path), { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.equals(first.body)).toBe(false);
    expect(renders()).toBe(before + 1);
  });

  it('renders once for concurrent identical requests', async () => {
    const before = renders();
    const path = 'yantian/snapshots/grid-map.png?metric=alerts110&width=500';
    const replies = await Promise.all(Array.from({ length: 8 }, () => fetchBytes(url(path))));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((r) => r.headers.etag)).size).toBe(1);
    expect(replies.every((r) => r.body.equals(replies[0]!.body))).toBe(true);
    expect(renders()).toBe(before + 1);
  });

  it('sends an SVG or a text compressed when asked, with its own strong ETag', async () => {
    const plain = await fetchBytes(url('yantian/snapshots/score-gauge.svg'));
    const br = await fetchBytes(url('yantian/snapshots/score-gauge.svg'), {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(br.headers.etag).toBe(`${String(plain.headers.etag).slice(0, -1)}-br"`);
    const revalidated = await fetchBytes(url('yantian/snapshots/score-gauge.svg'), {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': String(br.headers.etag) },
    });
    expect(revalidated.status).toBe(304);
  });
});

describe('refusals', { timeout: 60_000 }, () => {
  const problem = async (path: string, status: number) => {
    const reply = await fetchBytes(url(path));
    expect(reply.status, reply.text).toBe(status);
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    // Nothing from the URL comes back as markup.
    expect(reply.text).not.toMatch(/<(script|img)/i);
    return reply.json();
  };

  it('404: an unknown widget, format or feed, and .svg of a widget that is not drawn in SVG', async () => {
    expect((await problem('yantian/snapshots/pie-chart.png', 404)).detail).toContain(
      'score-gauge, grid-map, case-timeline, indicator-table',
    );
    expect((await problem('yantian/snapshots/score-gauge.gif', 404)).detail).toContain('.png, .svg, .txt');
    expect((await problem('nowhere/snapshots/score-gauge.png', 404)).detail).toContain(
      'There is no feed "nowhere"',
    );
    expect((await problem('yantian/snapshots/case-timeline.svg', 404)).detail).toContain(
      'use case-timeline.png',
    );
    expect((await problem('yantian/snapshots/indicator-table.svg', 404)).detail).toContain(
      'use indicator-table.png',
    );
    expect(
      (await problem('yantian/snapshots/%3Cscript%3Ealert(1)%3C%2Fscript%3E.png', 404)).detail,
    ).toContain('\\u003cscript\\u003e');
  });

  it.each([
    ['score-gauge.png?colour=red', 'colour', 'lang, theme, width, scale, area, grades, compact'],
    ['score-gauge.png?width=100', 'width', 'from 280 to 1600'],
    ['score-gauge.png?width=wide', 'width', 'from 280 to 1600'],
    ['score-gauge.png?scale=5', 'scale', '1, 2, 3'],
    ['score-gauge.png?lang=de', 'lang', 'en, zh-CN'],
    ['score-gauge.png?theme=pink', 'theme', 'light, dark'],
    ['score-gauge.png?area=crime', 'area', 'stability, public-order, fire'],
    ['grid-map.png?metric=murders', 'metric', 'alerts110, cases'],
    ['grid-map.svg?subdistrict=atlantis', 'subdistrict', 'shatoujiao, haishan'],
    ['grid-map.png?privacy-threshold=0', 'privacy-threshold', 'from 3 to 1000'],
    ['case-timeline.png?interval=fortnight', 'interval', 'day, week, month, year'],
    ['case-timeline.png?start=2017-13-01', 'start', 'YYYY-MM-DD'],
    ['case-timeline.png?start=2017-06-01&end=2017-01-01', 'end', 'before start'],
    ['case-timeline.txt?grid=nowhere', 'grid', 'shatoujiao-g01'],
    ['indicator-table.png?sort=colour', 'sort', 'name, value, target'],
    ['indicator-table.png?status-filter=great', 'status-filter', 'met, not-met, no-data, no-target'],
    ['score-gauge.png?lang=en&lang=zh-CN', 'lang', 'more than once'],
  ])('400 for %s, naming %s and what it may be', async (path, parameter, allowed) => {
    const body = await problem(`yantian/snapshots/${path}`, 400);
    expect(body.type).toBe('urn:safety-widgets:problem:bad-request');
    expect(body.problems!.map((p) => p.path)).toContain(parameter);
    expect(body.detail).toContain(allowed);
  });

  it('quotes HTML and script in values and names escaped, never as markup', async () => {
    const script = encodeURIComponent('<script>alert(1)</script>');
    const value = await problem(`yantian/snapshots/grid-map.png?metric=${script}`, 400);
    expect(value.detail).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    const interval = await problem(`yantian/snapshots/case-timeline.png?interval=${script}`, 400);
    expect(interval.detail).toContain('\\u003cscript\\u003e');
    const name = await problem(`yantian/snapshots/grid-map.png?${encodeURIComponent('<img src=x>')}=1`, 400);
    expect(name.problems!.map((p) => p.path)).toEqual(['\\u003cimg src=x\\u003e']);
  });

  it('draws markup in free text as text: nothing in it runs', async () => {
    const query = encodeURIComponent('<img src=x onerror=alert(1)><script>alert(2)</script>');
    const reply = await fetchBytes(
      url(`yantian/snapshots/indicator-table.png?query=${query}&width=640&scale=1`),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(server.snapshots!.renderer.dialogs).toBe(0);
  });

  it('405 for other methods', async () => {
    const reply = await fetchBytes(url('yantian/snapshots/score-gauge.png'), { method: 'DELETE' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD, OPTIONS');
  });
});

describe('limits', { timeout: 120_000 }, () => {
  it('429 past the per-client budget of new images; images made already are still served', async () => {
    await withServer({ chromePath: CHROME, snapshotRendersPerMinute: 2 }, async (limited) => {
      const get = (query: string, headers: Record<string, string> = {}) =>
        fetchBytes(`${limited.url}/api/feeds/meisha/snapshots/score-gauge.txt?${query}`, { headers });
      const first = await get('lang=en');
      expect(first.status).toBe(200);
      expect((await get('lang=zh-CN')).status).toBe(200);
      const third = await fetchBytes(`${limited.url}/api/feeds/meisha/snapshots/score-gauge.png`);
      expect(third.status).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.json().detail).toContain('2 images that had to be made this minute');
      // Cached and revalidated answers spend nothing.
      for (let i = 0; i < 5; i++) expect((await get('lang=en')).status).toBe(200);
      expect((await get('lang=en', { 'If-None-Match': String(first.headers.etag) })).status).toBe(304);
    });
  });

  it('503 with Retry-After while the renderer and its queue are full', async () => {
    await withServer({ chromePath: CHROME, snapshotConcurrency: 1, snapshotQueue: 0 }, async (busy) => {
      let release!: () => void;
      const held = busy.snapshots!.queue.run(() => new Promise<void>((resolve) => (release = resolve)));
      try {
        const reply = await fetchBytes(`${busy.url}/api/feeds/yantian/snapshots/score-gauge.png`);
        expect(reply.status).toBe(503);
        expect(reply.headers['retry-after']).toBe('5');
        expect(reply.json().type).toBe('urn:safety-widgets:problem:renderer-busy');
      } finally {
        release();
        await held;
      }
      expect((await fetchBytes(`${busy.url}/api/feeds/yantian/snapshots/score-gauge.png`)).status).toBe(200);
    });
  });
});

describe('Chromium', { timeout: 120_000 }, () => {
  it('503 saying what to install when there is no Chromium; the feeds are served as usual', async () => {
    await withServer({ chromePath: '/nonexistent/chromium' }, async (bare) => {
      const reply = await fetchBytes(`${bare.url}/api/feeds/yantian/snapshots/score-gauge.png`);
      expect(reply.status).toBe(503);
      expect(reply.headers['retry-after']).toBeDefined();
      const body = reply.json();
      expect(body.type).toBe('urn:safety-widgets:problem:renderer-unavailable');
      expect(body.detail).toContain('apt-get install chromium');
      expect(body.detail).toContain('CHROME_PATH');
      expect((await fetchBytes(`${bare.url}/api/feeds/yantian`)).status).toBe(200);
      expect((await fetchBytes(`${bare.url}/api/feeds/yantian/snapshots/score-gauge.txt`)).status).toBe(503);
    });
  });

  it('relaunches a Chromium that crashed', async () => {
    expect((await fetchBytes(url('meisha/snapshots/grid-map.png?scale=1'))).status).toBe(200);
    const renderer = server.snapshots!.renderer;
    const launches = renderer.launches;
    // The browser process this test process started (the renderer's: Playwright drives it over a
    // pipe; its own children are the ones with a --type).
    const pids = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('--remote-debugging-pipe') && !line.includes('--type='))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(pids).toHaveLength(1);
    process.kill(pids[0]!, 'SIGKILL');
    await waitUntil(() => !renderer.running, 'the renderer to notice the crash');
    const reply = await fetchBytes(url('meisha/snapshots/grid-map.png?scale=1&theme=dark'));
    expect(reply.status).toBe(200);
    expect(renderer.launches).toBe(launches + 1);
  });

  it('404 for every image on a server run with --no-snapshots', async () => {
    await withServer({ snapshots: false }, async (off) => {
      const reply = await fetchBytes(`${off.url}/api/feeds/yantian/snapshots/score-gauge.png`);
      expect(reply.status).toBe(404);
      expect(reply.json().detail).toContain('--no-snapshots');
    });
  });
});
