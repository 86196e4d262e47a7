import { z } from 'zod';
import { def } from './define';

// 办件 lifecycle (CAS): OPEN #59, listed in docs/settings.md.
export const CASE_LIFECYCLE_SETTINGS = {
  'cases.pauseReasons': def({
    schema: z.array(z.string().min(2).max(8)).min(1).max(8),
    default: ['现场踏勘', '现场核查', '技术审查', '听证论证'],
    rules: ['CAS-12'],
    open: 59,
    description:
      '可中止办件时限的原因：002 运行规范 第十一条4 列举的4种；其他情形用延期（CAS-10）或补正（CAS-08），不得中止',
  }),
};
