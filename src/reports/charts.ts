import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

// Charts as PNG without a browser (D191): a vega-lite spec is compiled to vega, drawn to SVG by vega's headless
// View, and rasterised by resvg. resvg reads TrueType/OpenType (not woff2) and finds no system fonts here on
// purpose: the CJK font is loaded from one explicit file (Debian fonts-noto-cjk), so a missing font is an error
// at once instead of a chart whose Chinese labels are empty boxes.

/** Debian package fonts-noto-cjk (README requirements; .ci/run installs it). */
export const CHART_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The family inside that collection with Simplified Chinese glyph shapes. */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';
/** Rendered at twice the spec's size so labels stay sharp on a phone's high-density screen. */
export const CHART_ZOOM = 2;

export class ChartFontMissing extends Error {
  constructor(path: string) {
    super(
      `chart font not found: ${path} — install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk); ` +
        'charts are not drawn without a CJK font',
    );
    this.name = 'ChartFontMissing';
  }
}

/** Shared look: the CJK family everywhere, white background (chat bubbles are grey), phone-sized text. */
const CONFIG = {
  font: CHART_FONT_FAMILY,
  background: 'white',
  padding: 12,
  title: { fontSize: 15, anchor: 'start', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
} as const;

/**
 * Without a canvas vega estimates every character at 0.8 em, so Chinese labels (1 em each) overflow their space and
 * get cut at the image edge. Measure as Noto Sans CJK draws: CJK and full-width forms 1 em, the rest ~0.56 em.
 */
function cjkWidth(item: { text?: unknown; fontSize?: number }, text?: unknown): number {
  const s = String(text ?? item.text ?? '');
  const size = item.fontSize ?? 11;
  let em = 0;
  for (const ch of s) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.56;
  return em * size;
}
// vega re-exports vega-scenegraph's textMetrics at run time; its type declarations omit it.
(vega as unknown as { textMetrics: { width: typeof cjkWidth } }).textMetrics.width = cjkWidth;

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
}

/** The chart as SVG (vega's headless View), in the house look; the PNG is this at CHART_ZOOM. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const vg = compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } }).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Render a vega-lite spec to PNG. Throws ChartFontMissing when the font file is absent. */
export async function renderChart(spec: TopLevelSpec, fontFile = CHART_FONT_FILE): Promise<RenderedChart> {
  if (!existsSync(fontFile)) throw new ChartFontMissing(fontFile);
  const svg = await chartSvg(spec);
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: CHART_ZOOM },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
