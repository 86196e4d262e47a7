import { Resvg } from '@resvg/resvg-js';
import { annualScoreSpec, departmentRateSpec, overdueRateSpec, scoreTrendSpec } from '../src/domain/charts/specs';
import { CHART_FONT_FAMILY, CHART_FONT_FILE, CHART_ZOOM, renderChart } from '../src/reports/charts';

// `npm run bench` part 4 (D191): rendering one chart (vega-lite spec → vega SVG → resvg PNG) against a baseline
// measured in the same run: resvg rasterising a hand-written SVG of the same size with one line of Chinese text
// and the same font file — the floor any chart pays (font load and rasterisation). Median of RUNS after a warm-up
// render; one JSON line per chart; its own process, so the peak RSS is the renderer's.

const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 5);
const TARGET_MS = 1000;

const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const points = months.map((month, i) => {
  const score = 76 + ((i * 7) % 20) + (i % 2) / 2;
  return { month, score, band: score < 80 ? '不达标' : score <= 90 ? '基本达标' : '优秀' };
});
const departments = [
  '旗公安局',
  '旗人力资源和社会保障局',
  '不动产登记中心',
  '旗水利局',
  '旗税务局',
  '旗市场监督管理局',
];
const rates = departments.flatMap((department, i) => [
  { department, source: '好差评', rate: 99 - i, count: 400 + i * 37 },
  { department, source: '12345回访', rate: 100 - i * 5, count: 3 + i },
]);

const overdue = departments.map((department, i) => ({ department, concluded: 120 + i * 31, overdue: i % 4 }));

const CHARTS = [
  { name: 'score trend (12 months)', spec: scoreTrendSpec('综窗服务商考核得分（截至2025年12月）', points) },
  { name: 'annual scores + mean', spec: annualScoreSpec('2025年综窗服务商考核得分（12个月）', points, 85.6) },
  { name: '超期率 by department (6)', spec: overdueRateSpec('2025年12月各部门办件超期率', overdue) },
  {
    name: '满意度 by department (6)',
    spec: departmentRateSpec('2025年12月各部门满意度', rates, ['好差评', '12345回访']),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => unknown): Promise<number> {
  await fn(); // warm-up: module initialisation and the first font parse are not what a monthly run repeats
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
    sample();
  }
  return median(ms);
}

// Rendering is synchronous work that starves timers, so the RSS is sampled after every render instead.
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

const baselineSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="390" height="330"><rect width="390" height="330" fill="white"/><text x="12" y="30" font-family="${CHART_FONT_FAMILY}" font-size="15">综窗服务商考核得分</text></svg>`;
const baselineMs = await timed(() =>
  new Resvg(baselineSvg, {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: CHART_ZOOM },
  })
    .render()
    .asPng(),
);
for (const c of CHARTS) {
  let bytes = 0;
  const ms = await timed(async () => (bytes = (await renderChart(c.spec)).png.length));
  console.log(
    JSON.stringify({
      chart: c.name,
      ms: Math.round(ms),
      targetMs: TARGET_MS,
      baselineMs: Math.round(baselineMs),
      pngKb: Math.round(bytes / 1024),
      peakRssMb: Math.round(peak / 1048576),
    }),
  );
}
