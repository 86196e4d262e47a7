// The whole chat command list (commands.md): one literal table, one row per command; `帮助` is generated
// from it. Add a row here when you add a command file — never by decorators or directory scanning.
import { calendarConfirm, calendarImport, calendarQuery, calendarSet, calendarView } from './calendar';
import { approvalView, approvalWithdraw, approve, delegate, todo } from './approvals';
import { chiefReplace, chiefSet, groupBind, groupList, personMove, roleGrant, roleRevoke } from './admin-directory';
import type { CommandDef } from './define';
import { registerCommands } from './registry';
import { departmentView, personView, whoAmI, windowView } from './directory';
import { exportLedger } from './exports';
import { formCommand } from './forms';
import { help, more } from './help';
import { awardCancel, deductionList, deductionRecord } from './performance';
import { referralRecord } from './referrals';
import { settingsChange, settingsList, settingsView } from './settings';

export const COMMANDS: CommandDef[] = [
  // 常用
  help,
  more,
  whoAmI,
  formCommand,
  exportLedger,
  // 目录 (DIR)
  personView,
  windowView,
  departmentView,
  chiefSet,
  chiefReplace,
  personMove,
  // 审批 (approval engine, D1)
  todo,
  approvalWithdraw,
  approvalView,
  approve,
  delegate,
  // 日历 (DIR-13)
  calendarQuery,
  calendarView,
  calendarSet,
  calendarConfirm,
  calendarImport,
  // 绩效 (PRF-14, PRF-17)
  deductionRecord,
  deductionList,
  awardCancel,
  referralRecord,
  // 设置 (issue [approvals] §4)
  settingsList,
  settingsView,
  settingsChange,
  roleGrant,
  roleRevoke,
  groupList,
  groupBind,
];

// An undefined row means a command file imported this table (an import cycle): fail at start, not at the first message.
const missing = COMMANDS.findIndex((c) => !c);
if (missing >= 0) throw new Error(`commands/index.ts row ${missing} is undefined — a command file must not import commands/index.ts`);
registerCommands(COMMANDS);
