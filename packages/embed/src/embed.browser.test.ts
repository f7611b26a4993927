/**
 * The built embed files in plain pages, as web developers paste them: one file or several, twice,
 * two versions, a strict Content-Security-Policy, hostile page CSS, a classic script.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closePages,
  dist,
  manifest,
  openPage,
  SAMPLE_FEED,
  scriptsLoaded,
  STRICT_CSP,
  type TestWindow,
} from '../test/page.js';

const WIDGETS = ['safety-score-gauge', 'safety-indicator-table', 'safety-grid-map', 'safety-case-timeline'];
const ALL_TAGS = ['safety-feed', ...WIDGETS];
const WAIT = { timeout: 20_000, interval: 100 };

/** The page with one `<safety-feed>` and the four widgets reading it. */
const WIDGETS_ON_FEED = `<safety-feed id="district" src="${SAMPLE_FEED}"></safety-feed>
  ${WIDGETS.map((tag) => `<${tag} feed="district"></${tag}>`).join('\n')}`;

const el = (win: TestWindow, tag: string) => win.document.querySelector(tag)!;

/** Waits until every widget on the page has drawn the feed (status ready or stale, not loading). */
async function expectAllDrawn(win: TestWindow, tags = WIDGETS): Promise<void> {
  await vi.waitFor(() => {
    for (const tag of tags) expect(el(win, tag).getAttribute('status'), tag).toMatch(/^(ready|stale)$/);
  }, WAIT);
  const gauge = el(win, 'safety-score-gauge');
  if (gauge)
    expect(gauge.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).toMatch(/^\d/);
  const table = el(win, 'safety-indicator-table');
  if (table) expect(table.shadowRoot!.querySelectorAll('tbody tr.row').length).toBeGreaterThan(0);
}

/**
 * Waits until the page has finished the work that follows drawing: every element's pending update
 * (Lit's `updateComplete`), then two animation frames, so resize observers, the layout they cause
 * and the paints after them have run.
 */
async function settled(win: TestWindow): Promise<void> {
  const elements = ALL_TAGS.flatMap((tag) => [...win.document.querySelectorAll(tag)]);
  await Promise.all(
    elements.map((e) => (e as Element & { updateComplete?: Promise<unknown> }).updateComplete),
  );
  await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
}

afterEach(closePages);

/** The file of core's lazily loaded `live` or `diagnosis` chunk, from the manifest. */
async function lazyChunk(name: 'live' | 'diagnosis'): Promise<string> {
  const files = (await manifest()).files;
  const file = files.find((f) => f.file.startsWith(`chunks/${name}-`))?.file;
  expect(file, `chunks/${name}-… in the manifest`).toBeDefined();
  return file!;
}

describe('the all-in-one module', () => {
  it('defines the feed and the four widgets, which draw one shared feed', async () => {
    const win = await openPage(
      `${WIDGETS_ON_FEED}<script type="module" src="${dist('safety-widgets.js')}"></script>`,
    );
    await vi.waitFor(
      () => ALL_TAGS.forEach((tag) => expect(win.customElements.get(tag), tag).toBeDefined()),
      WAIT,
    );
    await expectAllDrawn(win);
    expect(win.__record.errors).toEqual([]);
    expect(win.__record.warnings).toEqual([]);
  });
});

describe('the classic script', () => {
  it('works without type="module" and declares no global', async () => {
    const win = await openPage(`${WIDGETS_ON_FEED}<script src="${dist('safety-widgets.iife.js')}"></script>`);
    ALL_TAGS.forEach((tag) => expect(win.customElements.get(tag), tag).toBeDefined());
    await expectAllDrawn(win);
    const globals = Object.keys(win).filter((k) => /safety/i.test(k));
    expect(globals).toEqual([]);
    expect(win.__record.errors).toEqual([]);
  });
});

describe('one file per widget', () => {
  for (const tag of WIDGETS) {
    it(`${tag}.js alone defines <safety-feed> and <${tag}>, and nothing else`, async () => {
      const win = await openPage(
        `<safety-feed id="district" src="${SAMPLE_FEED}"></safety-feed><${tag} feed="district"></${tag}>
         <script type="module" src="${dist(`${tag}.js`)}"></script>`,
      );
      await vi.waitFor(() => expect(win.customElements.get(tag)).toBeDefined(), WAIT);
      expect(win.customElements.get('safety-feed')).toBeDefined();
      for (const other of WIDGETS.filter((t) => t !== tag))
        expect(win.customElements.get(other)).toBeUndefined();
      await expectAllDrawn(win, [tag]);
      expect(win.__record.errors).toEqual([]);
    });
  }
});

describe('several copies on one page', () => {
  it('any mix of files, the same one twice: already-defined tags are skipped with a warning, nothing breaks', async () => {
    const win = await openPage(`${WIDGETS_ON_FEED}
      <script type="module" src="${dist('safety-grid-map.js')}"></script>
      <script type="module" src="${dist('safety-widgets.js')}"></script>
      <script type="module" src="${dist('safety-score-gauge.js')}?copy=2"></script>
      <script src="${dist('safety-widgets.iife.js')}"></script>`);
    await vi.waitFor(
      () => ALL_TAGS.forEach((tag) => expect(win.customElements.get(tag), tag).toBeDefined()),
      WAIT,
    );
    await expectAllDrawn(win);
    expect(win.__record.errors).toEqual([]);
    // The classic script runs first (module scripts are deferred); each later copy of a tag warns once.
    const warnings = win.__record.warnings;
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /<safety-grid-map> is already defined \(version \d+\.\d+\.\d+\); skipped version \d+\.\d+\.\d+ from this script\./,
      ),
    );
    // The module files share their chunks, so each tag's module registration runs once, whatever mix
    // of entry files (or the same one twice) the page loads.
    expect(warnings.filter((w) => w.includes('<safety-score-gauge> is already defined'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('<safety-feed> is already defined'))).toHaveLength(1);
    const loaded = scriptsLoaded(win).filter((f) => f.startsWith('chunks/'));
    expect(loaded.length, loaded.join(', ')).toBe(new Set(loaded).size);
  });

  it('two versions: the first definition stays, the warning names both versions', async () => {
    // The gauge's registration is in its chunk; a copy of that chunk claiming version 9.9.9, with its
    // imports pointed at the same shared chunks, stands in for a second version on the page.
    const gaugeChunk = (await manifest()).files
      .find((f) => f.file === 'safety-score-gauge.js')!
      .chunks!.find((c) => c.includes('score-gauge'))!;
    const code = await (await fetch(dist(gaugeChunk))).text();
    // The version is core's VERSION, a binding the chunk imports (or a literal, if inlined).
    const registration = /\(`safety-score-gauge`,([\w$]+),([\w$]+|`\d+\.\d+\.\d+`)\)/.exec(code);
    const { version } = await manifest();
    expect(registration, 'the registration call of the minified chunk').not.toBeNull();
    const newer = code
      .replace(registration![0], `(\`safety-score-gauge\`,${registration![1]},\`9.9.9\`)`)
      .replace(/from"\.\/([^"]+)"/g, (_, file: string) => `from"${dist(`chunks/${file}`)}"`)
      .replace(/import\(`\.\/([^`]+)`\)/g, (_, file: string) => `import(\`${dist(`chunks/${file}`)}\`)`)
      .replace(/import\("\.\/([^"]+)"\)/g, (_, file: string) => `import("${dist(`chunks/${file}`)}")`);
    const url = URL.createObjectURL(new Blob([newer], { type: 'text/javascript' }));
    try {
      const win = await openPage(`<safety-score-gauge src="${SAMPLE_FEED}"></safety-score-gauge>
        <script type="module" src="${dist('safety-score-gauge.js')}"></script>
        <script type="module" src="${url}"></script>`);
      await expectAllDrawn(win, ['safety-score-gauge']);
      expect(win.__record.warnings).toContain(
        `[safety-widgets] <safety-score-gauge> is already defined (version ${version}); skipped version 9.9.9 from this script.`,
      );
      expect(win.__record.errors).toEqual([]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});

describe('shared chunks', () => {
  it('the gauge and map entry files on one page download each shared chunk once, and nothing else', async () => {
    const win = await openPage(`<safety-feed id="district" src="${SAMPLE_FEED}"></safety-feed>
      <safety-score-gauge feed="district"></safety-score-gauge><safety-grid-map feed="district"></safety-grid-map>
      <script type="module" src="${dist('safety-score-gauge.js')}"></script>
      <script type="module" src="${dist('safety-grid-map.js')}"></script>`);
    await expectAllDrawn(win, ['safety-score-gauge', 'safety-grid-map']);
    const files = (await manifest()).files;
    // The entry, its chunks and its texts in the page's language (English), never the other's.
    const closure = (entry: string) => {
      const f = files.find((f) => f.file === entry)!;
      return [entry, ...f.chunks!, ...f.textChunks!.en];
    };
    // A feed URL: the live layer too, once, and not the diagnosis (the feed is valid).
    const live = await lazyChunk('live');
    const expected = new Set([...closure('safety-score-gauge.js'), ...closure('safety-grid-map.js'), live]);
    const loaded = scriptsLoaded(win);
    expect(loaded.length, loaded.join(', ')).toBe(new Set(loaded).size);
    expect(new Set(loaded)).toEqual(expected);
    expect(win.__record.errors).toEqual([]);
  });

  it('every file, entries and chunks, is in the manifest with its integrity; each entry lists its chunks', async () => {
    const files = (await manifest()).files;
    for (const f of files) expect(f.integrity, f.file).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    const names = new Set(files.map((f) => f.file));
    for (const f of files.filter((f) => f.format === 'es' && !f.file.startsWith('chunks/'))) {
      for (const c of f.chunks!) expect(names.has(c), `${f.file} → ${c}`).toBe(true);
      expect(f.page!.gzip).toBeGreaterThanOrEqual(0);
    }
    const code = await (await fetch(dist('safety-score-gauge.js'))).arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-384', code);
    const integrity = `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
    expect(files.find((f) => f.file === 'safety-score-gauge.js')!.integrity).toBe(integrity);
  });
});

describe('paying only for what is used', () => {
  async function gaugeGiven(data: (win: TestWindow) => unknown): Promise<TestWindow> {
    const win = await openPage(`<safety-score-gauge lang="en"></safety-score-gauge>
      <script type="module" src="${dist('safety-score-gauge.js')}"></script>`);
    await vi.waitFor(() => expect(win.customElements.get('safety-score-gauge')).toBeDefined(), WAIT);
    (el(win, 'safety-score-gauge') as HTMLElement & { data: unknown }).data = data(win);
    return win;
  }

  it('a gauge given .data downloads neither the live layer nor the diagnosis', async () => {
    const text = await (await fetch(SAMPLE_FEED)).text();
    // The page's own objects, as a page's script would make them.
    const win = await gaugeGiven((w) => w.JSON.parse(text));
    await expectAllDrawn(win, ['safety-score-gauge']);
    const gauge = (await manifest()).files.find((f) => f.file === 'safety-score-gauge.js')!;
    expect(new Set(scriptsLoaded(win))).toEqual(
      new Set(['safety-score-gauge.js', ...gauge.chunks!, ...gauge.textChunks!.en]),
    );
    expect(gauge.lazyChunks).toEqual(
      expect.arrayContaining([await lazyChunk('live'), await lazyChunk('diagnosis')]),
    );
    expect(win.__record.errors).toEqual([]);
  });

  it('a rejected feed loads the diagnosis, which names the problem', async () => {
    const win = await gaugeGiven((w) =>
      w.JSON.parse('{"format": "safety-feed", "version": 1, "id": "<b>x</b>"}'),
    );
    await vi.waitFor(() => expect(el(win, 'safety-score-gauge').getAttribute('status')).toBe('error'), WAIT);
    const alert = el(win, 'safety-score-gauge').shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('is not a valid Safety Widgets feed');
    expect(alert.textContent).toContain('place: is required but missing');
    expect(alert.querySelector('b')).toBeNull();
    expect(scriptsLoaded(win)).toContain(await lazyChunk('diagnosis'));
    expect(scriptsLoaded(win)).not.toContain(await lazyChunk('live'));
  });

  it('a Chinese page downloads the Chinese texts only; a widget switched to English gets English then', async () => {
    const text = await (await fetch(SAMPLE_FEED)).text();
    const win = await openPage(
      `<safety-score-gauge></safety-score-gauge>
      <script type="module" src="${dist('safety-score-gauge.js')}"></script>`,
      { lang: 'zh-CN' },
    );
    await vi.waitFor(() => expect(win.customElements.get('safety-score-gauge')).toBeDefined(), WAIT);
    const gauge = el(win, 'safety-score-gauge') as HTMLElement & { data: unknown };
    gauge.data = win.JSON.parse(text);
    await expectAllDrawn(win, ['safety-score-gauge']);
    const texts = (await manifest()).files.find((f) => f.file === 'safety-score-gauge.js')!.textChunks!;
    expect(texts.en).toHaveLength(2);
    expect(texts['zh-CN']).toHaveLength(2);
    const meter = () => gauge.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-label');
    expect(meter()).toContain('安全指数');
    expect(scriptsLoaded(win)).toEqual(expect.arrayContaining(texts['zh-CN']));
    for (const chunk of texts.en) expect(scriptsLoaded(win)).not.toContain(chunk);

    gauge.lang = 'en';
    await vi.waitFor(() => expect(meter()).toContain('Safety index'), WAIT);
    expect(scriptsLoaded(win)).toEqual(expect.arrayContaining(texts.en));
    expect(win.__record.errors).toEqual([]);
  });
});

describe('integrity (SRI) of the entry and its chunks', () => {
  // Chromium keeps a refused response in its memory cache, so the tampered page maps the table's own
  // chunk to a URL of its own (`?tampered`) and pins that URL to the wrong hash; the real chunk's URL
  // stays good for the other tests.
  async function pinnedPage(tamper: boolean): Promise<TestWindow> {
    const files = (await manifest()).files;
    const table = files.find((f) => f.file === 'safety-indicator-table.js')!;
    const imports: Record<string, string> = {};
    const pins = Object.fromEntries(
      table.chunks!.map((c) => {
        const integrity = files.find((f) => f.file === c)!.integrity;
        if (!tamper || !c.includes('indicator-table')) return [dist(c), integrity];
        // The table's own chunk's hash with one character changed: the browser must refuse that chunk.
        imports[dist(c)] = `${dist(c)}?tampered`;
        return [
          `${dist(c)}?tampered`,
          `sha384-${integrity.charAt(7) === 'A' ? 'B' : 'A'}${integrity.slice(8)}`,
        ];
      }),
    );
    return openPage(
      `<safety-indicator-table src="${SAMPLE_FEED}"></safety-indicator-table>
      <script type="module" src="${dist('safety-indicator-table.js')}" integrity="${table.integrity}" crossorigin="anonymous"></script>`,
      { head: `<script type="importmap">${JSON.stringify({ imports, integrity: pins })}</script>` },
    );
  }

  it('an import map pinning every chunk loads the widget', async () => {
    const win = await pinnedPage(false);
    // Module scripts run before the frame's load event, which openPage waits for.
    expect(win.customElements.get('safety-indicator-table')).toBeDefined();
    await expectAllDrawn(win, ['safety-indicator-table']);
    expect(win.__record.errors).toEqual([]);
  });

  it('a chunk that does not match its pinned hash is refused, so the widget is never defined', async () => {
    const win = await pinnedPage(true);
    // The load event came after the module script failed (the good page above is defined by then).
    expect(win.customElements.get('safety-indicator-table')).toBeUndefined();
  });
});

describe('the autoloader', () => {
  it('defines a tag when it first appears, loading only that widget’s files; later insertions too', async () => {
    const win = await openPage(`<safety-score-gauge src="${SAMPLE_FEED}"></safety-score-gauge>
      <script type="module" src="${dist('safety-autoloader.js')}"></script>`);
    await vi.waitFor(() => expect(win.customElements.get('safety-score-gauge')).toBeDefined(), WAIT);
    await expectAllDrawn(win, ['safety-score-gauge']);
    for (const other of WIDGETS.slice(1)) expect(win.customElements.get(other), other).toBeUndefined();
    const files = (await manifest()).files;
    const gauge = files.find((f) => f.file === 'safety-score-gauge.js')!;
    expect(new Set(scriptsLoaded(win))).toEqual(
      new Set([
        'safety-autoloader.js',
        'safety-score-gauge.js',
        ...gauge.chunks!,
        ...gauge.textChunks!.en,
        await lazyChunk('live'),
      ]),
    );

    const later = win.document.createElement('div');
    later.innerHTML = `<safety-grid-map src="${SAMPLE_FEED}"></safety-grid-map>`;
    win.document.body.append(later);
    await vi.waitFor(() => expect(win.customElements.get('safety-grid-map')).toBeDefined(), WAIT);
    await expectAllDrawn(win, ['safety-grid-map']);
    expect(win.customElements.get('safety-case-timeline')).toBeUndefined();
    expect(win.__record.errors).toEqual([]);
  });

  it('says which tag it could not load, and from where, when the files beside it are missing', async () => {
    const code = await (await fetch(dist('safety-autoloader.js'))).text();
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    try {
      const win = await openPage(`<safety-case-timeline src="${SAMPLE_FEED}"></safety-case-timeline>
        <script type="module" src="${url}"></script>`);
      await vi.waitFor(() => expect(win.__record.errors.length).toBeGreaterThan(0), WAIT);
      expect(win.__record.errors[0]).toMatch(/the autoloader could not load <safety-case-timeline>/);
      expect(win.customElements.get('safety-case-timeline')).toBeUndefined();
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});

describe('a strict Content-Security-Policy', () => {
  for (const [name, script] of [
    ['module', `<script type="module" src="${dist('safety-widgets.js')}"></script>`],
    ['classic', `<script src="${dist('safety-widgets.iife.js')}"></script>`],
  ] as const) {
    it(`the ${name} script draws every widget with no violation reported`, async () => {
      const win = await openPage(`${WIDGETS_ON_FEED}${script}`, {
        head: `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`,
      });
      await vi.waitFor(
        () => ALL_TAGS.forEach((tag) => expect(win.customElements.get(tag), tag).toBeDefined()),
        WAIT,
      );
      await expectAllDrawn(win);
      await settled(win);
      // Then a violation of our own, unlike any a widget could cause (an image from another
      // origin): violations are reported in the order they happen, so once this one is in, any
      // the widgets caused is in before it.
      const sentinel = 'https://sentinel.invalid/after-drawing.png';
      win.document.body.append(Object.assign(win.document.createElement('img'), { src: sentinel }));
      await vi.waitFor(
        () => expect(win.__record.violations.join('\n')).toContain(`blocked ${sentinel}`),
        WAIT,
      );
      expect(win.__record.violations).toEqual([expect.stringContaining(`blocked ${sentinel}`)]);
      expect(win.__record.errors).toEqual([]);
    });
  }
});

describe('hostile page CSS', () => {
  const HOSTILE = `<style>
    * { all: unset; }
    html { font-size: 40px; }
    *, *::before, *::after { box-sizing: content-box !important; line-height: 3 !important; }
    div, section, table, svg, canvas { display: inline !important; color: red !important; background: yellow !important; }
  </style>`;

  it('does not break the widgets: each keeps its layout and its own type size', async () => {
    const win = await openPage(
      `${HOSTILE}${WIDGETS_ON_FEED}<script type="module" src="${dist('safety-widgets.js')}"></script>`,
      {
        width: 1000,
      },
    );
    await expectAllDrawn(win);
    for (const tag of WIDGETS) {
      const host = el(win, tag) as HTMLElement;
      const style = win.getComputedStyle(host);
      expect(style.display, tag).toBe('block');
      const box = host.getBoundingClientRect();
      expect(box.width, tag).toBeGreaterThan(200);
      expect(box.height, tag).toBeGreaterThan(100);
      expect(parseFloat(style.fontSize), tag).toBeLessThanOrEqual(18);
    }
    const meter = el(win, 'safety-score-gauge').shadowRoot!.querySelector('[role="meter"]')!;
    expect(win.getComputedStyle(meter).display).not.toBe('inline');
  });

  it("the widgets' styles do not leak into the page", async () => {
    const body = `<p id="probe">Host text</p><table id="host-table"><tr><td>cell</td></tr></table>`;
    const before = await openPage(body);
    const probe = (w: TestWindow) => {
      const p = w.getComputedStyle(w.document.getElementById('probe')!);
      const t = w.getComputedStyle(w.document.getElementById('host-table')!);
      return [p.color, p.fontFamily, p.fontSize, p.margin, t.borderCollapse, t.fontSize].join('|');
    };
    const plain = probe(before);
    const win = await openPage(
      `${body}${WIDGETS_ON_FEED}<script type="module" src="${dist('safety-widgets.js')}"></script>`,
    );
    await expectAllDrawn(win);
    expect(probe(win)).toBe(plain);
    expect(win.document.head.querySelectorAll('style, link[rel="stylesheet"]')).toHaveLength(0);
    expect(win.document.adoptedStyleSheets).toHaveLength(0);
  });
});
