import { describe, expect, it } from 'vitest';
import { maskFreeText, type KnownPerson } from '../../src/kernel/mask';

// D62 (REC-07, D18): what the respondent side and masked exports read of
// 事项 / 意见 / 说明. Each corpus line is text as staff really type it; `secrets` must not survive, `keep` must.

const WANG: KnownPerson = {
  complainantName: '王建国',
  complainantPhone: '13912345678',
  complainantAddress: '乌审旗嘎鲁图镇团结路12号',
};
const SECRET: KnownPerson = { ...WANG, confidential: true };

const CORPUS: [string, KnownPerson, string[], string[]][] = [
  ['群众王建国反映12号窗态度生硬', WANG, ['王建国'], ['12号窗', '态度生硬']],
  ['来电人13912345678称材料被退回三次', WANG, ['13912345678'], ['材料被退回三次']],
  ['请回电 139 1234 5678（王建国）', WANG, ['1234 5678', '王建国'], ['请回电']],
  ['联系电话139-1234-5678，下午方便', WANG, ['1234-5678'], ['下午方便']],
  ['住址：乌审旗嘎鲁图镇团结路12号，要求上门', WANG, ['团结路12号'], ['要求上门']],
  ['身份证152701199001011234办理社保时被拒', {}, ['152701199001011234', '19900101'], ['办理社保时被拒']],
  ['身份证号 152701 19900101 123X 未被受理', {}, ['19900101', '152701 '], ['未被受理', '1527**********123X']],
  ['身份证号 1527 0119 9001 0112 34，不动产登记', {}, ['0119 9001'], ['不动产登记']],
  ['通过0477-7218686投诉，窗口未一次性告知', {}, ['7218686'], ['窗口未一次性告知']],
  ['座机（0477）7218686无人接听', {}, ['7218686'], ['无人接听']],
  ['回拨 0477 7218686 或 04777218686', {}, ['7218686'], ['回拨']],
  ['办事人手机+86 138 0000 1111，姓李', {}, ['0000 1111', '00001111'], ['姓李']],
  ['8613800001111 来电要求答复', {}, ['13800001111'], ['来电要求答复']],
  ['其丈夫电话15034567890也来过', WANG, ['15034567890'], ['也来过']],
  ['2026年3月2日09:30到大厅，等候40分钟', {}, [], ['2026年3月2日09:30', '40分钟']],
  ['编号TS2026-0001，事项涉及GA 12号窗，金额3500元', {}, [], ['TS2026-0001', '3500元', '12号窗']],
  ['王建国称：工作人员说“明天再来”', SECRET, ['王建国', '王*'], ['明天再来']],
  ['投诉人13912345678要求保密', SECRET, ['13912345678', '139****5678'], ['要求保密']],
  ['投诉人住乌审旗嘎鲁图镇团结路12号，要求保密', SECRET, ['团结路', '嘎鲁图镇'], ['要求保密']],
  ['处理意见：向王建国当面道歉并电话回访139 1234 5678', WANG, ['王建国', '1234 5678'], ['当面道歉']],
  ['说明：王建国（身份证152701199001011234）重复投诉', WANG, ['王建国', '199001011234'], ['重复投诉']],
  ['邻居张三13600001234代为反映', WANG, ['13600001234'], ['代为反映']],
];

describe('maskFreeText corpus (REC-07, D18)', () => {
  it('the corpus has at least 20 realistic strings', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)('REC-07 %s', (text, who, secrets, keep) => {
    const out = maskFreeText(text, who);
    for (const s of secrets) expect(out, out).not.toContain(s);
    for (const k of keep) expect(out, out).toContain(k);
  });

  it('D18 masked, not removed, for an ordinary complaint: 王* and 139****5678', () => {
    expect(maskFreeText('王建国 13912345678', WANG)).toBe('王* 139****5678');
  });

  it('D18 a 保密 complainant leaves nothing, not even a masked form', () => {
    expect(maskFreeText('王建国 13912345678', SECRET)).toBe('[保密] [保密]');
  });
});
