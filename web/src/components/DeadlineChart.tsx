import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useFormat, useLang, useText, type Lang } from '../i18n';
import { DEADLINE_LABEL, DEADLINE_STATE_LABEL } from '../labels';
import type { CaseDeadlineJson } from '../types';
import '../pages/office.css';

const DAY_MS = 86_400_000;

/** How a working-day countdown reads, e.g. "还剩 3 个工作日" or "2 working days late". */
export function daysLeftText(n: number, lang: Lang): string {
  if (lang === 'zh') return n > 0 ? `还剩 ${n} 个工作日` : n === 0 ? '今天到期' : `已超期 ${-n} 个工作日`;
  const days = (k: number) => `${k} working day${k === 1 ? '' : 's'}`;
  return n > 0 ? `${days(n)} left` : n === 0 ? 'due today' : `${days(-n)} late`;
}

/** Late in red, due within two working days in amber. */
export const daysLeftClass = (n: number) => (n < 0 ? 'late' : n <= 2 ? 'soon' : undefined);

export function DaysLeft({ n }: { n: number }) {
  const { lang } = useLang();
  return <span className={daysLeftClass(n)}>{daysLeftText(n, lang)}</span>;
}

/** Time since a missed due moment, in the largest whole unit: "3 天" / "3 days". */
export function sinceText(ms: number, lang: Lang): string {
  const units: [number, string, string][] = [
    [DAY_MS, '天', 'day'],
    [3_600_000, '小时', 'hour'],
    [60_000, '分钟', 'minute'],
  ];
  for (const [size, zh, en] of units) {
    const k = Math.floor(ms / size);
    if (k >= 1) return lang === 'zh' ? `${k} ${zh}` : `${k} ${en}${k === 1 ? '' : 's'}`;
  }
  return lang === 'zh' ? '不到 1 分钟' : 'under a minute';
}

/**
 * How late one deadline is: an open one by its negative working-day countdown, a missed one by the
 * time since it fell due. `score` ranks both in days.
 */
export interface Lateness {
  deadline: CaseDeadlineJson;
  workingDaysLate?: number;
  sinceDueMs?: number;
  score: number;
}

export function latenessOf(d: CaseDeadlineJson, now: number): Lateness | null {
  if (d.state === 'open' && d.workingDaysLeft !== undefined && d.workingDaysLeft < 0) {
    return { deadline: d, workingDaysLate: -d.workingDaysLeft, score: -d.workingDaysLeft };
  }
  if (d.state === 'missed') {
    const since = Math.max(0, now - new Date(d.dueAt).getTime());
    return { deadline: d, sinceDueMs: since, score: since / DAY_MS };
  }
  return null;
}

/** Every late deadline of a case, the latest first. */
export function latenessList(deadlines: CaseDeadlineJson[], now: number): Lateness[] {
  return deadlines.map((d) => latenessOf(d, now)).filter((l): l is Lateness => l !== null).sort((a, b) => b.score - a.score);
}

export function LatenessText({ l }: { l: Lateness }) {
  const { lang } = useLang();
  if (l.workingDaysLate !== undefined) return <span className="late">{daysLeftText(-l.workingDaysLate, lang)}</span>;
  const since = sinceText(l.sinceDueMs ?? 0, lang);
  return <span className="late">{lang === 'zh' ? `已超期 ${since}` : `${since} past due`}</span>;
}

const TEXT = {
  zh: {
    chart: '期限图',
    none: '还没有期限。',
    now: '现在',
    due: '截止',
    met: '完成时刻',
    table: '各期限明细',
    name: '期限',
    state: '状态',
    opened: '开始',
    dueAt: '截止时间',
    metAt: '完成时间',
    left: '剩余',
    legend: '图例',
    comma: '，',
    summary: (parts: string[]) => `期限图，共 ${parts.length} 个期限：${parts.join('；')}。`,
    by: (d: string) => `截止 ${d}`,
    metOn: (d: string) => `完成于 ${d}`,
  },
  en: {
    chart: 'Deadline chart',
    none: 'No deadlines yet.',
    now: 'now',
    due: 'due',
    met: 'moment met',
    table: 'Deadlines in detail',
    name: 'Deadline',
    state: 'State',
    opened: 'Started',
    dueAt: 'Due',
    metAt: 'Met at',
    left: 'Left',
    legend: 'Legend',
    comma: ', ',
    summary: (parts: string[]) => `Deadline chart, ${parts.length} deadline${parts.length === 1 ? '' : 's'}: ${parts.join('; ')}.`,
    by: (d: string) => `due ${d}`,
    metOn: (d: string) => `met ${d}`,
  },
};

const COLOUR: Record<CaseDeadlineJson['state'], string> = { open: '#0b57a4', met: '#1d6b35', missed: '#b3261e', cancelled: '#5f6b77' };

const ROW = 48;
const TOP = 24;
const BOTTOM = 30;
const PAD_X = 10;

/**
 * Each deadline as a bar from the moment its clock started to its due moment. The state shows three
 * ways: colour, the words above the bar, and the fill (solid = met, stripes = missed, hollow = open,
 * dashed outline = cancelled; a double chevron at the end = extended).
 */
export function DeadlineChart({ deadlines, createdAt }: { deadlines: CaseDeadlineJson[]; createdAt: string }) {
  const t = useText(TEXT);
  const names = useText(DEADLINE_LABEL);
  const states = useText(DEADLINE_STATE_LABEL);
  const { lang } = useLang();
  const f = useFormat();
  const uid = useId().replace(/:/g, '');
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  // The viewBox follows the drawn width, so the words stay at reading size from a phone to a desktop.
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const [now] = useState(() => Date.now());

  if (deadlines.length === 0) return <p className="muted">{t.none}</p>;

  const startOf = (d: CaseDeadlineJson) => new Date(d.openedAt ?? createdAt).getTime();
  const moments = deadlines.flatMap((d) => [startOf(d), new Date(d.dueAt).getTime(), ...(d.metAt ? [new Date(d.metAt).getTime()] : [])]);
  const lo = Math.min(...moments, now);
  const hi = Math.max(...moments, now);
  const span = Math.max(hi - lo, 60_000);
  const t0 = lo - span * 0.02;
  const t1 = hi + span * 0.02;
  const x = (ms: number) => PAD_X + ((ms - t0) / (t1 - t0)) * (width - 2 * PAD_X);
  const height = TOP + deadlines.length * ROW + BOTTOM;

  const stateWords = (d: CaseDeadlineJson) => [states[d.state], ...(d.extended ? [states.extended] : [])].join(' · ');
  const left = (d: CaseDeadlineJson) => (d.workingDaysLeft !== undefined ? daysLeftText(d.workingDaysLeft, lang) : '');
  const summary = t.summary(
    deadlines.map((d) =>
      [names[d.name], stateWords(d), t.by(f.dateTime(d.dueAt)), ...(d.metAt ? [t.metOn(f.dateTime(d.metAt))] : []), left(d)].filter(Boolean).join(t.comma),
    ),
  );
  const nowX = x(now);

  return (
    <div className="deadline-chart">
      <div ref={wrap} className="chart-frame">
        <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" height={height} preserveAspectRatio="xMinYMin meet">
          <defs>
            <pattern id={`${uid}-missed`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" fill="#fbe3e1" />
              <rect width="4" height="8" fill={COLOUR.missed} />
            </pattern>
          </defs>
          <line x1={nowX} x2={nowX} y1={TOP - 6} y2={height - BOTTOM + 4} stroke="#1b1f24" strokeWidth={1.5} strokeDasharray="4 3" />
          {deadlines.map((d, i) => {
            const y = TOP + i * ROW;
            const x0 = x(startOf(d));
            const x1 = Math.max(x(new Date(d.dueAt).getTime()), x0 + 3);
            const colour = COLOUR[d.state];
            const barY = y + 22;
            const barH = 16;
            return (
              <g key={d.key}>
                <text x={PAD_X} y={y + 15} className="chart-label">
                  <tspan fontWeight={700}>{names[d.name]}</tspan>
                  <tspan fill={colour} dx="8">
                    {stateWords(d)}
                  </tspan>
                </text>
                <text x={width - PAD_X} y={y + 15} textAnchor="end" className="chart-label chart-date">
                  {t.by(f.date(d.dueAt))}
                </text>
                {d.state === 'met' && <rect x={x0} y={barY} width={x1 - x0} height={barH} rx={3} fill={colour} />}
                {d.state === 'missed' && <rect x={x0} y={barY} width={x1 - x0} height={barH} rx={3} fill={`url(#${uid}-missed)`} stroke={colour} strokeWidth={1.5} />}
                {d.state === 'open' && (
                  <>
                    <rect x={x0} y={barY} width={x1 - x0} height={barH} rx={3} fill="#ffffff" stroke={colour} strokeWidth={2} />
                    {nowX > x0 && <rect x={x0} y={barY} width={Math.min(nowX, x1) - x0} height={barH} rx={3} fill={colour} />}
                  </>
                )}
                {d.state === 'cancelled' && <rect x={x0} y={barY} width={x1 - x0} height={barH} rx={3} fill="#ffffff" stroke={colour} strokeWidth={2} strokeDasharray="5 4" />}
                {d.extended && (
                  <path d={`M ${x1 + 3} ${barY} l 6 ${barH / 2} l -6 ${barH / 2} M ${x1 + 9} ${barY} l 6 ${barH / 2} l -6 ${barH / 2}`} fill="none" stroke={colour} strokeWidth={2} />
                )}
                {d.state === 'missed' && (
                  <path d={`M ${x1 - 5} ${barY + barH / 2 - 5} l 10 10 M ${x1 + 5} ${barY + barH / 2 - 5} l -10 10`} stroke="#1b1f24" strokeWidth={2.5} />
                )}
                {d.metAt && (
                  <g transform={`translate(${x(new Date(d.metAt).getTime())} ${barY + barH / 2})`}>
                    <path d="M 0 -9 L 9 0 L 0 9 L -9 0 Z" fill="#ffffff" stroke="#1b1f24" strokeWidth={2} />
                    <path d="M -4 0 l 3 3 l 5 -6" fill="none" stroke="#1b1f24" strokeWidth={2} />
                  </g>
                )}
              </g>
            );
          })}
          <text x={nowX} y={TOP - 10} textAnchor={nowX > width - 40 ? 'end' : nowX < 40 ? 'start' : 'middle'} className="chart-label">
            {t.now}
          </text>
          <line x1={PAD_X} x2={width - PAD_X} y1={height - BOTTOM + 4} y2={height - BOTTOM + 4} stroke="#4a5561" />
          <text x={PAD_X} y={height - 8} className="chart-label chart-date">
            {f.date(new Date(lo).toISOString())}
          </text>
          <text x={width - PAD_X} y={height - 8} textAnchor="end" className="chart-label chart-date">
            {f.date(new Date(hi).toISOString())}
          </text>
        </svg>
      </div>
      <Legend />
      <div className="table-wrap">
        <table className="stack">
          <caption>{t.table}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.opened}</th>
              <th scope="col">{t.dueAt}</th>
              <th scope="col">{t.metAt}</th>
              <th scope="col">{t.left}</th>
            </tr>
          </thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={d.key}>
                <td data-label={t.name}>{names[d.name]}</td>
                <td data-label={t.state}>
                  <span className={`deadline-state state-${d.state}`}>{stateWords(d)}</span>
                </td>
                <td data-label={t.opened}>{f.dateTime(d.openedAt ?? createdAt)}</td>
                <td data-label={t.dueAt}>{f.dateTime(d.dueAt)}</td>
                <td data-label={t.metAt}>{f.dateTime(d.metAt)}</td>
                <td data-label={t.left}>{d.workingDaysLeft !== undefined ? <DaysLeft n={d.workingDaysLeft} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Legend() {
  const t = useText(TEXT);
  const states = useText(DEADLINE_STATE_LABEL);
  const swatch = (body: ReactNode) => (
    <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true" focusable="false">
      {body}
    </svg>
  );
  const items: [string, ReactNode][] = [
    [states.met, swatch(<rect x="1" y="2" width="32" height="12" rx="3" fill={COLOUR.met} />)],
    [
      states.open,
      swatch(
        <>
          <rect x="1" y="2" width="32" height="12" rx="3" fill="#fff" stroke={COLOUR.open} strokeWidth="2" />
          <rect x="1" y="2" width="14" height="12" rx="3" fill={COLOUR.open} />
        </>,
      ),
    ],
    [
      states.missed,
      swatch(
        <>
          <rect x="1" y="2" width="32" height="12" rx="3" fill="#fbe3e1" stroke={COLOUR.missed} />
          {[4, 12, 20, 28].map((k) => (
            <line key={k} x1={k} y1="14" x2={k + 6} y2="2" stroke={COLOUR.missed} strokeWidth="3" />
          ))}
        </>,
      ),
    ],
    [states.cancelled, swatch(<rect x="1" y="2" width="32" height="12" rx="3" fill="#fff" stroke={COLOUR.cancelled} strokeWidth="2" strokeDasharray="5 4" />)],
    [states.extended, swatch(<path d="M 8 2 l 6 6 l -6 6 M 16 2 l 6 6 l -6 6" fill="none" stroke="#1b1f24" strokeWidth="2" />)],
    [t.met, swatch(<path d="M 17 0 L 25 8 L 17 16 L 9 8 Z M 13 8 l 3 3 l 5 -6" fill="#fff" stroke="#1b1f24" strokeWidth="2" />)],
    [t.now, swatch(<line x1="17" x2="17" y1="0" y2="16" stroke="#1b1f24" strokeWidth="1.5" strokeDasharray="4 3" />)],
  ];
  return (
    <ul className="chart-legend" aria-label={t.legend}>
      {items.map(([label, icon]) => (
        <li key={label}>
          {icon}
          {label}
        </li>
      ))}
    </ul>
  );
}
