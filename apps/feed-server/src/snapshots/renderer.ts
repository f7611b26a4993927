/**
 * The renderer: one headless Chromium (the system's, `--chrome-path`), launched on the first
 * image asked for and relaunched after a crash, with a small pool of pages, each holding the
 * embed bundle already loaded. A render mounts the widget with the exact feed version in one of
 * them (./page-script.ts) and takes a screenshot of the element (a PNG at `scale` device pixels
 * per CSS px, one browser context per scale), its standalone SVG, or its text alternative.
 *
 * The caller bounds how many renders run at once (./limits.ts); the pool holds no more pages than
 * that, so a page is always free or can be made for a render that has its turn.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PageRenderRequest, PageRenderResult } from './page-script.js';
import { PAGE_URL, embedDist, serveRendererRequest } from './page-template.js';

/** Chromium cannot be started here: the service answers 503 and says what to install. */
export class RendererUnavailableError extends Error {
  override name = 'RendererUnavailableError';
}

/** A render failed (a crash, a timeout): worth trying again. */
export class RenderFailedError extends Error {
  override name = 'RenderFailedError';
}

/** The image would be larger than the renderer makes. */
export class ImageTooLargeError extends Error {
  override name = 'ImageTooLargeError';
}

/** Largest side of a PNG in device pixels (Chromium's own limit for a capture). */
export const MAX_IMAGE_SIDE = 16_384;
/**
 * Most device pixels in one PNG: about 96 MB as a bitmap while it is captured and encoded (the
 * district's whole indicator table at the default width and scale is 23.5 million).
 */
export const MAX_IMAGE_PIXELS = 24_000_000;
/** Captures larger than this take their turn one at a time, so that two never hold memory at once. */
const LARGE_CAPTURE_PIXELS = 8_000_000;
/** The scale of the pages that SVGs and texts are made in (font metrics are rounded at the device scale). */
const VECTOR_SCALE = 2;
/** Feed versions kept parsed in one page. */
const FEEDS_PER_PAGE = 3;
/** After a failed launch, requests are refused this long before the next try. */
const RELAUNCH_AFTER_MS = 10_000;

/**
 * Chromium's flags: `--disable-dev-shm-usage` because containers often give /dev/shm 64 MB;
 * `--disable-gpu`: software compositing, which holds less memory than an emulated GPU for the
 * same picture; `--font-render-hinting=none` so glyphs are placed as on other platforms, at any
 * scale; and no background work of Chromium's own. Tests that compare images launch with the
 * same flags.
 */
export const CHROMIUM_ARGS = [
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--font-render-hinting=none',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--no-first-run',
  '--mute-audio',
];

/** The browser context an image is taken in: its scale, reduced motion, no service workers. */
export const contextOptions = (scale: number) => ({
  deviceScaleFactor: scale,
  viewport: { width: 800, height: 600 },
  reducedMotion: 'reduce' as const,
  colorScheme: 'light' as const,
  locale: 'en-US',
  serviceWorkers: 'block' as const,
  acceptDownloads: false,
});

export interface RenderJob {
  tag: string;
  format: 'png' | 'svg' | 'txt';
  lang: string;
  theme: string;
  width: number;
  scale: number;
  attributes: [string, string][];
  /** The feed version: a key unique to it, and its JSON. */
  feedKey: string;
  feedJson: string;
}

export interface RenderOutput {
  body: Buffer;
  contentType: string;
  widgetStatus: string;
  textSource: PageRenderResult['textSource'];
}

export interface RendererOptions {
  chromePath: string;
  /** Renders at once (and pages in the pool). */
  concurrency: number;
  timeoutMs: number;
  /** Where the embed bundle is (default: `@safety-widgets/embed`'s dist). */
  embedDir?: string;
}

interface PooledPage {
  page: Page;
  scale: number;
  /** Feed keys put into the page, oldest first. */
  feeds: string[];
  viewport: { width: number; height: number };
  broken: boolean;
}

export class SnapshotRenderer {
  /** Renders made (each started render counts once; a test hook and a benchmark figure). */
  renders = 0;
  /** Times Chromium was launched. */
  launches = 0;
  /** Errors the pages reported (a widget that threw, a script that failed to load): for the log and tests. */
  readonly pageErrors: string[] = [];
  /** Dialogs a page opened (never expected: nothing from a feed or a URL may run as script). */
  dialogs = 0;

  private browser: Promise<Browser> | undefined;
  private readonly contexts = new Map<number, Promise<BrowserContext>>();
  private idle: PooledPage[] = [];
  private pages = 0;
  private failedAt = 0;
  private failure = '';
  private closed = false;
  private readonly embedDir: string;

  constructor(private readonly options: RendererOptions) {
    this.embedDir = options.embedDir ?? embedDist();
  }

  /** Renders one image; the caller holds one of `concurrency` turns. */
  async render(job: RenderJob): Promise<RenderOutput> {
    // An SVG or a text is laid out at the default scale, so the same request always gives the same file.
    const pooled = await this.acquire(job.format === 'png' ? job.scale : VECTOR_SCALE);
    let healthy = false;
    this.renders++;
    try {
      const output = await this.withTimeout(this.renderIn(pooled, job), pooled);
      healthy = true;
      return output;
    } catch (error) {
      if (error instanceof ImageTooLargeError) {
        healthy = true;
        throw error;
      }
      if (error instanceof RendererUnavailableError || error instanceof RenderFailedError) throw error;
      throw new RenderFailedError(error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      this.release(pooled, healthy);
    }
  }

  private async renderIn(pooled: PooledPage, job: RenderJob): Promise<RenderOutput> {
    const { page } = pooled;
    if (!pooled.feeds.includes(job.feedKey)) {
      await page.evaluate(([key, json]) => window.__safetySnapshot!.putFeed(key, json), [
        job.feedKey,
        job.feedJson,
      ] as const);
      pooled.feeds.push(job.feedKey);
      if (pooled.feeds.length > FEEDS_PER_PAGE) {
        const old = pooled.feeds.shift()!;
        await page.evaluate((key) => window.__safetySnapshot!.dropFeed(key), old);
      }
    }
    await this.viewport(pooled, job.width, pooled.viewport.height);
    const request: PageRenderRequest = {
      tag: job.tag,
      feedKey: job.feedKey,
      lang: job.lang,
      theme: job.theme,
      width: job.width,
      attributes: job.attributes,
      format: job.format,
      timeoutMs: this.options.timeoutMs,
    };
    const result = await page.evaluate((r) => window.__safetySnapshot!.render(r), request);
    const common = { widgetStatus: result.status, textSource: result.textSource };
    if (job.format === 'txt')
      return {
        ...common,
        body: Buffer.from(`${result.text}\n`, 'utf8'),
        contentType: 'text/plain; charset=utf-8',
      };
    if (job.format === 'svg')
      return {
        ...common,
        body: Buffer.from(result.svg ?? '', 'utf8'),
        contentType: 'image/svg+xml; charset=utf-8',
      };
    const height = Math.max(1, Math.ceil(result.height));
    const width = Math.ceil(result.width);
    const [w, h] = [width * job.scale, height * job.scale];
    if (w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE || w * h > MAX_IMAGE_PIXELS)
      throw new ImageTooLargeError(
        `This image would be ${w} × ${h} px (${width} × ${height} CSS px at scale ${job.scale}); the most is ${MAX_IMAGE_SIDE} px a side and ${MAX_IMAGE_PIXELS / 1e6} million px in all. Ask for a smaller scale or a wider width, or show less (for a table, one area with area=…).`,
      );
    const capture = async () => {
      if (pooled.viewport.height < height) await this.viewport(pooled, job.width, height);
      return page.screenshot({
        clip: { x: result.x, y: result.y, width, height },
        type: 'png',
        scale: 'device',
        animations: 'disabled',
        caret: 'hide',
        timeout: this.options.timeoutMs,
      });
    };
    const large = w * h > LARGE_CAPTURE_PIXELS;
    const body = large ? await this.oneAtATime(capture) : await capture();
    // The page of a large image is closed after it (its renderer process ends and gives its memory
    // back); the next render makes a new one.
    if (large) pooled.broken = true;
    return { ...common, body, contentType: 'image/png' };
  }

  private largeCaptures: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every large capture before it has finished. */
  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.largeCaptures.then(task, task);
    this.largeCaptures = turn.catch(() => undefined);
    return turn;
  }

  private async viewport(pooled: PooledPage, width: number, height: number): Promise<void> {
    if (pooled.viewport.width === width && pooled.viewport.height === height) return;
    await pooled.page.setViewportSize({ width, height });
    pooled.viewport = { width, height };
  }

  /** Rejects when the render outlasts the timeout (the page is then dropped, whatever it was doing). */
  private withTimeout<T>(work: Promise<T>, pooled: PooledPage): Promise<T> {
    const ms = this.options.timeoutMs + 5000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        pooled.broken = true;
        reject(new RenderFailedError(`the render took longer than ${ms} ms`));
      }, ms);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  /** A page for `scale`: an idle one, else a new one. */
  private async acquire(scale: number): Promise<PooledPage> {
    const index = this.idle.findIndex((p) => p.scale === scale);
    if (index >= 0) return this.idle.splice(index, 1)[0]!;
    // As many pages as renders at once; beyond that the oldest idle page makes way.
    if (this.pages >= this.options.concurrency) {
      const victim = this.idle.shift();
      if (victim) this.discard(victim);
    }
    this.pages++;
    try {
      return await this.newPage(scale);
    } catch (error) {
      this.pages--;
      throw error;
    }
  }

  private release(pooled: PooledPage, healthy: boolean): void {
    if (!healthy || pooled.broken || this.closed) this.discard(pooled);
    else this.idle.push(pooled);
  }

  private discard(pooled: PooledPage): void {
    this.pages--;
    this.idle = this.idle.filter((p) => p !== pooled);
    pooled.page.close().catch(() => undefined);
  }

  private async newPage(scale: number): Promise<PooledPage> {
    const context = await this.context(scale);
    const page = await context.newPage();
    const pooled: PooledPage = {
      page,
      scale,
      feeds: [],
      viewport: { width: 800, height: 600 },
      broken: false,
    };
    page.on('crash', () => {
      pooled.broken = true;
    });
    page.on('pageerror', (error) => this.note(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.note(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      this.dialogs++;
      dialog.dismiss().catch(() => undefined);
    });
    try {
      await page.goto(PAGE_URL, { timeout: this.options.timeoutMs });
      await page.evaluate(() => window.__safetySnapshot!.ready);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw new RenderFailedError(
        `the renderer's page did not load the widgets: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    return pooled;
  }

  private note(message: string): void {
    this.pageErrors.push(message);
    if (this.pageErrors.length > 50) this.pageErrors.shift();
  }

  private context(scale: number): Promise<BrowserContext> {
    let context = this.contexts.get(scale);
    if (!context) {
      context = this.launch().then(async (browser) => {
        const created = await browser.newContext(contextOptions(scale));
        await created.route('**/*', (route) => serveRendererRequest(route, this.embedDir));
        return created;
      });
      context.catch(() => this.contexts.delete(scale));
      this.contexts.set(scale, context);
    }
    return context;
  }

  /** The browser, launched on first use and again after it went away. */
  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new RendererUnavailableError('the server is shutting down'));
    if (this.browser) return this.browser;
    if (Date.now() - this.failedAt < RELAUNCH_AFTER_MS)
      return Promise.reject(new RendererUnavailableError(this.failure));
    const launching = this.start();
    this.browser = launching;
    launching.catch((error: unknown) => {
      if (this.browser === launching) this.browser = undefined;
      this.failedAt = Date.now();
      this.failure = error instanceof Error ? error.message : String(error);
    });
    return launching;
  }

  private async start(): Promise<Browser> {
    const { chromePath } = this.options;
    if (!existsSync(join(this.embedDir, 'safety-widgets.js')))
      throw new RendererUnavailableError(
        'The widget files are not built: run `pnpm --filter @safety-widgets/embed build` (or `pnpm build`).',
      );
    if (!existsSync(chromePath))
      throw new RendererUnavailableError(
        `No Chromium at ${chromePath}. Install it (Debian: apt-get install chromium fonts-noto-cjk) or set CHROME_PATH to a Chromium or Chrome executable.`,
      );
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS, timeout: 30_000 });
    } catch (error) {
      throw new RendererUnavailableError(
        `Chromium at ${chromePath} could not be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Install it (Debian: apt-get install chromium fonts-noto-cjk) or set CHROME_PATH.`,
        { cause: error },
      );
    }
    this.launches++;
    browser.on('disconnected', () => this.forget(browser));
    return browser;
  }

  /** Forgets a browser that went away (crashed or closed), its contexts and pages with it. */
  private forget(browser: Browser): void {
    void this.browser?.then((current) => {
      if (current !== browser) return;
      this.browser = undefined;
      this.contexts.clear();
      for (const pooled of this.idle) pooled.broken = true;
      this.pages -= this.idle.length;
      this.idle = [];
    });
  }

  /** Whether Chromium is running now. */
  get running(): boolean {
    return this.browser !== undefined;
  }

  /** Closes Chromium (part of the server's graceful shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    this.idle = [];
    await browser?.then((b) => b.close()).catch(() => undefined);
  }
}
