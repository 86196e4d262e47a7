import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  HorizontalPositionAlign,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import type { LocalDate } from '../kernel/time';
import {
  CHAR_PITCH,
  CHARS_PER_LINE,
  DEFAULT_RUN,
  FOOTER_DISTANCE,
  GRID,
  PAGE,
  PARAGRAPH_STYLES,
  SMALL_CHAR,
  STYLE,
  TYPE_WIDTH,
  fontTableXml,
} from './official-style';

// D41: the GB/T 9704-2012 frame every printed document shares — 版头 (发文机关标志, 发文字号, red line), 标题, 主送,
// the body the caller builds from the level helpers below, 落款 and 成文日期, 页码 alternating outside, and the
// 版记 at the foot of the last page. 000 督查通报 第六条(二)3: the 书面通报 is 印发 by the center; 大厅管理室
// drafts and files every notice (第六条(一), (二)4), so it is the 印发机关.

export const ISSUER = '乌审旗政务服务中心';
export const MASTHEAD = `${ISSUER}督查通报`;
export const PRINTER = `${ISSUER}大厅管理室`;

export interface OfficialDoc {
  /** 发文字号 in the printed form (`督通〔2026〕11号`). */
  no: string;
  title: string;
  /** 主送机关 without the colon (`各进驻部门（单位）`). */
  mainTo: string;
  body: Paragraph[];
  /** 成文日期 = 印发日期 (the day a 中心领导 signed it). */
  date: LocalDate;
  /** 抄送机关, in order. */
  copyTo: string[];
}

/** 7.3.5.2 / 7.4: `2026年3月12日` — 年份标全，月、日不编虚位. */
export function fullCnDate(d: LocalDate): string {
  return `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** `2026年2月` from `2026-02`. */
export const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** A sentence ends with 。 unless it already ends with punctuation. */
export const sentence = (s: string) => (/[。；：！？]$/.test(s) ? s : `${s}。`);

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 21 → 二十一 (结构层次序数, up to 99). */
export function cnOrdinal(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

const para = (style: string, text: string, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ style, ...extra, children: [new TextRun(text)] });

/** A 正文 paragraph (left 2 characters, 仿宋). */
export const bodyPara = (text: string) => para(STYLE.body, text);
/** “一、…” 黑体. */
export const level1 = (n: number, text: string) => para(STYLE.level1, `${cnOrdinal(n)}、${text}`);
/** “（一）…” 楷体. */
export const level2 = (n: number, text: string) => para(STYLE.level2, `（${cnOrdinal(n)}）${text}`);
/** “1.…” 仿宋 (third level). */
export const level3 = (n: number, text: string) => para(STYLE.level3, `${n}.${text}`);
/** “（1）…” 仿宋 (fourth level). */
export const level4 = (n: number, text: string) => para(STYLE.level3, `（${n}）${text}`);

/** Width in 三号 characters: CJK and full-width 1, ASCII digits and letters ½. */
const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

/**
 * 7.3.5.2 (不加盖印章): 署名右空二字; 成文日期 in the next line, its first character two characters right of the
 * 署名's; a date longer than that moves the 署名 left so the date keeps 右空二字. Returns left indents in twips.
 */
function closingIndents(signer: string, date: string): { signer: number; date: number } {
  let dateStart = CHARS_PER_LINE - 2 - width(signer) + 2;
  if (dateStart + width(date) > CHARS_PER_LINE - 2) dateStart = CHARS_PER_LINE - 2 - width(date);
  const signerStart = Math.min(CHARS_PER_LINE - 2 - width(signer), dateStart - 2);
  return { signer: Math.round(signerStart * CHAR_PITCH), date: Math.round(dateStart * CHAR_PITCH) };
}

/** 7.4 版记 in a frame at the foot of the type area, so it sits on the last page with the 末条分隔线 at its edge. */
function recordBlock(copyTo: string[], date: LocalDate): Paragraph[] {
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: TYPE_WIDTH,
  };
  // 首条、末条分隔线 粗线 0.35 mm (8 eighths of a point ≈ 0.35 mm), 中间 细线 0.25 mm (6 ≈ 0.21 mm).
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const printed = new Paragraph({
    style: STYLE.record,
    frame,
    border: { top: copyTo.length ? thin : thick, bottom: thick },
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - SMALL_CHAR }],
    children: [new TextRun(PRINTER), new TextRun({ children: [new Tab(), `${fullCnDate(date)}印发`] })],
  });
  if (!copyTo.length) return [printed];
  const copy = para(STYLE.record, `抄送：${copyTo.join('，')}。`, { frame, border: { top: thick } });
  return [copy, printed];
}

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType], outside: 'left' | 'right') {
  // 7.5: 单页码居右空一字，双页码居左空一字.
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNo,
        alignment,
        indent: outside === 'right' ? { right: SMALL_CHAR } : { left: SMALL_CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The .docx bytes of one document in the frame. */
export async function officialDocx(d: OfficialDoc): Promise<Buffer> {
  const closing = closingIndents(ISSUER, fullCnDate(d.date));
  const children = [
    para(STYLE.masthead, MASTHEAD),
    para(STYLE.docNo, d.no),
    para(STYLE.title, d.title),
    para(STYLE.mainTo, `${d.mainTo}：`),
    ...d.body,
    para(STYLE.signer, ISSUER, { indent: { left: closing.signer } }),
    para(STYLE.date, fullCnDate(d.date), { indent: { left: closing.date } }),
    ...recordBlock(d.copyTo, d.date),
  ];
  const doc = new Document({
    creator: PRINTER,
    title: `${d.no} ${d.title}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: DEFAULT_RUN } }, paragraphStyles: PARAGRAPH_STYLES },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: PAGE.top / 2,
              footer: FOOTER_DISTANCE,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitch, charSpace: GRID.charSpace },
        },
        footers: {
          default: pageNumberFooter(AlignmentType.RIGHT, 'right'),
          even: pageNumberFooter(AlignmentType.LEFT, 'left'),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
