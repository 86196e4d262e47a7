import type { Complaint } from '../../../entities/complaint';
import { maskFreeText } from '../../kernel/mask';

// Vocabulary of 投诉处理 (the rulebook's §2 (docs/rules.md) and the 投诉登记表, OPEN #14), in one place for commands, forms and ledgers.

export const SUBJECT = 'complaint';
/** Approval kind of the CMP-12 chain (src/domain/complaints/serious.ts). */
export const SERIOUS_KIND = 'complaint-serious';

/** 投诉方式 (form field 3, CMP-02; "导服转交" = a guide forwarded it, 导服 2(三)). */
export const CHANNELS = [
  '意见箱',
  '导引台"办不成事"受理点',
  '投诉登记本',
  '大厅管理室',
  '窗口',
  '12345',
  '0477-7218686',
  '蒙速办',
  '鄂尔多斯政务服务网',
  '好差评',
  '导服转交',
] as const;
/** Channels whose items carry a platform reply date (CMP-08; seed L247 "平台内投诉…按照平台要求按时完成"). */
export const PLATFORM_CHANNELS = ['12345', '蒙速办', '鄂尔多斯政务服务网', '好差评'];

export const CATEGORIES = ['服务态度', '服务质量', '服务效能', '廉洁自律', '其他'] as const;
export const NATURES = ['意见建议类', '一般', '情节较重、影响较大', '重大'] as const;
export const TYPES = ['投诉', '信访举报'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
/** Outcome of an investigated complaint (form field 23; 部分属实 per the form). */
export const VERDICTS = ['属实', '部分属实', '不实'] as const;
/** 终结 reasons — the four cases of 000 投诉处理 三(三)4 (seed L254), short codes for chat. */
export const END_REASONS: Record<string, string> = {
  复议诉讼: '申请仲裁、行政复议或向人民法院提起诉讼',
  自愿放弃: '投诉人自愿放弃投诉',
  拒不到场: '无故不出席协调会或拒绝联系配合',
  其他: '其他可以终结情形',
};

/**
 * States (the rulebook's §2 (docs/rules.md): 登记 → 调查 → 处理 → 落实 → 答复回访 → 归档; off-ramps 转介, 撤销, 终结).
 * 待补材料 = 重大 complaint waiting for its written material (CMP-03).
 */
export const ST = {
  needsMaterial: '待补材料',
  registered: '已登记',
  investigating: '调查中',
  approving: '审批中',
  referred: '转交中',
  suggestion: '意见办理',
  petition: '信访办理',
  toReply: '待答复',
  replied: '已答复',
  archived: '已归档',
  transferred: '已转介',
  withdrawn: '已撤销',
  ended: '已终结',
} as const;

/** States in which the handling is finished (no further handling command applies). */
export const CLOSED: string[] = [ST.archived, ST.transferred, ST.withdrawn, ST.ended];

/** Deadline kinds (src/calendar/deadlines.ts), one clock per obligation. */
export const DL = {
  implement: (dept: string) => `complaint:落实:${dept}`,
  reply: 'complaint:答复',
  petition: 'complaint:信访',
  suggestion: 'complaint:建议',
  platform: 'complaint:平台',
} as const;

/** What a deadline kind is for, in words (reminders, 口头通报 list). */
export function deadlineLabel(kind: string): string {
  if (kind.startsWith('complaint:落实:')) return `落实处理意见（${kind.slice('complaint:落实:'.length)}）`;
  if (kind === DL.reply) return '答复回访';
  if (kind === DL.petition) return '信访举报答复';
  if (kind === DL.suggestion) return '意见建议答复';
  if (kind === DL.platform) return '平台答复';
  return kind;
}

/** The department a deadline concerns: the 落实 department, else the complaint's respondent department. */
export function deadlineDepartment(kind: string, c: Pick<Complaint, 'departmentCode'> | null): string | null {
  if (kind.startsWith('complaint:落实:')) return kind.slice('complaint:落实:'.length);
  return c?.departmentCode ?? null;
}

/** The serious tier (CMP-12): 情节较重 referrals; 重大 matters are handled at the same tier (seed 三(三)3 "重大投诉事项"). */
export function isSeriousNature(nature: string): boolean {
  return nature === '情节较重、影响较大' || nature === '重大';
}

/**
 * Remove the complainant's name, phone and address — and any ID number, mobile or landline — from free text
 * written by the office (事项, 意见, 说明) before it goes to the respondent side, the monthly notices, a masked
 * export or a log (REC-01, REC-07, D18; a 保密 complainant leaves no trace, src/kernel/mask.ts maskFreeText).
 */
export function redact(
  text: string,
  c: Pick<Complaint, 'complainantName' | 'complainantPhone' | 'complainantAddress'> & { confidential?: boolean },
): string {
  return maskFreeText(text, c);
}

/** Short one-line summary of the matter for lists and cards, already redacted. */
export function summaryOf(c: Complaint, max = 40): string {
  const s = redact(c.matter, c).replace(/\s+/g, ' ');
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}
