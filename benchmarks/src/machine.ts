/** The machine a run was measured on, recorded in latest.json and shown in the report. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  /** Logical processors (`nproc`). */
  cpus: number;
  ramGiB: number;
  /** The 1, 5 and 15 minute load averages when the run started. */
  loadAverage: number[];
  node: string;
  chromium: string;
  platform: string;
  date: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(chromium: string): Machine {
  return {
    cpuModel: cpuModel(),
    cpus: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}
