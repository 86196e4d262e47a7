import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';
import { redactTransportCopies } from '../src/retention';

// [security] retention: inbox payloads and outbox bodies older than `retention.transportDays` (default 30) are
// redacted, dedupe keys kept; expired H5 drafts deleted. The records themselves are kept (REC-10 is OPEN).
export const transportRetention = defineJob({
  name: 'transport-retention',
  cron: '30 3 * * *',
  workingDaysOnly: false,
  rules: ['REC-10'],
  summary: '清除超过保留期的收发传输副本（入站消息内容、出站消息正文），保留去重键；删除过期表单草稿',
  recipients: '无消息（清除过期的传输副本，写审计记录）',
  periodKey: (now) => localDate(now),
  run: async (deps, now) => ({
    ...(await deps.db.tx((m) => redactTransportCopies(jobCtx(deps, m, now, 'transport-retention')))),
  }),
});
