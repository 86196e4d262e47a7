import { PAGE, TYPE_WIDTH } from './official-style';

// REC-08 "one page where the seed form is one page" (D219): an estimate of how tall one copy of a printed form is
// on the A4 type area, so the renderer can step its sizes down until the copy fits one page. There is no layout
// engine on the server (no LibreOffice, no fonts): the estimate counts wrapped lines per table cell from the text's
// width in em (CJK and full-width characters 1 em, ASCII ½ em) over the cell's inner width, and takes each line as
// LINE_FACTOR × the font size, which is what Word gives 宋体/仿宋 at single spacing. A page keeps RESERVE unused
// so that rounding in Word (cell borders, paragraph leading) cannot push the last row over.

/** Sizes of one rendering: font sizes in half-points (docx `size`), cell padding in twips. */
export interface FormLayout {
  /** Table cells and the 部门 line. */
  body: number;
  /** Keeper line, 编号 and the 注. */
  small: number;
  title: number;
  /** Top and bottom padding of every cell. */
  cellPad: number;
}

/** 小四 / 五号 / 小二 first, then two steps down to 小五 (9 pt), below which a paper form is hard to read. */
export const LAYOUTS: readonly FormLayout[] = [
  { body: 24, small: 21, title: 36, cellPad: 80 },
  { body: 21, small: 18, title: 32, cellPad: 50 },
  { body: 18, small: 18, title: 30, cellPad: 30 },
];

/** The label column of the table, the group cell inside it, and the left/right cell padding (twips). */
export const LABEL_WIDTH = Math.round(TYPE_WIDTH * 0.3);
export const GROUP_WIDTH = Math.round(TYPE_WIDTH * 0.14);
export const CELL_SIDE_PAD = 100;

const LINE_FACTOR = 1.3;
const RESERVE = 0.05;
/** The usable height of one page (twips): the type area less the reserve. */
export const PAGE_BODY = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) * (1 - RESERVE));

/** What the estimate reads of a form copy (structurally the renderer's FormCopy). */
export interface FormShape {
  title: string;
  headerLine?: string;
  rows: readonly { label: string; value: string; group?: string }[];
  note: string;
}

/** Width of a text in em: ASCII (and half-width forms) half an em, everything else one. */
function ems(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0020-\u007e\uff61-\uff9f]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Lines a text takes in a box `width` twips wide at `size` half-points; every paragraph takes at least one. */
export function wrappedLines(s: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * 10)));
  return s.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(ems(para) / perLine)), 0);
}

const lineHeight = (size: number) => size * 10 * LINE_FACTOR;
const cellHeight = (s: string, width: number, l: FormLayout) =>
  wrappedLines(s, width - 2 * CELL_SIDE_PAD, l.body) * lineHeight(l.body) + 2 * l.cellPad;

/** Height of the table (twips): each row as tall as its taller cell; a merged group cell spreads over its rows. */
function tableHeight(rows: FormShape['rows'], l: FormLayout): number {
  const valueWidth = TYPE_WIDTH - LABEL_WIDTH;
  let total = 0;
  for (let i = 0; i < rows.length;) {
    const group = rows[i].group;
    if (!group) {
      total += Math.max(cellHeight(rows[i].label, LABEL_WIDTH, l), cellHeight(rows[i].value, valueWidth, l));
      i += 1;
      continue;
    }
    let j = i;
    let inner = 0;
    for (; j < rows.length && rows[j].group === group; j += 1) {
      const label = cellHeight(rows[j].label, LABEL_WIDTH - GROUP_WIDTH, l);
      inner += Math.max(label, cellHeight(rows[j].value, valueWidth, l));
    }
    total += Math.max(inner, cellHeight(group, GROUP_WIDTH, l));
    i = j;
  }
  return total;
}

/** Height of one copy (twips): the page-break line before it, keeper, 编号, title, header line, table, 注. */
export function copyHeight(f: FormShape, l: FormLayout): number {
  const para = (s: string, size: number) => wrappedLines(s, TYPE_WIDTH, size) * lineHeight(size);
  return (
    lineHeight(l.body) +
    2 * lineHeight(l.small) +
    para(f.title, l.title) +
    (f.headerLine ? para(f.headerLine, l.body) : 0) +
    tableHeight(f.rows, l) +
    (f.note ? para(f.note, l.small) : 0)
  );
}

/** Pages one copy takes at a layout. */
export const pagesAt = (f: FormShape, l: FormLayout) => Math.ceil(copyHeight(f, l) / PAGE_BODY);

/**
 * The first layout at which a copy fits one page, and the pages it takes there. A form that does not fit even at
 * the smallest sizes (a 巡查记录 with many findings; no seed form of it is one page) prints at the smallest sizes
 * over as many pages as it needs.
 */
export function fitForm(f: FormShape): { layout: FormLayout; pages: number } {
  for (const layout of LAYOUTS) if (pagesAt(f, layout) === 1) return { layout, pages: 1 };
  const layout = LAYOUTS[LAYOUTS.length - 1];
  return { layout, pages: pagesAt(f, layout) };
}
