/**
 * Simulate mode, for demos: every few seconds a plausible change goes through the same validated
 * write path as the API — an indicator drifts a little (and is then marked synthetic), or a new
 * incident is recorded in a random management grid of the district (and of its sub-district's feed).
 */
import type { FeedsRepository } from './feeds/repository.js';

export interface Simulator {
  stop(): void;
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

function changeIndicator(
  repository: FeedsRepository,
  random: Random,
  feed = pick(repository.list(), random),
): void {
  if (!feed) return;
  const candidates = repository.indicators(feed.id).filter((i) => typeof i.value === 'number');
  const indicator = pick(candidates, random);
  if (!indicator) return;
  const unit = indicator.unit as { en?: string } | null | undefined;
  const value = nudge(indicator.value as number, unit?.en?.includes('%') ?? false, random);
  repository.writeIndicators(feed.id, [
    { path: 'simulate', fields: { id: indicator.id, value, provenance: 'synthetic' } },
  ]);
}

let counter = 0;

function addIncident(repository: FeedsRepository, random: Random): void {
  const feeds = repository.list();
  const district = feeds.find((f) => f.kind === 'district');
  if (!district) return;
  const base = repository.baseDocument(district.id) as {
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
  repository.addEvents(district.id, [{ path: 'simulate', fields: event }]);
  const sub = feeds.find((f) => f.id === grid.properties.subdistrict);
  if (sub) repository.addEvents(sub.id, [{ path: 'simulate', fields: { ...event } }]);
}

/**
 * Starts changing feeds every `everyMs` to 2 × `everyMs`. First it nudges one indicator of every
 * feed, so a demo opens on current feeds rather than on the sample's 2017 date (which every widget
 * would rightly badge as years old).
 */
export function startSimulator(
  repository: FeedsRepository,
  everyMs: number,
  random: Random = Math.random,
): Simulator {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    try {
      if (random() < 0.6) changeIndicator(repository, random);
      else addIncident(repository, random);
    } catch (error) {
      console.error('simulate:', error);
    }
    schedule();
  };
  const schedule = (): void => {
    timer = setTimeout(tick, everyMs * (1 + random()));
    timer.unref();
  };
  for (const feed of repository.list()) {
    try {
      changeIndicator(repository, random, feed);
    } catch (error) {
      console.error('simulate:', error);
    }
  }
  schedule();
  return {
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
