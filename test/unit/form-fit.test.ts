import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/form-docx';
import { formDocx, type FormCopy } from '../../src/reports/form-docx';
import { LABEL_WIDTH, LAYOUTS, PAGE_BODY, copyHeight, fitForm, wrappedLines } from '../../src/reports/form-fit';
import { TYPE_WIDTH } from '../../src/reports/official-style';

// D219: the one-page estimate of printed forms (REC-08) and the renderer stepping its sizes down by it.

const KEEPERS = ['第一联　进驻部门（单位）存档', '第二联　旗政务服务中心大厅管理室存档'];
const NOTE = '注：此表一式两份，进驻部门（单位）、旗政务服务中心大厅管理室各存档一份。';

/** The seed's 附件2 rows (000 调整管理) with the values a department really writes, `extra` times the 事由. */
function closure(reasonRepeats: number): FormCopy {
  const reason = '窗口工作人员参加自治区政务服务标准化业务培训，无顶岗人员，'.repeat(reasonRepeats);
  return {
    title: '旗政务服务中心窗口临时关闭（重启）申请表',
    no: 'GB2026-GA-001',
    rows: [
      { label: '部门（单位）名称', value: '旗公安局' },
      { label: '事由（需提供证明材料或文件）', value: `${reason}\n证明材料：乌审旗人社局培训通知` },
      { label: '窗口位置编号', value: '12号窗、13号窗（共2个）' },
      { group: '时间段', label: '临时关闭', value: '2026年3月5日至2026年3月6日' },
      { group: '时间段', label: '重启', value: '' },
      { group: '时间段', label: '固定时间、季节重启', value: '' },
      {
        label: '保障措施（包括联络人及联络电话、业务咨询人员及咨询电话、宣传告知、业务高峰应对措施等情况）',
        value:
          '联络人：王五　联络电话：13900000012\n业务咨询人员：李四　咨询电话：0477-1234567\n宣传告知：公众号、窗口电子屏已发布关闭公告\n业务高峰应对措施：同类窗口延时服务，必要时从派驻单位抽调人员',
      },
      { label: '申请部门（单位）意见（分管领导或首席代表签字）', value: '同意\n签字：王五　2026年3月3日 09:30' },
      { label: '旗政务服务中心大厅管理室意见', value: '同意\n签字：赵敏　2026年3月3日 10:15\n意见：证明材料齐全' },
      { label: '旗政务服务中心有关负责人签字', value: '同意\n签字：陈主任　2026年3月3日 11:40' },
    ],
    note: NOTE,
    copies: KEEPERS,
  };
}

describe('form one-page estimate (D219, REC-08)', () => {
  it('counts wrapped lines by width: CJK one em, ASCII half, every paragraph at least one line', () => {
    const width = 240 * 10; // ten 12 pt characters
    expect(wrappedLines('', width, 24)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十', width, 24)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一', width, 24)).toBe(2);
    expect(wrappedLines('13900000012 0477', width, 24)).toBe(1); // 16 half-width characters = 8 em
    expect(wrappedLines('一\n二\n\n三', width, 24)).toBe(4);
  });

  it('REC-08 the 附件2 with realistic values is one page at the first sizes (小四 cells)', () => {
    const f = closure(1);
    expect(fitForm(f)).toEqual({ layout: LAYOUTS[0], pages: 1 });
    expect(copyHeight(f, LAYOUTS[0])).toBeLessThanOrEqual(PAGE_BODY);
  });

  it('a long 事由 that would overflow at 小四 steps the sizes down, and the document is rendered at them', async () => {
    const f = closure(9);
    expect(copyHeight(f, LAYOUTS[0])).toBeGreaterThan(PAGE_BODY);
    const { layout, pages } = fitForm(f);
    expect(pages).toBe(1);
    expect(layout).not.toBe(LAYOUTS[0]);
    const printed = await readDocx(await formDocx(f));
    expect(printed.cellSizes).toEqual([layout.body]);
    expect(printed.cells).toContain('旗公安局');
  });

  it('a form too long for one page even at 小五 prints at the smallest sizes over the pages it needs', () => {
    const f = closure(40);
    const { layout, pages } = fitForm(f);
    expect(layout).toBe(LAYOUTS[LAYOUTS.length - 1]);
    expect(pages).toBeGreaterThan(1);
  });

  it('a cell is as tall as its longer side: a long label in the narrow column counts too', () => {
    const label = '很长的标签'.repeat(12);
    const short = { title: 'T', note: '', rows: [{ label: '短', value: '短' }] };
    const tall = { title: 'T', note: '', rows: [{ label, value: '短' }] };
    expect(copyHeight(tall, LAYOUTS[0])).toBeGreaterThan(copyHeight(short, LAYOUTS[0]));
    expect(LABEL_WIDTH).toBeLessThan(TYPE_WIDTH);
  });
});
