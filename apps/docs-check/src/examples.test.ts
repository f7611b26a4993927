/**
 * Every code example of the README files and the docs pages compiles in strict mode against the built
 * packages (turbo builds them before this test), one test per example, named by file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ROOT, docFiles } from './doc-files.ts';
import { checkExamples, examplesOf } from './examples.ts';
import { fencedBlocks, optOutReason } from './fences.ts';

const blocks = docFiles().flatMap((file) => fencedBlocks(file, readFileSync(join(ROOT, file), 'utf8')));
const optedOut = blocks.filter((block) => optOutReason(block) !== undefined);
const examples = blocks.filter((block) => optOutReason(block) === undefined).flatMap(examplesOf);

let problems: string[][] = [];
beforeAll(() => {
  problems = checkExamples(examples);
}, 120_000);

it('finds the examples of the README files and the docs pages', () => {
  const found = new Set(examples.map((e) => `${e.file} ${e.kind}`));
  for (const expected of [
    'packages/react/README.md tsx',
    '.storybook/docs/getting-started.mdx tsx',
    '.storybook/docs/getting-started.mdx js',
    'packages/core/README.md js',
    'packages/grid-map/README.md js',
  ]) {
    expect(found).toContain(expected);
  }
});

it.each(
  examples.map((example, index) => [`${example.file}:${example.line} (${example.kind})`, index] as const),
)('%s compiles', (_, index) => {
  expect(problems[index]).toEqual([]);
});

it('keeps examples left out of the check rare, each with its reason', () => {
  for (const block of optedOut) {
    expect(
      optOutReason(block)!.length,
      `${block.file}:${block.line}: say why after "nocheck:"`,
    ).toBeGreaterThan(10);
  }
  expect(optedOut.length).toBeLessThanOrEqual(3);
});
