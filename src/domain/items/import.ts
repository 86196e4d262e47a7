import { type EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { Department } from '../../../entities/department';
import { ServiceItem } from '../../../entities/item';
import { insertRows } from '../../db';
import type { ImportKind } from '../../kernel/import-kind';
import { getSetting } from '../../settings/settings';
import { yes } from './model';

// `导入 事项` / `npm run cli -- import items <file>` (D94): the center's item list (清单式管理, ITM-01) with the ten
// published elements (ITM-05), limits (ITM-06) and flags (ITM-08/09), upserted by 事项编码 — a re-import of
// the same file writes nothing. HARD: a 涉密 row refuses the whole file (ITM-01, REC-05: such items are never
// stored, so nothing of the file is; D120); 承诺 > 法定 refuses it too (ITM-06, OPEN #40).

const limit = z.string().transform((s, c) => {
  if (!s) return null;
  const m = /^(\d{1,3})\s*(WD|个工作日|工作日|天)?$/i.exec(s);
  if (!m) {
    c.addIssue({ code: 'custom', message: `“${s}”应为工作日数（如 20）` });
    return z.NEVER;
  }
  return Number(m[1]);
});
const flag = z.string().transform((s, c) => {
  if (!s) return false;
  const b = yes(s);
  if (b === undefined) {
    c.addIssue({ code: 'custom', message: `“${s}”应为 是 或 否` });
    return z.NEVER;
  }
  return b;
});
const opt = (n: number) => z.string().transform((s) => (s ? s.slice(0, n) : null));
const list = z.string().transform((s) =>
  s
    ? s
        .split(/[、;；\n]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : null,
);

const itemRow = z.object({
  code: z.string().min(1, '不能为空').max(64, '过长'),
  name: z.string().min(1, '不能为空').max(128, '过长'),
  department: z.string().min(1, '不能为空'),
  legal: limit,
  promised: limit,
  limitBasis: opt(2000),
  instant: flag,
  zongchuang: flag,
  online: flag,
  secret: flag,
  basis: opt(4000),
  conditions: opt(4000),
  materials: list,
  process: opt(4000),
  place: opt(128),
  hours: opt(64),
  consultPhone: opt(32),
  supervisePhone: opt(32),
  window: opt(16),
  fees: opt(2000),
  approvers: list,
});
export type ItemRowData = z.output<typeof itemRow>;

const col = (key: keyof ItemRowData, headers: string[], required = false) => ({ key, headers, required });

/** The catalogue's values for one row (department already resolved to its code). */
function values(d: ItemRowData, departmentCode: string) {
  return {
    name: d.name,
    departmentCode,
    basis: d.basis,
    conditions: d.conditions,
    materials: d.materials,
    process: d.process,
    legalLimitWd: d.legal,
    promisedLimitWd: d.promised,
    limitBasis: d.limitBasis,
    place: d.place,
    hours: d.hours,
    consultPhone: d.consultPhone,
    supervisePhone: d.supervisePhone,
    windowNumber: d.window,
    fees: d.fees,
    instant: d.instant,
    inZongchuang: d.zongchuang,
    fullyOnline: d.online,
    approvers: d.approvers,
  };
}

async function departmentCodes(m: EntityManager): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const d of await m.find(Department)) {
    map.set(d.code.toUpperCase(), d.code);
    map.set(d.name, d.code);
  }
  return map;
}

export const itemImportKind: ImportKind<ItemRowData> = {
  name: 'items',
  label: '事项',
  columns: [
    col('code', ['事项编码', '编码', 'code'], true),
    col('name', ['事项名称', '政务服务事项', '名称', 'name'], true),
    col('department', ['实施部门', '部门', 'department'], true),
    col('legal', ['法定时限', '法定办结时限', 'legal limit']),
    col('promised', ['承诺时限', '承诺办结时限', 'promised limit']),
    col('limitBasis', ['时限依据']),
    col('instant', ['即办', '即办件', 'instant']),
    col('zongchuang', ['综窗', '综合一窗', 'zongchuang']),
    col('online', ['全程网办', '网办', 'online']),
    col('secret', ['涉密', '涉密敏感', 'secret']),
    col('basis', ['设定依据', 'basis']),
    col('conditions', ['受理条件', 'conditions']),
    col('materials', ['申请材料', 'materials']),
    col('process', ['办理流程', 'process']),
    col('place', ['办理地点', 'place']),
    col('hours', ['办理时间', 'hours']),
    col('consultPhone', ['咨询电话', 'consult phone']),
    col('supervisePhone', ['监督电话', 'supervise phone']),
    col('window', ['窗口', '办理窗口', 'window']),
    col('fees', ['收费标准', 'fees']),
    col('approvers', ['审批人员', 'approvers']),
  ],
  row: itemRow,
  async check(m, rows) {
    const problems: string[] = [];
    const depts = await departmentCodes(m);
    const within = await getSetting(m, 'item.promisedWithinLegal');
    const seen = new Map<string, string>();
    for (const { at, data: d } of rows) {
      if (d.secret) {
        problems.push(
          `${at}：❌ 不符合规定（rule ITM-01；000 事项动态 第一条）：涉密、敏感事项不进驻中心，不得录入事项清单（rule REC-05），请删去该行`,
        );
        continue;
      }
      if (!depts.has(d.department.toUpperCase()) && !depts.has(d.department))
        problems.push(`${at}：实施部门“${d.department}”不在部门名录中`);
      if (within && d.legal !== null && d.promised !== null && d.promised > d.legal)
        problems.push(
          `${at}：❌ 不符合规定（rule ITM-06；000 限时办结 第四、五条）：承诺时限（${d.promised}）不得超过法定时限（${d.legal}个工作日）`,
        );
      const first = seen.get(d.code);
      if (first) problems.push(`${at}：事项编码 ${d.code} 与 ${first} 重复`);
      else seen.set(d.code, at);
    }
    return problems;
  },
  async write(ctx, rows) {
    const depts = await departmentCodes(ctx.m);
    const existing = new Map(
      (await ctx.m.find(ServiceItem, { where: { code: In(rows.map((r) => r.data.code)) } })).map((i) => [i.code, i]),
    );
    let written = 0;
    let unchanged = 0;
    for (const { data } of rows) {
      const v = values(data, depts.get(data.department.toUpperCase()) ?? depts.get(data.department)!);
      const old = existing.get(data.code);
      if (old) {
        const changed = (Object.keys(v) as (keyof typeof v)[]).filter(
          (k) => JSON.stringify(old[k] ?? null) !== JSON.stringify(v[k] ?? null),
        );
        if (changed.length === 0) {
          unchanged++;
          continue;
        }
        await ctx.m.update(ServiceItem, { id: old.id }, { ...v, updatedAt: ctx.now, updatedBy: ctx.actor.userid });
        await ctx.audit('item.import.update', 'item', data.code, { changed });
      } else {
        await insertRows(ctx.m, ServiceItem, {
          code: data.code,
          ...v,
          status: '在用',
          createdAt: ctx.now,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.userid,
        });
        await ctx.audit('item.import.add', 'item', data.code, {});
      }
      written++;
    }
    const noLimit = rows.filter((r) => !r.data.instant && r.data.promised === null).length;
    return {
      written,
      unchanged,
      lines: noLimit
        ? [`⚠️ ${noLimit}个事项未设承诺时限，不能受理计时（rule ITM-05）：事项 设置 <编码> 承诺时限=…`]
        : [],
    };
  },
};
