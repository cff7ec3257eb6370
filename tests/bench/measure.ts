// Timing figures for the bench: medians and p95s from repeated runs, never single samples.

export interface Measure {
  name: string;
  median: number;
  p95: number;
  unit: 'ms' | 's' | 'MiB' | 'calls';
  budget: string;
  /** How the median compares with the baseline measured in the same run, when there is one. */
  ratio?: number;
  baseline?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Runs fn `runs` times after `warmup` untimed runs, and returns the sorted durations in ms. */
export function time(fn: (i: number) => void, runs: number, warmup = Math.min(20, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

export async function timeAsync(
  fn: (i: number) => Promise<unknown>,
  runs: number,
  warmup = Math.min(20, runs),
) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/** Median and p95 of samples in any order. */
export function summarize(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export function formatTable(measures: Measure[]): string {
  const rows = [
    ['measure', 'median', 'p95', 'budget', 'vs baseline'],
    ...measures.map((m) => [
      m.name,
      `${m.median.toFixed(2)} ${m.unit}`,
      `${m.p95.toFixed(2)} ${m.unit}`,
      m.budget,
      m.ratio === undefined ? '' : `${m.ratio.toFixed(2)}× ${m.baseline ?? ''}`,
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}
