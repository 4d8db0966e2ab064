import { useLang } from '../i18n';
import '../pages/admin.css';

/**
 * Horizontal bar charts drawn as inline SVG: one group of bars per category (a unit), the category's
 * name above its bars so long Chinese names fit a phone. The SVG is one image with a spoken summary of
 * every value; the page's table carries the same numbers for screen readers and print.
 */
export interface BarSeries {
  key: string;
  label: string;
  tone: 'blue' | 'green' | 'red' | 'amber';
}

export interface BarGroup {
  key: string;
  label: string;
  /** One value per series, in the series' order; null when there is nothing to measure. */
  values: (number | null)[];
}

interface BarChartProps {
  title: string;
  series: BarSeries[];
  groups: BarGroup[];
  format: (value: number) => string;
  /** Shown instead of a bar when a value is null. */
  noValue: string;
  /** Shown (and spoken) when there are no groups to draw. */
  empty: string;
  /** The scale's end; defaults to the largest value. */
  max?: number;
  note?: string;
}

const WIDTH = 440;
const LABEL_HEIGHT = 24;
const BAR_HEIGHT = 14;
const BAR_GAP = 4;
const GROUP_GAP = 12;
/** Room right of the longest bar for its value. */
const VALUE_ROOM = 64;

export function BarChart({ title, series, groups, format, noValue, empty, max, note }: BarChartProps) {
  const { lang } = useLang();
  const top = Math.max(max ?? 0, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)), 1);
  const scale = (WIDTH - VALUE_ROOM) / top;
  const groupHeight = LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
  const height = Math.max(groups.length * groupHeight, groupHeight);
  const [colon, comma, semicolon] = lang === 'zh' ? ['：', '，', '；'] : [': ', ', ', '; '];
  const show = (v: number | null) => (v === null ? noValue : format(v));
  const summary =
    title +
    colon +
    (groups.length === 0 ? empty : groups.map((g) => g.label + colon + series.map((s, i) => `${s.label} ${show(g.values[i] ?? null)}`).join(comma)).join(semicolon));

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className={`chart-swatch tone-${s.tone}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
        <line className="chart-axis" x1={0.5} x2={0.5} y1={0} y2={height} />
        {groups.length === 0 && (
          <text className="chart-label muted-text" x={12} y={height / 2 + 6}>
            {empty}
          </text>
        )}
        {groups.map((g, gi) => {
          const y0 = gi * groupHeight;
          return (
            <g key={g.key}>
              <text className="chart-label" x={4} y={y0 + LABEL_HEIGHT - 7}>
                {g.label}
              </text>
              {series.map((s, si) => {
                const value = g.values[si] ?? null;
                const y = y0 + LABEL_HEIGHT + si * (BAR_HEIGHT + BAR_GAP);
                const w = value === null ? 0 : Math.max(value * scale, 0);
                return (
                  <g key={s.key}>
                    {w > 0 && <rect className={`tone-${s.tone}`} x={1} y={y} width={w} height={BAR_HEIGHT} rx={2} />}
                    <text className="chart-value" x={w + 6} y={y + BAR_HEIGHT - 2}>
                      {show(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {note && <p className="hint chart-note">{note}</p>}
    </figure>
  );
}
