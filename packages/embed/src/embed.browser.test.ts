/**
 * The built embed files in plain pages, as web developers paste them: one file or several, twice,
 * two versions, a strict Content-Security-Policy, hostile page CSS, a classic script.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closePages, dist, openPage, SAMPLE_FEED, STRICT_CSP, type TestWindow } from '../test/page.js';

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

afterEach(closePages);

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
    expect(warnings.filter((w) => w.includes('<safety-score-gauge> is already defined'))).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('<safety-feed> is already defined'))).toHaveLength(3);
  });

  it('two versions: the first definition stays, the warning names both versions', async () => {
    const code = await (await fetch(dist('safety-score-gauge.js'))).text();
    const registration = /\(`safety-score-gauge`,(\w+|\$\w*),`(\d+\.\d+\.\d+)`\)/.exec(code);
    expect(registration, 'the registration call of the minified bundle').not.toBeNull();
    const newer = code.replace(registration![0], `(\`safety-score-gauge\`,${registration![1]},\`9.9.9\`)`);
    const url = URL.createObjectURL(new Blob([newer], { type: 'text/javascript' }));
    try {
      const win = await openPage(`<safety-score-gauge src="${SAMPLE_FEED}"></safety-score-gauge>
        <script type="module" src="${dist('safety-score-gauge.js')}"></script>
        <script type="module" src="${url}"></script>`);
      await expectAllDrawn(win, ['safety-score-gauge']);
      expect(win.__record.warnings).toContain(
        `[safety-widgets] <safety-score-gauge> is already defined (version ${registration![2]}); skipped version 9.9.9 from this script.`,
      );
      expect(win.__record.errors).toEqual([]);
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
      // Let tooltips, resize observers and the chart settle, then look again.
      await new Promise((r) => setTimeout(r, 500));
      expect(win.__record.violations).toEqual([]);
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
