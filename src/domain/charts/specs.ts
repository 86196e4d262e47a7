import type { TopLevelSpec } from 'vega-lite';

// The vega-lite specs of the performance charts (D193). Sized for a phone held upright: 330 px wide before the
// renderer's ×2, one colour per meaning, values written on the marks so nobody has to read an axis.

const WIDTH = 330;

/** PRF-03 bands as dashed lines: below 80 不达标, above 90 优秀 (named in the subtitle, not over the data). */
const BAND_LINES = [{ y: 80 }, { y: 90 }];

export interface ScorePoint {
  /** `YYYY-MM` */
  month: string;
  score: number;
  band: string;
}

const BAND_COLOURS = { domain: ['不达标', '基本达标', '优秀'], range: ['#d9534f', '#f0ad4e', '#5cb85c'] };

function bandRules() {
  return [
    {
      data: { values: BAND_LINES },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#999' },
      encoding: { y: { field: 'y', type: 'quantitative' } },
    },
  ];
}

/** Monthly: the provider's score over the last months, points coloured by band (PRF-01/03). */
export function scoreTrendSpec(title: string, points: ScorePoint[]): TopLevelSpec {
  const lo = Math.min(60, ...points.map((p) => Math.floor(p.score / 10) * 10));
  const x = { field: 'month', type: 'ordinal', title: null, axis: { labelAngle: -45 } } as const;
  const y = { field: 'score', type: 'quantitative' as const, title: '得分', scale: { domain: [lo, 100] } };
  return {
    title: { text: title, subtitle: '虚线 80 达标、90 优秀' },
    width: WIDTH,
    height: 220,
    data: { values: points },
    layer: [
      { mark: { type: 'line', color: '#4c78a8' }, encoding: { x, y } },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: { x, y, color: { field: 'band', type: 'nominal', title: '等次', scale: BAND_COLOURS } },
      },
      { mark: { type: 'text', dy: -10, fontSize: 10 }, encoding: { x, y, text: { field: 'score' } } },
      ...bandRules(),
    ],
  } as TopLevelSpec;
}

/** Annual: each scored month as a bar coloured by band, the year's mean (PRF-05) as a line. */
export function annualScoreSpec(title: string, points: ScorePoint[], mean: number): TopLevelSpec {
  const subtitle = `年均 ${mean.toFixed(1)}（横线）｜虚线 80 达标、90 优秀`;
  const x = { field: 'month', type: 'ordinal', title: null, sort: null, axis: { labelAngle: 0 } } as const;
  const lo = Math.min(60, ...points.map((p) => Math.floor(p.score / 10) * 10));
  const y = { field: 'score', type: 'quantitative' as const, title: '得分', scale: { domain: [lo, 100] } };
  return {
    title: { text: title, subtitle },
    width: WIDTH,
    height: 220,
    data: { values: points.map((p) => ({ ...p, month: `${Number(p.month.slice(5))}月` })) },
    layer: [
      {
        mark: { type: 'bar', clip: true },
        encoding: { x, y, color: { field: 'band', type: 'nominal', title: '等次', scale: BAND_COLOURS } },
      },
      { mark: { type: 'text', dy: -6, fontSize: 10 }, encoding: { x, y, text: { field: 'score' } } },
      {
        data: { values: [{ mean }] },
        mark: { type: 'rule', color: '#333', strokeWidth: 1.5 },
        encoding: { y: { field: 'mean', type: 'quantitative' } },
      },
      ...bandRules(),
    ],
  } as TopLevelSpec;
}

export interface DepartmentRate {
  department: string;
  /** Which figure (sources are shown apart, D95). */
  source: string;
  /** Percent, one decimal. */
  rate: number;
  /** How many ratings or 回访 it is computed from. */
  count: number;
}

/**
 * One bar per department and source, horizontal so long department names stay readable; the bar's label carries
 * the percentage and how many it is computed from (a 100 % of 1 is not a 100 % of 900).
 */
export function departmentRateSpec(title: string, rows: DepartmentRate[], sources: string[]): TopLevelSpec {
  const departments = [...new Set(rows.map((r) => r.department))];
  const y = { field: 'department', type: 'nominal', title: null, sort: departments } as const;
  const x = { field: 'rate', type: 'quantitative' as const, title: '%', scale: { domain: [0, 100] } };
  const yOffset = { field: 'source', type: 'nominal', sort: sources } as const;
  return {
    title,
    width: WIDTH - 60,
    height: { step: 14 * Math.max(1, sources.length) + 6 },
    data: { values: rows.map((r) => ({ ...r, label: `${r.rate.toFixed(1)}%（${r.count}）` })) },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', height: { band: 1 } },
        encoding: { x, color: { field: 'source', type: 'nominal', title: null, sort: sources } },
      },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 }, encoding: { x, text: { field: 'label' } } },
    ],
  };
}

export interface DepartmentOverdue {
  department: string;
  concluded: number;
  overdue: number;
}

/** CAS-19: one bar per department, its 超期率 with "超期/办结" beside it; the scale fits the worst rate. */
export function overdueRateSpec(title: string, rows: DepartmentOverdue[]): TopLevelSpec {
  const values = rows.map((r) => {
    const rate = Math.round((r.overdue * 1000) / r.concluded) / 10;
    return { ...r, rate, label: `${rate.toFixed(1)}%（${r.overdue}/${r.concluded}）` };
  });
  const top = Math.max(5, ...values.map((v) => Math.ceil(v.rate / 5) * 5));
  const x = { field: 'rate', type: 'quantitative' as const, title: '超期率 %', scale: { domain: [0, top] } };
  return {
    title: { text: title, subtitle: '括号内：超期件数/办结件数' },
    width: WIDTH - 60,
    height: { step: 22 },
    data: { values },
    encoding: { y: { field: 'department', type: 'nominal', title: null, sort: rows.map((r) => r.department) } },
    layer: [
      { mark: { type: 'bar', color: '#d9534f' }, encoding: { x } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { x, text: { field: 'label' } } },
    ],
  };
}

export interface CountRow {
  /** 优秀 / 称职 … or an award's name. */
  label: string;
  /** 年度等次 or 评优授予. */
  group: string;
  count: number;
}

/** PRF-15/16: how many staff got each grade and how many of each award were granted, one bar each. */
export function gradesAwardsSpec(title: string, rows: CountRow[]): TopLevelSpec {
  const x = { field: 'count', type: 'quantitative' as const, title: '人数/项数', axis: { tickMinStep: 1 } };
  return {
    title,
    width: WIDTH - 60,
    height: { step: 18 },
    data: { values: rows },
    encoding: { y: { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label) } },
    layer: [
      { mark: { type: 'bar' }, encoding: { x, color: { field: 'group', type: 'nominal', title: null } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { x, text: { field: 'count' } } },
    ],
  };
}
