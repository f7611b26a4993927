/** Every figure is a median of several runs, kept with its min and max and the raw samples. */

export interface Figure {
  median: number;
  min: number;
  max: number;
  /** One sample per run (a fresh page each), in the order measured. */
  samples: number[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The summary of one sample per run. */
export function figure(samples: readonly number[]): Figure {
  if (samples.length === 0) throw new Error('no samples');
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    samples: samples.map(round),
  };
}

/** Runs `once` `runs` times, one after the other, and summarises each named number it returns. */
export async function repeat<K extends string>(
  runs: number,
  once: (run: number) => Promise<Record<K, number>>,
): Promise<Record<K, Figure>> {
  const collected = {} as Record<K, number[]>;
  for (let run = 0; run < runs; run++) {
    const values = await once(run);
    for (const [key, value] of Object.entries(values) as [K, number][]) (collected[key] ??= []).push(value);
  }
  const out = {} as Record<K, Figure>;
  for (const [key, values] of Object.entries(collected) as [K, number[]][]) out[key] = figure(values);
  return out;
}
