/** The Chromium the docs tests drive: the browser tests' own (path and flags from vitest.shared.ts). */
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.ts';

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
}
