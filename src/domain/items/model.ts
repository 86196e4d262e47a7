import type { EntityManager } from 'typeorm';
import { Like } from 'typeorm';
import { ServiceItem } from '../../../entities/item';
import { editDistance } from '../../kernel/match';
import { UserError } from '../../kernel/errors';

// 事项动态管理 (000 事项动态; ITM-01…10): shared names and look-ups of the item catalogue and its SX tasks.

export const SX_PREFIX = 'SX';
export const SX_SUBJECT = 'item_change';
export const CHANGE_KIND = 'item-change';
/** The clock of the list update the bureau owes after 中心初审 (ITM-04, OPEN #39). */
export const UPDATE_CLOCK = 'item:更新';
export const CHANGE_TYPES = ['新增', '取消', '变更'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const GUIDE_KINDS = ['审查要点', '办事指南', '答疑手册'] as const;
export const GUIDE_FILE = '要点文件';

/** ITM-02 (000 事项动态 第二条 (一)–(六)): the six triggers of a change, by their number. */
export const REASONS: Record<number, string> = {
  1: '法律法规规章及规范性文件新颁、修订、废止或失效',
  2: '下放管理层级（原旗级部门…由旗县级部门实施）',
  3: '下沉苏木乡镇实施',
  4: '机构改革调整实施部门',
  5: '“一网通办”办事指南修订',
  6: '其他',
};

/** SX statuses. */
export const SX = {
  review: '初审中',
  due: '待更新',
  done: '已更新',
  rejected: '已驳回',
  withdrawn: '已撤回',
} as const;

/** ITM-01 / REC-05: the refusal for a 涉密/敏感 item (never stored, not even its name). */
export function secretRefusal(where: string): UserError {
  return new UserError(
    `❌ 不符合规定（rule ITM-01；000 事项动态 第一条）：涉密、敏感事项不进驻中心，不得录入事项清单（rule REC-05）${where}，未保存。`,
  );
}

/** 是/否 typed in chat or a file cell (是, Y, 1, true …). */
export function yes(v: string | undefined): boolean | undefined {
  const s = (v ?? '').trim().toLowerCase();
  if (!s) return undefined;
  if (['是', 'y', 'yes', '1', 'true', '√', '✓'].includes(s)) return true;
  if (['否', 'n', 'no', '0', 'false', '×'].includes(s)) return false;
  return undefined;
}

/** An item by its 编码 (exact) or 名称 (exact, then unique partial); refusal names the nearest matches. */
export async function findItem(m: EntityManager, ref: string): Promise<ServiceItem> {
  const s = ref.trim();
  const exact =
    (await m.findOne(ServiceItem, { where: { code: s } })) ?? (await m.findOne(ServiceItem, { where: { name: s } }));
  if (exact) return exact;
  const partial = await m.find(ServiceItem, { where: { name: Like(`%${s}%`) }, take: 4 });
  if (partial.length === 1) return partial[0];
  const options = partial.length
    ? partial
    : (await m.find(ServiceItem, { select: { code: true, name: true } }))
        .map((i) => ({ i, d: Math.min(editDistance(s, i.code), editDistance(s, i.name)) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3)
        .map((x) => x.i);
  const hint = options.length ? `你是不是要：${options.map((i) => `${i.name}（${i.code}）`).join(' / ')}` : '';
  throw new UserError(
    partial.length > 1
      ? `“${s}”对应多个事项，请用编码。${hint}`
      : `没有事项“${s}”。${hint || '发送“事项 报表”查看清单概况。'}`,
  );
}

/** ITM-06 (OPEN #40): 承诺时限 must not exceed 法定时限; the refusal quotes the legal limit. */
export function limitRefusal(legal: number): UserError {
  return new UserError(
    `❌ 不符合规定（rule ITM-06；000 限时办结 第四、五条）：承诺时限不得超过法定时限（${legal}个工作日）。`,
  );
}

/** `5WD` / `即办` / `未设` for one limit. */
export const wd = (n: number | null): string => (n === null ? '未设' : `${n}WD`);
