import { z } from 'zod';
import { def } from './define';

// 年度等次 and 评优 (PRF-13/15/16): OPEN #53 and the award list, listed in docs/settings.md.

const names = z.array(z.string().min(2).max(16)).min(1).max(20);

export const GRADES_AWARDS_SETTINGS = {
  'performance.gradeScale': def({
    schema: names,
    default: ['优秀', '称职', '基本称职', '不称职'],
    rules: ['PRF-15'],
    open: 53,
    description:
      '进驻人员年度考核等次（由高到低）；旗《服务窗口及工作人员考核管理办法》未提供，暂用004第二十三条的4个等次',
  }),
  'performance.awards': def({
    schema: names,
    default: ['党员示范岗', '红旗窗口', '微笑之星', '服务标兵', '石榴籽窗口', '年度优秀窗口', '年度先进个人'],
    rules: ['PRF-16'],
    description: '评优推荐可选的奖项（003 措施14；004 第二十二条）；评优 推荐 的 奖项= 须为其中之一',
  }),
} as const;
