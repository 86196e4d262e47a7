import { sendAppointmentDigest } from '../src/domain/consult/appointment-digest';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// CAS-17 (D137): today's 预约 to the departments at 08:00 — every day, since Saturday mornings and agreed 公休日
// are appointment days (002 运行规范 第七条; 000 窗口工作 四(四)). A day without appointments sends nothing.
export const appointmentDigest = defineJob({
  name: 'appointment-digest',
  cron: '0 8 * * *',
  workingDaysOnly: false,
  rules: ['CAS-17'],
  summary: '每天08:00把当日预约发到办理部门群；多部门或公休日预约同时发大厅管理室',
  recipients: '部门群 G-DEPT-<部门>；需协调的发大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  run: (deps, now) =>
    deps.db.tx(async (m) => ({
      appointments: await sendAppointmentDigest(jobCtx(deps, m, now, 'appointment-digest')),
    })),
});
