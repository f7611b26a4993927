/** The command line: `--help` lists every option and exits 0; a bad option exits 1 with a reason. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../src/config.js';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: APP_DIR,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('safety-feed-server', { timeout: 40_000 }, () => {
  it('prints every option with its environment variable for --help, and starts nothing', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    for (const option of OPTIONS) {
      expect(help.stdout).toContain(option.flag);
      expect(help.stdout).toContain(option.env);
    }
    expect(help.stdout).toContain('--trust-proxy');
    expect(help.stdout).toContain('SAFETY_FEED_TOKEN');
    expect(help.stdout).not.toContain('feed server on');
  });

  it('refuses an unknown option with exit code 1 and says where to look', () => {
    const bad = run('--prot', '4000');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown option --prot (see --help)');
  });
});
