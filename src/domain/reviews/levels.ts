// REV-01/02: the 好差评 system's five levels; the last two are 差评 and enter the complaint triage (REV-02).
export const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type Level = (typeof LEVELS)[number];
export const BAD_LEVELS: readonly string[] = ['不满意', '非常不满意'];
export const isBad = (level: string) => BAD_LEVELS.includes(level);
