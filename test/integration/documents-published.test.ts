import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { OutboxRow } from '../../entities/outbox';
import { startTestBot, type TestBot } from '../helpers/bot';
import { spOf } from '../helpers/windows';

// D41 over one real month: findings in February, a 口头通报 published to G-HALL, the 约谈记录, the BRF-09 notice to
// a 派驻部门 and the monthly 书面通报 (all and per department) as GB/T 9704-2012 .docx files, and a 停办 public
// notice. The files are parsed back (jszip); the 文号 is in the national form; nothing printed or published
// carries a rule ID, an OPEN number or a system word.

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const INTERNAL = /rule|OPEN|[A-Z]{2,4}-\d{2}/;
const STOP =
  '窗口=5 事由=社保系统升级 文号=鄂社保发〔2026〕8号 联系人=黄燕 联系电话=13900000020 预案=停办期间引导网上办理';

interface Docx {
  filename: string;
  target: string;
  parts: Record<string, string>;
}

/** Every .docx the bot sent, with its main XML parts. */
async function sentDocx(t: TestBot): Promise<Docx[]> {
  const rows = await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' }, order: { id: 'ASC' } });
  const out: Docx[] = [];
  for (const r of rows) {
    const file = r.body.file as { path: string; filename: string };
    const zip = await JSZip.loadAsync(await readFile(file.path));
    const parts: Record<string, string> = {};
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml'])
      parts[name] = await zip.file(name)!.async('string');
    for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)))
      parts[name] = await zip.file(name)!.async('string');
    out.push({ filename: file.filename, target: r.target, parts });
  }
  return out;
}

const textOf = (xml: string) => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
/** The paragraphs of a part as [style, text]. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => [
    /<w:pStyle w:val="([^"]+)"/.exec(m[1])?.[1] ?? '',
    textOf(m[1]),
    m[1],
  ]);
/** A paragraph style's run properties from styles.xml. */
function styleRun(styles: string, id: string): { font: string; size: number; color?: string } {
  const s = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
  return {
    font: /w:eastAsia="([^"]+)"/.exec(s)![1],
    size: Number(/<w:sz w:val="(\d+)"/.exec(s)![1]),
    color: /<w:color w:val="([0-9A-F]+)"/.exec(s)?.[1],
  };
}

describe('D41 printed and published documents', () => {
  let t: TestBot;
  let docs: Docx[] = [];
  let suspensionText = '';
  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-02-24', '10:00') });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台,后台,公共');
    await t.say('zhao', '巡查 发现 窗口=12 项=3 程度=典型 说明=空岗');
    await t.say('zhao', '巡查 发现 窗口=5 项=2 说明=未提醒群众评价');
    await t.say('zhao', '巡查 表扬 窗口=14 说明=主动延时服务');
    // the 口头通报 of Wed 02-25, published to G-HALL
    await t.runJob('oral-notice-draft', at('2026-02-25', '07:45'));
    const oral = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: '口头:2026-02-25' });
    t.setNow(at('2026-02-25', '08:00'));
    await t.click('liu', `approve:${oral.approvalNo}`);
    await t.runJob('oral-notice-publish', at('2026-02-25', '08:20'));
    // March: the batch drafts the 书面通报 and proposes GA for a 约谈 (典型 finding)
    await t.runJob('monthly-batch', at('2026-03-02', '09:00'));
    t.setNow(at('2026-03-03', '10:00'));
    await t.say(
      'zhao',
      '约谈 记录 GA 日期=3月3日 约谈人=@陈主任,@赵敏 意见=人员紧张，请求增派B岗 整改=落实AB岗，杜绝空岗 期限=3月20日',
    );
    const talkSp = /约谈记录 (SP\d{4}-\d{5}) 已送中心领导审定/.exec(t.lastTextTo('zhao'))![1];
    await t.click('chen', `approve:${talkSp}`);
    await t.say('zhao', '通报 派驻部门 WT1 说明=多次空岗整改不到位，影响恶劣');
    await t.click('chen', `approve:${/（(SP\d{4}-\d{5})）/.exec(t.lastTextTo('zhao'))![1]}`);
    t.setNow(at('2026-03-12', '10:00'));
    await t.say('zhao', '书面通报 送审');
    await t.click('sun', `approve:${/✅ (SP\d{4}-\d{5}) 已送审/.exec(t.lastTextTo('zhao'))![1]}`);
    // a 停办 filed ≥ 5 WD ahead, approved, and announced
    await t.say('huangyan', `停办 备案 ${STOP} 从=3月23日 到=3月23日 咨询=吴静 13900000021,周平 13900000022`);
    const tb = /✅ (TB\d{4}-SB-\d{3})/.exec(t.lastTextTo('huangyan'))![1];
    await t.click('zhao', `approve:${await spOf(t, tb)}`);
    await t.say('zhao', `停办 告知 ${tb}`);
    suspensionText = t.lastTextTo('zhao');
    docs = await sentDocx(t);
  }, 120_000);
  afterAll(async () => t.close());

  it('BRF-10 D41 every number is `督通〔2026〕N号`: no leading zeros, with 号; listed with the type', async () => {
    const numbered = (await t.bot.deps.db.manager.find(Notice, { order: { seq: 'ASC' } })).filter((n) => n.no);
    expect(numbered.map((n) => `${n.no}:${n.type}`)).toEqual([
      '督通〔2026〕1号:口头',
      '督通〔2026〕2号:约谈',
      '督通〔2026〕3号:其他',
      '督通〔2026〕4号:书面',
    ]);
    await t.say('zhao', '通报 列表');
    expect(t.lastTextTo('zhao')).toContain('督通〔2026〕4号 书面 3/12');
    expect((await t.groupTexts('G-HALL')).some((x) => x.startsWith('【口头通报 督通〔2026〕1号】'))).toBe(true);
    expect(docs.map((d) => d.filename)).toEqual(
      expect.arrayContaining([
        '督通〔2026〕2号（约谈）旗公安局约谈记录.docx',
        '督通〔2026〕4号（书面）2026年2月督查情况书面通报.docx',
      ]),
    );
  });

  it('BRF-10 D41 a number stored in the old form is shown in the new form and found by old, new and short forms', async () => {
    await t.bot.deps.db.manager.update(Notice, { no: '督通〔2026〕1号' }, { no: '督通〔2026〕001' });
    for (const typed of ['督通〔2026〕001', '督通〔2026〕1号', '督通1', '督通2026-001']) {
      await t.say('lisi', `通报 查看 ${typed}`);
      expect(t.lastTextTo('lisi'), typed).toMatch(/^督通〔2026〕1号（口头）｜/);
    }
    await t.say('zhao', '通报 列表');
    expect(t.lastTextTo('zhao')).toContain('督通〔2026〕1号 口头');
    expect(t.lastTextTo('zhao')).not.toContain('001');
  });

  it('BRF-07 D41 the 书面通报 is an A4 公文: margins 37/35/28/26 mm, 22 × 28 grid, red 版头 with 文号 and line', () => {
    const all = docs.find((d) => d.target === 'G-LEAD')!;
    const doc = all.parts['word/document.xml'];
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" /);
    expect(doc).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-8\d\d"\/>/);
    const ps = paragraphs(doc);
    expect(ps.slice(0, 4).map(([style, text]) => [style, text])).toEqual([
      ['GwMasthead', '乌审旗政务服务中心督查通报'],
      ['GwDocNo', '督通〔2026〕4号'],
      ['GwTitle', '2026年2月督查情况书面通报'],
      ['GwMainTo', '各进驻部门（单位）：'],
    ]);
    const styles = all.parts['word/styles.xml'];
    expect(styleRun(styles, 'GwMasthead')).toEqual({ font: '方正小标宋简体', size: 72, color: 'FF0000' });
    expect(styles).toMatch(/w:styleId="GwDocNo"[\s\S]*?<w:bottom w:val="single" w:color="FF0000"/);
    expect(styleRun(styles, 'GwTitle')).toMatchObject({ font: '方正小标宋简体', size: 44 }); // 2号
    expect(all.parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('BRF-07 D41 body levels: 一、黑体, （一）楷体, 1./（1）仿宋, all 3号; 落款 and 成文日期 2026年3月12日', () => {
    const all = docs.find((d) => d.target === 'G-LEAD')!;
    const styles = all.parts['word/styles.xml'];
    expect(styleRun(styles, 'GwBody')).toMatchObject({ font: '仿宋_GB2312', size: 32 });
    expect(styleRun(styles, 'GwLevel1')).toMatchObject({ font: '黑体', size: 32 });
    expect(styleRun(styles, 'GwLevel2')).toMatchObject({ font: '楷体_GB2312', size: 32 });
    expect(styleRun(styles, 'GwLevel3')).toMatchObject({ font: '仿宋_GB2312', size: 32 });
    const ps = paragraphs(all.parts['word/document.xml']).map(([style, text]) => [style, text]);
    expect(ps).toContainEqual(['GwLevel1', '一、总体情况']);
    expect(ps).toContainEqual(['GwLevel2', '（一）不动产登记中心']);
    expect(ps.find(([, text]) => text.includes('旗公安局'))![0]).toBe('GwLevel2');
    expect(ps.find(([, text]) => text.startsWith('1.服务窗口（含前后台）日常管理情况'))![0]).toBe('GwLevel3');
    expect(
      ps.some(([style, text]) => style === 'GwLevel3' && /^（1）WT2026-\d{4} 12号窗 在岗：空岗（典型）。$/.test(text)),
    ).toBe(true);
    const closing = ps.filter(([style]) => style === 'GwSigner' || style === 'GwDate');
    expect(closing).toEqual([
      ['GwSigner', '乌审旗政务服务中心'],
      ['GwDate', '2026年3月12日'],
    ]);
  });

  it('BRF-07 D41 page numbers “— N —” in 4号宋体, odd pages right and even pages left; 版记 at the foot of the last page', () => {
    const all = docs.find((d) => d.target === 'G-LEAD')!;
    expect(all.parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(all.parts).filter(([name]) => name.startsWith('word/footer'));
    expect(footers).toHaveLength(2);
    for (const [, xml] of footers) {
      expect(xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(textOf(xml)).toBe('— PAGE —'); // the PAGE field between the 一字线 (Word puts the digits there)
    }
    expect(footers.map(([, xml]) => /<w:jc w:val="(\w+)"/.exec(xml)![1]).sort()).toEqual(['left', 'right']);
    expect(styleRun(all.parts['word/styles.xml'], 'GwPageNo')).toMatchObject({ font: '宋体', size: 28 });
    const ps = paragraphs(all.parts['word/document.xml']);
    const [copy, printed] = ps.slice(-2);
    expect(copy.slice(0, 2)).toEqual(['GwRecord', '抄送：中心领导。']);
    expect(printed.slice(0, 2)).toEqual(['GwRecord', '乌审旗政务服务中心大厅管理室\t2026年3月12日印发']);
    for (const p of [copy, printed]) expect(p[2]).toMatch(/<w:framePr [^>]*w:vAnchor="margin"[^>]*w:yAlign="bottom"/);
    expect(printed[2]).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/); // 末条分隔线 粗线
    expect(printed[2]).toMatch(/<w:tab w:val="right" w:pos="8565"\/>[\s\S]*<w:tab\/>/); // 印发日期 右空一字
    expect(styleRun(all.parts['word/styles.xml'], 'GwRecord')).toMatchObject({ font: '仿宋_GB2312', size: 28 });
  });

  it('BRF-01 D41 a department copy is the same frame with the general part and its own section only', () => {
    const ga = docs.find((d) => d.target === 'G-DEPT-GA')!;
    const all = docs.find((d) => d.target === 'G-LEAD')!;
    const ps = paragraphs(ga.parts['word/document.xml']).map(([style, text]) => [style, text]);
    expect(ps.slice(0, 4)).toEqual(
      paragraphs(all.parts['word/document.xml'])
        .slice(0, 4)
        .map(([style, text]) => [style, text]),
    );
    expect(ps.filter(([style]) => style === 'GwLevel2').map(([, text]) => text)).toEqual(['（一）旗公安局']);
    expect(ps).toContainEqual(['GwLevel1', '一、总体情况']);
    expect(ps.at(-1)).toEqual(['GwRecord', '乌审旗政务服务中心大厅管理室\t2026年3月12日印发']);
  });

  it('BRF-06 BRF-09 D41 the 约谈记录 and the 派驻部门 notice use the same frame', () => {
    const talk = docs.find((d) => d.filename.includes('约谈记录'))!;
    const ext = docs.find((d) => d.filename.includes('（其他）'))!;
    const head = (d: Docx) =>
      paragraphs(d.parts['word/document.xml'])
        .slice(0, 4)
        .map(([style, text]) => [style, text]);
    expect(head(talk)).toEqual([
      ['GwMasthead', '乌审旗政务服务中心督查通报'],
      ['GwDocNo', '督通〔2026〕2号'],
      ['GwTitle', '关于约谈旗公安局首席代表的记录'],
      ['GwMainTo', '旗公安局：'],
    ]);
    expect(head(ext).slice(1, 3)).toEqual([
      ['GwDocNo', '督通〔2026〕3号'],
      ['GwTitle', '关于旗公安局窗口有关问题的通报'],
    ]);
    expect(textOf(talk.parts['word/document.xml'])).toContain('请于2026年3月20日前完成整改');
    expect(textOf(ext.parts['word/document.xml'])).toContain('抄送：纪检监察组。');
    for (const d of [talk, ext])
      expect(Object.keys(d.parts).filter((n) => n.startsWith('word/footer'))).toHaveLength(2);
  });

  it('D41 no rule ID, OPEN number or system word in any printed document or published text', async () => {
    expect(docs.map((d) => /（(.+?)）/.exec(d.filename)![1]).sort()).toEqual([
      ...Array<string>(7).fill('书面'), // all + 6 departments
      '其他', // 派驻部门通报
      '约谈',
    ]);
    for (const d of docs)
      for (const [name, xml] of Object.entries(d.parts))
        if (name === 'word/document.xml' || name.startsWith('word/footer'))
          expect(textOf(xml), `${d.filename} ${name}`).not.toMatch(INTERNAL);
    const hall = await t.groupTexts('G-HALL');
    expect(hall.some((x) => x.startsWith('【口头通报'))).toBe(true);
    expect(hall.some((x) => x.startsWith('## 2026年2月督查情况书面通报'))).toBe(true);
    for (const x of hall) expect(x).not.toMatch(INTERNAL);
    expect(hall.find((x) => x.startsWith('【口头通报'))).toContain('12号窗：空岗（在岗，典型），请整改。');
    expect(suspensionText).toMatch(/^【业务临时停办公告】/);
    expect(suspensionText).toContain('办理的相关业务于2026年3月23日临时停办。'); // one day, named once
    expect(suspensionText).not.toMatch(INTERNAL);
  });
});
