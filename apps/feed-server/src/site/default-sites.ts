/**
 * What the server serves besides /api/ when no `--sites` is given: this repository's built demo
 * sites, the embed package's widget files and the built docs app. Folders only, relative to the
 * repository root; `--sites` (`SAFETY_FEED_SITES`) replaces the whole list.
 */
import type { SiteMount } from './sites.js';

export const DEFAULT_SITES: readonly SiteMount[] = [
  { prefix: '/', folder: 'apps/district-site/dist' },
  { prefix: '/streets/', folder: 'apps/street-portal/dist' },
  { prefix: '/third-party/', folder: 'apps/third-party/dist' },
  { prefix: '/embed/', folder: 'apps/embed-frame/dist' },
  { prefix: '/cdn/', folder: 'packages/embed/dist' },
  { prefix: '/docs/', folder: 'storybook-static' },
];
