import type { WrittenContent } from './written-content';

// BRF-07: the markdown summary posted with the .docx (WeCom markdown: headings, bold, quotes; ≤ 2048 bytes per
// message — the outbox splits longer text on line boundaries). It is published to G-HALL, so it names departments
// by name and carries no internal words (D41).

export function writtenNoticeMarkdown(c: WrittenContent, no: string, title: string): string {
  const lines = [`## ${title}`, `> ${no}`, '', ...c.general.map((g) => `- ${g}`), '', '**各部门情况**'];
  for (const d of c.departments) {
    const problems = d.sections[0][0] === '无' ? '无问题' : d.sections[0][0].replace(/：$/, '');
    const others = d.sections.slice(1).filter((s) => !(s.length === 1 && s[0] === '无')).length;
    lines.push(`- ${d.name}：${problems}${others ? `；其他通报事项 ${others} 项` : ''}`);
  }
  lines.push('', '全文见附件（各部门收到本部门部分）。');
  return lines.join('\n');
}
