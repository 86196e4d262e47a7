import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { BRF01_SECTIONS, type WrittenContent, type WrittenDept } from '../domain/briefings/written-content';

// BRF-07 书面通报 as a Word document (the `docx` library): the whole notice for the center leaders, and per
// department the general part plus that department's own sections (1)–(6) (BRF-01).

const FONT = '仿宋';

function para(
  text: string,
  opts: { bold?: boolean; center?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {},
): Paragraph {
  return new Paragraph({
    ...(opts.heading ? { heading: opts.heading } : {}),
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: opts.bold, font: FONT, size: opts.heading ? 32 : 28 })],
  });
}

function deptParagraphs(d: WrittenDept, n: number): Paragraph[] {
  const out = [para(`${n}. ${d.name}（${d.code}）`, { heading: HeadingLevel.HEADING_2 })];
  d.sections.forEach((lines, i) => {
    out.push(para(`（${i + 1}）${BRF01_SECTIONS[i]}`, { bold: true }));
    for (const l of lines) out.push(para(`    ${l}`));
  });
  if (d.remark) out.push(para(`补充说明：${d.remark}`));
  return out;
}

export interface DocxMeta {
  no: string;
  title: string;
  issuedOn: string;
  approver: string;
}

/** The .docx bytes; `only` limits the department part to one department (its own section). */
export async function writtenNoticeDocx(c: WrittenContent, meta: DocxMeta, only?: string): Promise<Buffer> {
  const depts = only ? c.departments.filter((d) => d.code === only) : c.departments;
  const children: Paragraph[] = [
    para(meta.title, { center: true, heading: HeadingLevel.HEADING_1 }),
    para(meta.no, { center: true }),
    para('一、总体情况', { bold: true }),
    ...c.general.map((g) => para(`    ${g}`)),
    para('二、各进驻部门情况', { bold: true }),
    ...depts.flatMap((d) => deptParagraphs(d, c.departments.indexOf(d) + 1)),
    para('三、有关要求', { bold: true }),
    para(
      '    请各进驻部门对照通报问题认真整改，整改情况按期报送大厅管理室；通报情况及整改情况纳入年终考核（rule BRF-08）。',
    ),
    para(`乌审旗政务服务中心\u3000${meta.issuedOn}`, {}),
    para(`审定：${meta.approver}`, {}),
  ];
  const doc = new Document({
    creator: '政务大厅服务机器人',
    title: `${meta.title} ${meta.no}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** Write under `<attachmentDir>/reports`; returns the path. File names on disk stay ASCII. */
export async function saveReport(dir: string, name: string, buf: Buffer): Promise<string> {
  const out = join(dir, 'reports');
  await mkdir(out, { recursive: true });
  const path = join(out, name);
  await writeFile(path, buf);
  return path;
}
