import { z } from 'zod';
import { def } from './define';

// Staffing (STF, DIR-07/08/14/15): OPEN proposals and thresholds, listed in docs/settings.md.
export const STAFFING_SETTINGS = {
  'staffing.identities': def({
    schema: z.array(z.string().trim().min(1).max(16)).min(1).max(12),
    default: ['公务员', '参公', '事业编制', '聘用', '劳务派遣', '服务外包'],
    rules: ['DIR-08'],
    open: 31,
    description: '入岗审批表“人员身份”的可选值（附件3第10行未列举，按本表校验）',
  }),
  'staffing.unifiedRatioMin': def({
    schema: z.number().int().min(1).max(100),
    default: 80,
    rules: ['DIR-14'],
    open: 9,
    description: '无差别综合窗口设置比例下限（%）；比例 = 无差别综合窗口 ÷（无差别 + 分领域综合窗口）',
  }),
};
