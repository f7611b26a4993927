/**
 * The LISTEN/NOTIFY change bus on its own, against the run's PostgreSQL: a change whose
 * notification never came is delivered with the next one, in order; the listening connection
 * killed by the database is re-established by itself, and what was committed meanwhile is
 * delivered once, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PostgresStore } from '../src/db/postgres-store.js';
import { sampleFeeds } from '../src/db/seed.js';
import { FeedsRepository } from '../src/feeds/repository.js';
import { InProcessChangeBus, type FeedChange } from '../src/live/change-bus.js';
import { PostgresChangeBus } from '../src/live/postgres-change-bus.js';
import { INDICATOR, waitUntil } from './helpers.js';
import { createPostgresDatabase } from './postgres/databases.js';

let url: string;
let store: PostgresStore;
let bus: PostgresChangeBus;
/** Writes as another instance would: only the database's notification reaches `bus`. */
let elsewhere: FeedsRepository;
let admin: pg.Client;
const delivered: FeedChange[] = [];

beforeAll(async () => {
  url = await createPostgresDatabase();
  store = await PostgresStore.open(url, { changeLogSize: 1000 });
  await store.seedIfEmpty(sampleFeeds);
  // A long periodic check, a slow reconnection: deliveries here come from notifications and catch-up.
  bus = await PostgresChangeBus.start(url, store, { checkEveryMs: 600_000, retryMs: [2000, 2000] });
  bus.subscribe((change) => delivered.push(change));
  elsewhere = new FeedsRepository(store, new InProcessChangeBus(), { maxEventsPerFeed: 100 });
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await bus?.close();
  await store?.close();
});

const write = async (value: number): Promise<FeedChange> => {
  const outcome = await elsewhere.writeIndicators('meisha', [
    { path: 'test', fields: { id: INDICATOR, value } },
  ]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.change;
};

describe('PostgresChangeBus', () => {
  it('delivers a change whose notification was lost together with the next one, in order', async () => {
    // A change committed without NOTIFY: as if its notification had been lost.
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO changes (feed_id, at, data) VALUES ('meisha', 1, $1) RETURNING id`,
      [
        JSON.stringify({
          feed: 'meisha',
          version: 0,
          asOf: '2017-06-30T00:00:00Z',
          at: 1,
          kind: 'indicators',
          ids: [],
        }),
      ],
    );
    const silent = Number(rows[0]!.id);
    const start = delivered.length;
    // Another instance's write: its notification arrives, and the silent change is read with it.
    const next = await write(1);
    await waitUntil(() => delivered.some((c) => c.id === next.id), 'the next change');
    expect(delivered.slice(start).map((c) => c.id)).toEqual([silent, next.id]);
  });

  it('re-establishes a killed listening connection and delivers what was committed meanwhile, once each', async () => {
    const killed = await admin.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE application_name = 'safety-feed-server' AND query ILIKE 'LISTEN%'`,
    );
    expect(killed.rows[0]!.n).toBe(1);
    await waitUntil(() => !bus.listening, 'the bus to notice');
    const start = delivered.length;
    const changes: FeedChange[] = [];
    for (let n = 0; n < 5; n++) changes.push(await write(10 + n));
    // Reconnection waits 2 s: these five were announced while nobody here was listening.
    expect(bus.listening).toBe(false);
    expect(delivered.length).toBe(start);
    await waitUntil(() => bus.listening, 'the bus listening again');
    await waitUntil(() => delivered.length - start >= 5, 'the five changes');
    const after = await write(20);
    await waitUntil(() => delivered.some((c) => c.id === after.id), 'a change after reconnecting');
    expect(delivered.slice(start).map((c) => c.id)).toEqual([...changes, after].map((c) => c.id));
  });
});
