#!/usr/bin/env node
/**
 * `safety-feed-server [--port 4000] [--db path] [--simulate] …` (`--help` lists every option): starts the
 * service, prints its URLs, and shuts down gracefully on SIGINT or SIGTERM.
 */
import { helpText, loadConfig } from './config.js';
import { startFeedServer } from './server.js';
import { siteLines } from './site/site-lines.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.help) {
    process.stdout.write(helpText());
    return;
  }
  const server = await startFeedServer(config);
  const { url } = server;
  const feeds = await server.repository.list();
  const lines = [
    `Safety Widgets feed server on ${url}`,
    `  database   ${server.repository.store.kind === 'postgres' ? `PostgreSQL ${server.repository.store.description}` : config.dbPath}${server.seeded ? ` (new: seeded ${server.seeded} sample feeds)` : ''}`,
    `  simulate   ${config.simulate ? `on (a change every ${config.simulateEveryMs / 1000}–${(2 * config.simulateEveryMs) / 1000} s)` : 'off'}`,
    `  writes     ${config.token ? 'enabled (Bearer token from SAFETY_FEED_TOKEN)' : 'disabled: set SAFETY_FEED_TOKEN to enable the write API'}`,
    '',
    `  probes     ${url}/healthz  ${url}/readyz`,
    `  feeds      ${url}/api/feeds`,
    ...(config.snapshots && feeds[0]
      ? [
          `  images     ${url}/api/feeds/${feeds[0].id}/snapshots/score-gauge.png   (any widget; .svg, .txt; Chromium: ${config.chromePath})`,
        ]
      : []),
    ...feeds.map((f) => `             ${url}/api/feeds/${f.id}   (stream: …/${f.id}/stream)`),
  ];
  if (config.serveSite) lines.push('', ...siteLines(url, config.sites, config.workspaceRoot));
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing streams and the database…`);
    server.close().then(
      () => {
        console.log('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
