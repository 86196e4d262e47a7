import { AlignmentType, type IParagraphStyleOptions, LineRuleType } from 'docx';

// D41: every printed document (书面通报, 约谈记录, the BRF-09 派驻部门 notice) is a 公文 in the GB/T 9704-2012
// 党政机关公文格式 frame. This file is the one style table: the page, every font with its fallback, every size, and
// the paragraph styles the frame and the bodies use. Nothing else names a font or a size. Fonts are named, not
// embedded: the reader's machine supplies them (the fallback is declared in the document's font table).

/** Twips (1/20 pt) per millimetre. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

/** 5.2.1 A4; 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm — so the bottom margin is 35 mm and the right 26 mm. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;

/** 5.2.3 一般每面排 22 行，每行排 28 个字. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
const typeHeight = PAGE.height - PAGE.top - PAGE.bottom;
const typeWidth = PAGE.width - PAGE.left - PAGE.right;
/** Line pitch in twips, rounded down so that 22 lines always fit the 225 mm 版心. */
export const LINE_PITCH = Math.floor(typeHeight / LINES_PER_PAGE);

/** 字号 in half-points (docx `size`). */
const SIZE = {
  小初: 72,
  二号: 44,
  三号: 32,
  四号: 28,
} as const;

/**
 * The document grid: 22 lines, and a character pitch that puts 28 三号 characters on a 156 mm line (Word's
 * `charSpace` is the difference to the default font's pitch, in 1/4096 pt).
 */
export const GRID = {
  linePitch: LINE_PITCH,
  charSpace: Math.floor((typeWidth / CHARS_PER_LINE / 20 - SIZE.三号 / 2) * 4096),
} as const;

/** 7.5 页码 一字线上距版心下边缘 7 mm: the footer's distance from the paper edge (4号 digits ≈ 5 mm high). */
export const FOOTER_DISTANCE = PAGE.bottom - mm(7) - mm(5);

/** Fonts as the standard names them, each with the font a machine without it should use. */
export const FONTS = {
  小标宋: { name: '方正小标宋简体', fallback: '宋体' },
  仿宋: { name: '仿宋_GB2312', fallback: '仿宋' },
  黑体: { name: '黑体', fallback: 'SimHei' },
  楷体: { name: '楷体_GB2312', fallback: '楷体' },
  宋体: { name: '宋体', fallback: 'SimSun' },
} as const;
type FontKey = keyof typeof FONTS;

/** 7.2.3 发文机关标志 and 7.2.6 分隔线 are red. */
export const RED = 'FF0000';

/** One 三号 character on the grid (the width indents and the 落款 are measured in). */
export const CHAR_PITCH = typeWidth / CHARS_PER_LINE;
/** One 4号 character (版记 and 页码 are 4号: 左右各空一字, 居右/居左空一字). */
export const SMALL_CHAR = SIZE.四号 * 10;
export const TYPE_WIDTH = typeWidth;

const run = (font: FontKey, size: keyof typeof SIZE, extra: { color?: string; scale?: number } = {}) => {
  const name = FONTS[font].name;
  return { font: { ascii: name, hAnsi: name, eastAsia: name, cs: name }, size: SIZE[size], ...extra };
};
const exact = (lines: number) => ({ line: LINE_PITCH * lines, lineRule: LineRuleType.EXACT });

/** Paragraph style ids, so the frame and the bodies refer to them by name. */
export const STYLE = {
  masthead: 'GwMasthead',
  docNo: 'GwDocNo',
  title: 'GwTitle',
  mainTo: 'GwMainTo',
  body: 'GwBody',
  level1: 'GwLevel1',
  level2: 'GwLevel2',
  level3: 'GwLevel3',
  signer: 'GwSigner',
  date: 'GwDate',
  record: 'GwRecord',
  pageNo: 'GwPageNo',
} as const;

/** The style table (word/styles.xml). Spacing is in whole grid lines, as the standard counts it. */
export const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    // 7.2.3 发文机关标志: 红色小标宋，居中，上边缘至版心上边缘 35 mm (an exact line puts its spare height above the
    // glyphs). 13 characters at 小初 are wider than the 156 mm 版心, so they are set at 80 % width.
    id: STYLE.masthead,
    name: '发文机关标志',
    run: run('小标宋', '小初', { color: RED, scale: 80 }),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(35) - (LINE_PITCH * 2 - SIZE.小初 * 10), ...exact(2) },
    },
  },
  {
    // 7.2.4 发文字号: 标志下空二行，居中; 7.2.6 其下 4 mm 处与版心等宽的红色分隔线.
    id: STYLE.docNo,
    name: '发文字号',
    run: run('仿宋', '三号'),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE_PITCH * 2, ...exact(1) },
      border: { bottom: { style: 'single', size: 12, color: RED, space: 11 } },
    },
  },
  {
    // 7.3.1 标题: 红色分隔线下空二行，2号小标宋，居中.
    id: STYLE.title,
    name: '公文标题',
    run: run('小标宋', '二号'),
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: LINE_PITCH * 2, after: LINE_PITCH, ...exact(1) } },
  },
  {
    // 7.3.2 主送机关: 标题下空一行，居左顶格.
    id: STYLE.mainTo,
    name: '主送机关',
    run: run('仿宋', '三号'),
    paragraph: { alignment: AlignmentType.LEFT, spacing: exact(1) },
  },
  {
    // 7.3.3 正文: 3号仿宋，每个自然段左空二字，回行顶格; the 1. and （1） levels are set in it too.
    id: STYLE.body,
    name: '正文',
    run: run('仿宋', '三号'),
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLineChars: 200 }, spacing: exact(1) },
  },
  {
    // 7.3.3 结构层次序数 第一层 “一、” 黑体.
    id: STYLE.level1,
    name: '一级标题',
    basedOn: STYLE.body,
    run: run('黑体', '三号'),
    paragraph: { indent: { firstLineChars: 200 }, spacing: exact(1) },
  },
  {
    // 第二层 “（一）” 楷体.
    id: STYLE.level2,
    name: '二级标题',
    basedOn: STYLE.body,
    run: run('楷体', '三号'),
    paragraph: { indent: { firstLineChars: 200 }, spacing: exact(1) },
  },
  {
    // 第三层 “1.” 和第四层 “（1）” 仿宋.
    id: STYLE.level3,
    name: '三级标题',
    basedOn: STYLE.body,
    run: run('仿宋', '三号'),
    paragraph: { indent: { firstLineChars: 200 }, spacing: exact(1) },
  },
  {
    // 7.3.5.2 发文机关署名: 正文下空一行; its indent is set per document (右空二字).
    id: STYLE.signer,
    name: '发文机关署名',
    run: run('仿宋', '三号'),
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: LINE_PITCH, ...exact(1) } },
  },
  {
    // 成文日期: 署名下一行，首字比署名首字右移二字.
    id: STYLE.date,
    name: '成文日期',
    run: run('仿宋', '三号'),
    paragraph: { alignment: AlignmentType.LEFT, spacing: exact(1) },
  },
  {
    // 7.4 版记: 抄送机关, 印发机关和印发日期 一般用4号仿宋，左右各空一字.
    id: STYLE.record,
    name: '版记',
    run: run('仿宋', '四号'),
    paragraph: { indent: { left: SMALL_CHAR, right: SMALL_CHAR }, spacing: exact(1) },
  },
  {
    // 7.5 页码: 4号半角宋体阿拉伯数字，左右各一条一字线.
    id: STYLE.pageNo,
    name: '页码',
    run: run('宋体', '四号'),
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
  },
];

/** Document defaults: 三号仿宋, so `charSpace` is measured against the body font. */
export const DEFAULT_RUN = run('仿宋', '三号');

/** word/fontTable.xml: each font with its fallback (`w:altName`), so a machine without 仿宋_GB2312 uses 仿宋. */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}
