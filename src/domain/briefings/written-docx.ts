import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paragraph } from 'docx';
import { BRF01_SECTIONS, type WrittenContent, type WrittenDept } from './written-content';
import type { LocalDate } from '../../kernel/time';
import {
  bodyPara,
  level1,
  level2,
  level3,
  level4,
  monthLabel,
  officialDocx,
  sentence,
} from '../../reports/official-doc';

// BRF-07 书面通报 (000 督查通报 第五条(三)) as a 公文 in the D41 frame: the whole notice for the center leaders, and
// per department the same frame with the general part plus that department's own sections (1)–(6) (BRF-01,
// 第四条). 主送 the stationed departments; 抄送 the center leaders.

const WRITTEN_MAIN_TO = '各进驻部门（单位）';
const WRITTEN_COPY_TO = ['中心领导'];

export interface DocxMeta {
  /** 发文字号, printed form. */
  no: string;
  title: string;
  /** 成文日期 (the day of release). */
  date: LocalDate;
}

/** One of the six sections: “1.标题：内容。”, a list of several facts as “（1）…” under it. */
function sectionParagraphs(n: number, lines: string[]): Paragraph[] {
  const title = BRF01_SECTIONS[n - 1];
  if (lines.length === 1) return [level3(n, `${title}：${sentence(lines[0])}`)];
  const [first, ...rest] = lines;
  const lead = first.endsWith('：') ? level3(n, `${title}：${first}`) : null;
  const items = lead ? rest : lines;
  return [lead ?? level3(n, `${title}：`), ...items.map((l, i) => level4(i + 1, sentence(l)))];
}

function deptParagraphs(d: WrittenDept, n: number): Paragraph[] {
  const out = [level2(n, d.name)];
  d.sections.forEach((lines, i) => out.push(...sectionParagraphs(i + 1, lines)));
  if (d.remark) out.push(bodyPara(`补充说明：${sentence(d.remark)}`));
  return out;
}

/** The .docx bytes; `only` limits the department part to that department (its copy). */
export async function writtenNoticeDocx(c: WrittenContent, meta: DocxMeta, only?: string): Promise<Buffer> {
  const depts = only ? c.departments.filter((d) => d.code === only) : c.departments;
  const body = [
    bodyPara(`现将${monthLabel(c.month)}各进驻部门（单位）督查情况通报如下：`),
    level1(1, '总体情况'),
    ...c.general.map(bodyPara),
    level1(2, '各进驻部门（单位）情况'),
    ...depts.flatMap((d, i) => deptParagraphs(d, i + 1)),
    level1(3, '有关要求'),
    // 000 督查通报 第五条(三) "通报情况及整改情况纳入年终考核".
    bodyPara('请各进驻部门（单位）对照通报问题认真整改，整改情况按期报送大厅管理室。通报情况及整改情况纳入年终考核。'),
  ];
  return officialDocx({
    no: meta.no,
    title: meta.title,
    mainTo: WRITTEN_MAIN_TO,
    body,
    date: meta.date,
    copyTo: WRITTEN_COPY_TO,
  });
}

/** Write under `<attachmentDir>/reports`; returns the path. File names on disk stay ASCII. */
export async function saveReport(dir: string, name: string, buf: Buffer): Promise<string> {
  const out = join(dir, 'reports');
  await mkdir(out, { recursive: true });
  const path = join(out, name);
  await writeFile(path, buf);
  return path;
}
