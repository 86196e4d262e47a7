// 遗失物品 (000 遗失物品; the rulebook's §5 (docs/rules.md) LST-01…10): names shared by the desk's commands, jobs and ledger.

export const SUBJECT = 'lost_item';
export const PREFIX = 'SW';

/** Statuses of the 遗失物品登记表 (REC-09: closed ones are kept); the first two are still held at the desk. */
export const ST = {
  held: '在库',
  announced: '已公告',
  claimed: '已认领',
  destroyed: '已销毁',
  toStation: '已交派出所',
  toPolice: '已交公安',
  cancelled: '已注销',
} as const;
export const OPEN_STATUSES: string[] = [ST.held, ST.announced];

/** Form field 9 (类别): the chat words and what the form prints. */
export const CATEGORIES = ['一般', '易坏', '贵重'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABEL: Record<Category, string> = {
  一般: '一般',
  易坏: '易变坏食物或药品',
  贵重: '贵重物品',
};
const CATEGORY_ALIASES: Record<string, Category> = {
  一般: '一般',
  普通: '一般',
  易坏: '易坏',
  易变坏: '易坏',
  易变坏食物或药品: '易坏',
  食物: '易坏',
  药品: '易坏',
  贵重: '贵重',
  贵重物品: '贵重',
};
export function parseCategory(s: string): Category | undefined {
  return CATEGORY_ALIASES[s.trim()];
}

/** LST-05: "三天内无人认领需及时处理" (000 遗失物品 二(3)); the day type is OPEN #25. */
export const PERISHABLE_DAYS = 3;
/** LST-07: "公告之日起半年内无人认领的，移交公安机关" (000 遗失物品 一(三)): 6 calendar months (§0.3). */
export const TRANSFER_MONTHS = 6;

/** Form field 12 (处置方式) for each way an item leaves the desk. */
export const CLAIM_METHODS = ['本人', '委托', '邮寄'] as const;
export type ClaimMethod = (typeof CLAIM_METHODS)[number];
export const DISPOSAL_LABEL: Record<string, string> = {
  本人: '本人认领',
  委托: '委托代领',
  邮寄: '邮寄（失主付费）',
  销毁: '销毁',
  交派出所: '交派出所',
  交公安: '交公安机关',
};

/** The purpose of the attachment slot whose photo releases a claim (LST-08 "签字确认后，方可返还"). */
export const SIGNATURE = '认领人签字';
export const ITEM_PHOTO = '物品照片';
