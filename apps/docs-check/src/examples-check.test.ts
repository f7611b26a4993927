/**
 * The example check itself: it finds blocks where readers see them and reports what a strict compile
 * reports, at the line of the doc (here, the two examples of issue 18 as they were).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExamples, examplesOf } from './examples.ts';
import { fencedBlocks, optOutReason } from './fences.ts';

const doc = (lang: string, code: string, meta = '') =>
  `# Title\n\n\`\`\`${lang}${meta ? ` ${meta}` : ''}\n${code}\n\`\`\`\n`;

describe('fencedBlocks', () => {
  it('reads the language, the info string and the code, also indented in a list and with ~~~', () => {
    const text = [
      '- step one:',
      '',
      '  ```ts title="x"',
      '  const a = 1;',
      '    const b = 2;',
      '  ```',
      '',
      '~~~JS',
      'let c;',
      '~~~',
      '```',
      'plain',
      '```',
    ].join('\n');
    expect(fencedBlocks('x.md', text)).toEqual([
      { file: 'x.md', line: 3, lang: 'ts', meta: 'title="x"', code: 'const a = 1;\n  const b = 2;' },
      { file: 'x.md', line: 8, lang: 'js', meta: '', code: 'let c;' },
      { file: 'x.md', line: 11, lang: '', meta: '', code: 'plain' },
    ]);
  });

  it('takes `nocheck: reason` as an opt-out with its reason', () => {
    const [block] = fencedBlocks('x.md', doc('ts', 'x', 'nocheck: a method body, shown without its class'));
    expect(optOutReason(block!)).toBe('a method body, shown without its class');
    expect(optOutReason(fencedBlocks('x.md', doc('ts', 'x'))[0]!)).toBeUndefined();
  });
});

describe('examplesOf', () => {
  it('compiles the inline scripts of an HTML block and parses its import maps, not scripts with src', () => {
    const html = [
      '<script type="importmap">{ "imports": {} }</script>',
      '<script type="module" src="x.js"></script>',
      '<p>text</p>',
      '<script type="module">',
      "  document.title = 'x';",
      '</script>',
    ].join('\n');
    const [block] = fencedBlocks('x.md', doc('html', html));
    expect(examplesOf(block!).map(({ kind, line }) => ({ kind, line }))).toEqual([
      { kind: 'json', line: 4 },
      { kind: 'js', line: 7 },
    ]);
  });
  it('leaves out shell, CSS and other languages', () => {
    for (const lang of ['sh', 'css', 'http', 'csv', '']) {
      expect(examplesOf(fencedBlocks('x.md', doc(lang, 'x'))[0]!)).toEqual([]);
    }
  });
});

describe('checkExamples', () => {
  /** Examples as they would stand alone in a doc.md, checked together in one call. */
  const cases = {
    // packages/react/README.md before issue 18.
    missingImport: [
      'tsx',
      [
        "import { SafetyFeed, SafetyGridMap } from '@safety-widgets/react';",
        '',
        'export function SafetyPanel() {',
        '  const [grid, setGrid] = useState<string>();',
        '  return <SafetyFeed><SafetyGridMap onGridSelect={(e) => setGrid(e.detail.id ?? undefined)} /></SafetyFeed>;',
        '}',
      ].join('\n'),
    ],
    // Getting started before issue 18.
    strictTypes: [
      'tsx',
      [
        "import { useState } from 'react';",
        "import { SafetyGridMap } from '@safety-widgets/react';",
        'export function Panel() {',
        '  const [, setGrid] = useState<string>();',
        '  return <SafetyGridMap onGridSelect={(e) => setGrid(e.detail.id)} />;',
        '}',
      ].join('\n'),
    ],
    // The import is only in the example before: each example compiles on its own.
    otherExampleImports: [
      'js',
      "document.querySelector('safety-grid-map')?.addEventListener('safety-grid-select', (e) => e.detail.id);",
    ],
    wrongCall: ['js', "import { scoreFeed } from '@safety-widgets/core';\nscoreFeed(1, 2, 3);"],
    notExported: ['js', "import { nothingLikeThis } from '@safety-widgets/core';"],
    badJson: ['json', '{ "a": 1, }'],
    correct: [
      'ts',
      "import { validateFeed } from '@safety-widgets/core';\nconsole.log(validateFeed({}).ok);",
    ],
  } as const;
  const before = ['js', "import '@safety-widgets/grid-map/safety-grid-map.js';"] as const;
  let problems: Record<keyof typeof cases, string[]>;

  beforeAll(() => {
    const names = Object.keys(cases) as (keyof typeof cases)[];
    const examples = [before, ...names.map((name) => cases[name])].flatMap(([lang, code]) =>
      fencedBlocks('doc.md', doc(lang, code)).flatMap(examplesOf),
    );
    const results = checkExamples(examples).slice(1);
    problems = Object.fromEntries(names.map((name, i) => [name, results[i]!])) as typeof problems;
  }, 120_000);

  it("reports a missing import at the doc's line", () => {
    expect(problems.missingImport).toEqual([
      expect.stringMatching(/^doc\.md:7: TS2304 Cannot find name 'useState'/),
    ]);
  });

  it("reports a strict type error from the built packages' types", () => {
    expect(problems.strictTypes.join('\n')).toMatch(
      /^doc\.md:8: TS2345 .*'string \| null' is not assignable/,
    );
  });

  it('compiles each example on its own: types another example imported are not there', () => {
    expect(problems.otherExampleImports.join('\n')).toMatch(
      /Property 'detail' does not exist on type 'Event'/,
    );
  });

  it('checks JavaScript too: a wrong call, a name that is not exported', () => {
    expect(problems.wrongCall).not.toEqual([]);
    expect(problems.notExported).toEqual([
      expect.stringMatching(
        /TS2305 Module '"@safety-widgets\/core"' has no exported member 'nothingLikeThis'/,
      ),
    ]);
  });

  it('reports JSON that does not parse', () => {
    expect(problems.badJson).toEqual([expect.stringMatching(/^doc\.md:4: not valid JSON/)]);
  });

  it('passes a correct example', () => {
    expect(problems.correct).toEqual([]);
  });
});
