import { Finding } from '../../../entities/finding';
import type { Inspection } from '../../../entities/inspection';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import type { PrintForm } from '../../kernel/record-kind';
import { localTime } from '../../kernel/time';
import { fullCnDate } from '../../reports/official-doc';
import { CHECK_ITEMS } from '../inspections/rules';
import { deptName } from './window-forms';

// The printed 巡查记录 (REC-08). 000 巡查 四(二) requires that every round be recorded accurately but gives no form:
// the rows are what INS-06 names of a round (时间, 类型, 人员, 方式, 区域, 发现的问题及处理, 表现突出), and the
// record is 大厅管理室's own, so it prints once, kept there, with a row for the inspectors to sign (D217).

const AREA_NAMES: Record<string, string> = { 前台: '前台受理区', 后台: '后台审批区', 公共: '公共区域' };

function areaText(x: Inspection): string {
  const areas = (x.area ?? '')
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((a) => AREA_NAMES[a] ?? a);
  const floor = x.floor ? `${x.floor}楼` : '';
  return [floor, areas.join('、')].filter(Boolean).join(' ');
}

async function typeText(ctx: Ctx, x: Inspection): Promise<string> {
  const combined = x.type === '领导' && x.joint ? '领导巡查（结合联合巡查）' : `${x.type}巡查`;
  return x.departmentCode ? `${combined}（${await deptName(ctx, x.departmentCode)}）` : combined;
}

/** One finding as a line: number, window, person, check item, severity, what was seen, what was done, where it stands. */
async function findingLine(ctx: Ctx, f: Finding): Promise<string> {
  const who = [
    f.windowNumber ? `${f.windowNumber}号窗` : '',
    f.staffUserid ? await personName(ctx.m, f.staffUserid) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const item = f.item ? `第${f.item}项（${CHECK_ITEMS[f.item]}）` : '';
  const head = [f.no, localTime(f.at), who, item, f.severity ?? ''].filter(Boolean).join(' ');
  const action = f.action ? `；当场处理：${f.action}` : '';
  return `${head}：${f.description}${action}（${f.status}）`;
}

export const inspectionPrintForm: PrintForm = {
  title: '旗政务服务中心巡查记录',
  async rows(ctx, rec) {
    const x = rec.row as unknown as Inspection;
    const found = await ctx.m.find(Finding, { where: { inspectionNo: x.no }, order: { at: 'ASC', id: 'ASC' } });
    const problems = await Promise.all(found.filter((f) => !f.positive).map((f) => findingLine(ctx, f)));
    const praise = await Promise.all(found.filter((f) => f.positive).map((f) => findingLine(ctx, f)));
    const end = x.endedAt ? `至${localTime(x.endedAt)}` : '（未结束）';
    return [
      { label: '巡查时间', value: `${fullCnDate(x.date)} ${localTime(x.startedAt)}${end}` },
      { label: '巡查类型', value: await typeText(ctx, x) },
      { label: '巡查方式', value: x.method ?? '现场巡查' },
      { label: '带队领导', value: x.leaderUserid ? await personName(ctx.m, x.leaderUserid) : '' },
      { label: '参加人员', value: x.participants.map((p) => p.name).join('、') },
      { label: '巡查区域', value: areaText(x) },
      { label: '发现的问题及处理情况', value: problems.length ? problems.join('\n') : '未发现问题' },
      { label: '表现突出', value: praise.join('\n') },
      { label: '备注', value: x.note ?? '' },
      { label: '记录人', value: await personName(ctx.m, x.createdBy) },
    ];
  },
  // No approval: the inspectors sign the paper copy themselves (000 巡查 四(一) 客观公正、实事求是).
  signatures: [{ label: '巡查人员签字', steps: [] }],
  note: '',
  copies: ['旗政务服务中心大厅管理室存档'],
};
