// Statistics and number formatting shared by the bench's scenarios.

export interface Stats { n: number; min: number; median: number; p95: number; max: number }

/** Nearest-rank percentiles. */
export function stats(samples: number[]): Stats | undefined {
  if (!samples.length) return undefined;
  const s = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { n: s.length, min: s[0], median: pct(50), p95: pct(95), max: s[s.length - 1] };
}

export const fmt = (x: number | undefined, digits = 0): string => {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (digits === 0 && x < 10) return x.toFixed(1);
  return x.toFixed(digits);
};

/** How a figure stands against its target in a results table: ` (met)`, ` (**NOT met**)`, or nothing when not measured. */
export const metMark = (value: number | undefined, target: number): string => (value === undefined ? '' : value <= target ? ' (met)' : ' (**NOT met**)');
