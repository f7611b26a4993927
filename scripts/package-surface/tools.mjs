/**
 * publint (package.json fields against the files, in strict mode) and Are The Types Wrong
 * (`attw --profile esm-only`: every export's types resolve for ESM importers under node16 and
 * bundler resolution) on a packed tarball. Both are dev dependencies and work offline.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs a tool from the root's node_modules/.bin; resolves to its output when it failed, else null.
 * @param {string} root the repository root
 * @param {string} tool
 * @param {readonly string[]} args
 */
async function failure(root, tool, args) {
  try {
    await run(join(root, 'node_modules', '.bin', tool), args, {
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    return null;
  } catch (error) {
    const e = /** @type {{ stdout?: string, stderr?: string, message: string }} */ (error);
    return `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message;
  }
}

/**
 * Problems publint --strict reports for a tarball (its warnings count as errors).
 * @param {string} root @param {string} tarball
 * @returns {Promise<string[]>}
 */
export async function runPublint(root, tarball) {
  const output = await failure(root, 'publint', ['run', '--strict', tarball]);
  return output === null ? [] : [`publint --strict failed:\n${indent(output)}`];
}

/** The resolutions `--profile esm-only` ignores: CommonJS `require` and pre-exports node10. */
const IGNORED_BY_ESM_ONLY = new Set(['node10', 'node16-cjs']);

/**
 * Problems `attw --profile esm-only` reports for a tarball, one line per entry point and resolution.
 * @param {string} root @param {string} tarball
 * @returns {Promise<string[]>}
 */
export async function runAttw(root, tarball) {
  const args = ['--profile', 'esm-only', '--no-definitely-typed', '--format', 'json', tarball];
  const output = await failure(root, 'attw', args);
  if (output === null) return [];
  /** @type {{ kind: string, entrypoint: string, resolutionKind?: string }[]} */
  let problems;
  try {
    problems = Object.values(JSON.parse(output).problems ?? {}).flat();
  } catch {
    return [`attw --profile esm-only failed:\n${indent(output)}`];
  }
  const lines = problems
    .filter((p) => !IGNORED_BY_ESM_ONLY.has(p.resolutionKind ?? ''))
    .map(
      (p) =>
        `"${p.entrypoint}" (${p.resolutionKind ?? 'any resolution'}): ${p.kind}, see ${DOCS}/${p.kind}.md`,
    );
  return [`attw --profile esm-only failed:\n${indent(lines.join('\n') || output)}`];
}

const DOCS = 'https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems';

/** @param {string} text */
const indent = (text) => text.replace(/^/gm, '      ');
