import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { CELL_SIDE_PAD, GROUP_WIDTH, LABEL_WIDTH, fitForm, type FormLayout } from './form-fit';
import { FONTS, PAGE, TYPE_WIDTH, fontTableXml } from './official-style';

// REC-08: one renderer for every filed form (000 调整管理 附件1/附件2, 投诉登记表 …). The caller passes the form's
// rows as label/value pairs and the approval trail as rows of its own; the form is printed 一式两份 — two copies
// in one file, each on its own page and marked with the recipient that keeps it (000 调整管理 附件 注). The page
// is the GB/T 9704 A4 type area of the 公文 frame (official-style.ts); no rule IDs or system words (D41). Sizes
// step down until a copy fits one page by the estimate of form-fit.ts (D219).

export interface FormCopy {
  /** 表题 as on the seed form. */
  title: string;
  /** The record number, printed top right (`编号：GB2026-GA-001`). */
  no: string;
  /** A line above the table when the seed form has one (附件1 `部门（单位）：…`). */
  headerLine?: string;
  /** The form's rows in order; a row with `group` shares its first cell with the rows after it of the same group. */
  rows: { label: string; value: string; group?: string }[];
  /** The 注 under the table (`注：此表一式两份，…`), or '' when the seed form has none. */
  note: string;
  /** Who keeps each copy (`进驻部门（单位）存档`, `旗政务服务中心大厅管理室存档`). */
  copies: string[];
}

const font = (key: keyof typeof FONTS) => {
  const name = FONTS[key].name;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
};
const text = (s: string, size = 24, key: keyof typeof FONTS = '仿宋', bold = false) =>
  s
    .split('\n')
    .map((line, i) => new TextRun({ text: line, font: font(key), size, bold, ...(i > 0 ? { break: 1 } : {}) }));
const p = (children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
  new Paragraph({ alignment, children });

const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

type CellOpts = { span?: number; rowSpan?: number; center?: boolean };

function cellOf(l: FormLayout, s: string, width: number, opts: CellOpts = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    rowSpan: opts.rowSpan,
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: l.cellPad, bottom: l.cellPad, left: CELL_SIDE_PAD, right: CELL_SIDE_PAD },
    children: [p(text(s, l.body), opts.center ? AlignmentType.CENTER : AlignmentType.LEFT)],
  });
}

function table(rows: FormCopy['rows'], l: FormLayout): Table {
  const cell = (s: string, width: number, opts: CellOpts = {}) => cellOf(l, s, width, opts);
  const valueWidth = TYPE_WIDTH - LABEL_WIDTH;
  const out: TableRow[] = [];
  rows.forEach((r, i) => {
    if (!r.group) {
      const label = cell(r.label, LABEL_WIDTH, { span: 2, center: true });
      out.push(new TableRow({ children: [label, cell(r.value, valueWidth)] }));
      return;
    }
    const first = rows[i - 1]?.group !== r.group;
    const span = rows.slice(i).findIndex((x) => x.group !== r.group);
    const inner = [cell(r.label, LABEL_WIDTH - GROUP_WIDTH, { center: true }), cell(r.value, valueWidth)];
    const children = first
      ? [cell(r.group, GROUP_WIDTH, { rowSpan: span === -1 ? rows.length - i : span, center: true }), ...inner]
      : inner;
    out.push(new TableRow({ children }));
  });
  return new Table({
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: [GROUP_WIDTH, LABEL_WIDTH - GROUP_WIDTH, valueWidth],
    rows: out,
  });
}

function copyOf(f: FormCopy, keeper: string, last: boolean, l: FormLayout): (Paragraph | Table)[] {
  return [
    p(text(keeper, l.small, '黑体'), AlignmentType.LEFT),
    p(text(`编号：${f.no}`, l.small), AlignmentType.RIGHT),
    p(text(f.title, l.title, '小标宋'), AlignmentType.CENTER),
    ...(f.headerLine ? [p(text(f.headerLine, l.body))] : []),
    table(f.rows, l),
    ...(f.note ? [new Paragraph({ children: text(f.note, l.small) })] : []),
    ...(last ? [] : [new Paragraph({ pageBreakBefore: true, children: [] })]),
  ];
}

/** The .docx bytes: the form once per copy, each copy on its own page and marked with its keeper. */
export async function formDocx(f: FormCopy): Promise<Buffer> {
  const { layout } = fitForm(f);
  const children = f.copies.flatMap((keeper, i) => copyOf(f, keeper, i === f.copies.length - 1, layout));
  const doc = new Document({
    creator: '乌审旗政务服务中心大厅管理室',
    title: `${f.no} ${f.title}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
