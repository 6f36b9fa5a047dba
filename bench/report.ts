/** Metrics, targets and the printed table of `npm run bench`. */

interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface Metric {
  /** Stable key, e.g. `node.deriveLayout.10000` (the JSON and the smoke check use it). */
  key: string;
  label: string;
  /** What is drawn: how many boxes, labelled or not, on which layer, at what zoom, in what page. */
  drawn?: string;
  /** null: it could not be measured (see `error`). */
  value: number | null;
  unit: 'ms' | 'KB' | 'MB' | 'x';
  target?: Target;
  /** Extra context printed after the value, e.g. the number of samples or boxes. */
  note?: string;
  error?: string;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Linear-interpolated percentile (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function met(m: Metric): boolean | undefined {
  if (!m.target) return undefined;
  if (m.value === null || !Number.isFinite(m.value)) return false;
  return m.target.op === '<=' ? m.value <= m.target.value : m.value >= m.target.value;
}

const fmt = (v: number, unit: Metric['unit']): string => {
  const digits = unit === 'x' || Math.abs(v) < 100 ? 1 : 0;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
};

/** A plain-text table: metric, value, target, met? (MISSED in capitals, so a skim finds it). */
export function table(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => {
    const ok = met(m);
    return [
      m.label,
      m.drawn ?? '',
      m.value === null ? `ERROR: ${m.error ?? 'not measured'}` : fmt(m.value, m.unit),
      m.target ? `${m.target.op} ${fmt(m.target.value, m.unit)}` : '',
      ok === undefined ? '' : ok ? 'met' : 'MISSED',
      m.note ?? '',
    ];
  });
  return textTable(['metric', 'what is drawn', 'value', 'target', 'met?', 'note'], rows);
}

export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Text for a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The same table in Markdown (docs/performance.md's), headed by where it was measured. */
export function markdownTable(metrics: readonly Metric[], measuredOn?: string): string {
  const rows = metrics.map((m) => {
    const ok = met(m);
    const value = m.value === null ? 'not measured' : fmt(m.value, m.unit);
    const target = m.target ? `${m.target.op === '<=' ? '≤' : '≥'} ${fmt(m.target.value, m.unit)}` : '';
    return `| ${cell(m.label)} | ${cell(m.drawn ?? '')} | ${value} | ${target} | ${ok === undefined ? '' : ok ? 'met' : '**MISSED**'} | ${cell(m.note ?? '')} |`;
  });
  return [
    ...(measuredOn ? [measuredOn, ''] : []),
    '| measure | what is drawn | value | target | met? | note |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
