/**
 * Simulate mode, for demos: every few seconds a plausible change goes through the same validated
 * write path as the API — an indicator drifts a little (and is then marked synthetic), or a new
 * incident is recorded in a random management grid of the district (and of its sub-district's feed).
 * As it starts, the sample's daily series are continued up to yesterday, so the district is a
 * living one whose counts run up to the incidents it records today, not a 2017 snapshot.
 */
import { continueSampleSeries } from '@safety-widgets/sample-data';
import type { FeedsRepository } from './feeds/repository.js';

export interface Simulator {
  stop(): void;
  /** Resolves when the change being made (if any) is done. */
  idle(): Promise<void>;
}

type Random = () => number;

const pick = <T>(list: readonly T[], random: Random): T | undefined =>
  list[Math.floor(random() * list.length)];

/** A nudged value: a step of about 3 % (at least 1 for counts), never below 0, percentages at most 100. */
export function nudge(value: number, percent: boolean, random: Random): number {
  const whole = Number.isInteger(value);
  const size = Math.max(whole ? 1 : 0.1, Math.abs(value) * 0.03);
  let next = value + (random() < 0.5 ? -1 : 1) * size * (0.5 + random());
  next = whole ? Math.round(next) : Math.round(next * 100) / 100;
  if (next === value) next = value + (whole ? 1 : 0.1);
  next = Math.max(0, next);
  return percent ? Math.min(100, next) : next;
}

async function changeIndicator(
  repository: FeedsRepository,
  random: Random,
  chosen?: { id: string },
): Promise<void> {
  const feed = chosen ?? pick(await repository.list(), random);
  if (!feed) return;
  const candidates = (await repository.indicators(feed.id)).filter((i) => typeof i.value === 'number');
  const indicator = pick(candidates, random);
  if (!indicator) return;
  const unit = indicator.unit as { en?: string } | null | undefined;
  const value = nudge(indicator.value as number, unit?.en?.includes('%') ?? false, random);
  await repository.writeIndicators(feed.id, [
    { path: 'simulate', fields: { id: indicator.id, value, provenance: 'synthetic' } },
  ]);
}

let counter = 0;

async function addIncident(repository: FeedsRepository, random: Random): Promise<void> {
  const feeds = await repository.list();
  const district = feeds.find((f) => f.kind === 'district');
  if (!district) return;
  const base = (await repository.baseDocument(district.id)) as {
    grids?: { features: { id: string; properties: { subdistrict: string } }[] };
    categories?: { id: string; sensitive?: boolean }[];
  };
  const grid = pick(base.grids?.features ?? [], random);
  const category = pick(
    (base.categories ?? []).filter((c) => !c.sensitive),
    random,
  );
  if (!grid || !category) return;
  counter += 1;
  const event = {
    id: `sim-${Date.now().toString(36)}-${counter}`,
    time: new Date().toISOString(),
    category: category.id,
    kind: 'incident',
    grid: grid.id,
    subdistrict: grid.properties.subdistrict,
    provenance: 'synthetic',
  };
  await repository.addEvents(district.id, [{ path: 'simulate', fields: event }]);
  const sub = feeds.find((f) => f.id === grid.properties.subdistrict);
  if (sub) await repository.addEvents(sub.id, [{ path: 'simulate', fields: { ...event } }]);
}

/** The calendar day before `now` in `timeZone`, as `YYYY-MM-DD`. */
export function dayBefore(now: number, timeZone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const t = Date.parse(`${today}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Continues the sample's series of every feed up to yesterday in the feed's time zone (one change
 * per feed that lacked days; none when they are current). Feeds that are not the sample's keep
 * their series: only series of the sample's categories and start are continued.
 */
export async function continueSeries(repository: FeedsRepository, now: number = Date.now()): Promise<number> {
  let changed = 0;
  for (const feed of await repository.list()) {
    const base = (await repository.baseDocument(feed.id)) as {
      place: { id: string; timeZone: string };
      series?: Parameters<typeof continueSampleSeries>[0];
    };
    const series = base.series ?? [];
    const next = continueSampleSeries(series, base.place.id, dayBefore(now, base.place.timeZone));
    if (next.every((s, i) => s.counts.length === series[i]!.counts.length)) continue;
    const outcome = await repository.replaceSeries(feed.id, next);
    if (outcome.ok) changed += 1;
    else console.error(`simulate: series of ${feed.id} not continued:`, outcome.problems[0]?.message);
  }
  return changed;
}

/**
 * Starts changing feeds every `everyMs` to 2 × `everyMs`. First it continues the series and nudges
 * one indicator of every feed, so a demo opens on current feeds rather than on the sample's 2017
 * date (which every widget would rightly badge as years old). One change at a time; a failed one
 * (say, the database is restarting) is logged and the next comes as usual.
 */
export function startSimulator(
  repository: FeedsRepository,
  everyMs: number,
  random: Random = Math.random,
): Simulator {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let working: Promise<void> = Promise.resolve();
  const attempt = async (step: () => Promise<unknown>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      console.error('simulate:', error instanceof Error ? error.message : error);
    }
  };
  const run = (work: () => Promise<void>): void => {
    working = working.then(work).finally(schedule);
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        run(() =>
          attempt(() =>
            random() < 0.6 ? changeIndicator(repository, random) : addIncident(repository, random),
          ),
        );
      },
      everyMs * (1 + random()),
    );
    timer.unref();
  };
  run(async () => {
    await attempt(() => continueSeries(repository));
    const feeds = await repository.list().catch(() => []);
    for (const feed of feeds) {
      if (stopped) return;
      await attempt(() => changeIndicator(repository, random, feed));
    }
  });
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    idle: () => working,
  };
}
