import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from './db';
import { changedRows, formatDiff } from './directory/diff';
import { exportDirectory, writeDirectoryXlsx } from './directory/export';
import { ensureGroupChats, syncGroupMembers } from './directory/groups';
import { importDirectory } from './directory/import';
import { readDirectoryFiles } from './directory/read';
import type { WecomPort } from './wecom/port';
import { systemClock, type Clock } from './kernel/time';

// `npm run cli -- directory import <file…> [--dry-run]` and `directory export <file.json|xlsx>`
// (D32: adds and updates, never deletes). Prints the diff or every row error; returns the exit code.

export const DIRECTORY_USAGE = `用法:
  directory import <文件…> [--dry-run]   导入部门/窗口/人员/群（.json / .csv / .xlsx，可多个文件）
  directory export <文件.json|文件.xlsx>  导出目录（与导入格式相同）
CSV：每个文件一张表——文件名为 部门/窗口/人员/群.csv（或 departments/windows/people/groups.csv），
     或第一列为该表的键（代码/窗口号/账号/群键），或加一列“表”写明每行属于哪张表（一个文件放全部四张表）。
XLSX：工作表名 部门/窗口/人员/群。表头中文或英文均可；列表单元格（角色、标记、设备）用 、或逗号分隔。
空白单元格 = 保留原值；“-” = 清空。任何一行有误则全部不写入。`;

export interface DirectoryCliDeps {
  db: Db;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Where lines go (console.log by default). */
  out?: (line: string) => void;
  err?: (line: string) => void;
  clock?: Clock;
}

/**
 * `args` without the leading `directory` (a leading `directory` is accepted too). Returns 0 on success, 1 when
 * the file is invalid or the command is unknown; never exits the process.
 */
export async function runDirectoryCli(
  argsIn: string[],
  deps: DirectoryCliDeps,
  wecom?: Pick<WecomPort, 'getAppChat' | 'createAppChat'> & Partial<Pick<WecomPort, 'updateAppChat'>>,
): Promise<number> {
  const out = deps.out ?? ((l: string) => console.log(l));
  const err = deps.err ?? ((l: string) => console.error(l));
  const now = (deps.clock ?? systemClock).now();
  const args = argsIn[0] === 'directory' ? argsIn.slice(1) : argsIn;
  const [sub, ...rest] = args.filter((a): a is string => a !== undefined);
  const dryRun = rest.includes('--dry-run');
  const files = rest.filter((a) => !a.startsWith('--'));

  if (sub === 'import' && files.length > 0) {
    const raw = await readDirectoryFiles(files);
    const result = await importDirectory(deps.db, now, 'cli', raw, { dryRun });
    if (!result.ok) {
      err(`目录有 ${result.errors.length} 处错误，未写入任何数据：`);
      result.errors.forEach((e) => err(`  ${e}`));
      return 1;
    }
    formatDiff(result.diff).forEach(out);
    if (dryRun) {
      out(`（--dry-run：未写入。共 ${changedRows(result.diff)} 行将变更）`);
      return 0;
    }
    out(changedRows(result.diff) ? `✅ 已导入：${changedRows(result.diff)} 行变更` : '目录无变化，未写入。');
    if (wecom) {
      const chats = await ensureGroupChats(deps.db, wecom, deps.log, now);
      if (chats.created.length) out(`已在企业微信建群：${chats.created.join('、')}`);
      if (chats.skipped.length) out(`成员不足2人未建群（私信送达，D11）：${chats.skipped.join('、')}`);
      for (const f of chats.failed) err(`建群失败 ${f.key}：${f.error}`);
      const synced = wecom.updateAppChat
        ? await syncGroupMembers(
            deps.db,
            { getAppChat: wecom.getAppChat.bind(wecom), updateAppChat: wecom.updateAppChat.bind(wecom) },
            deps.log,
            now,
          )
        : { updated: [], failed: [] };
      for (const u of synced.updated) out(`群成员已同步 ${u.key}：+${u.added.length} −${u.removed.length}`);
      for (const f of synced.failed) err(`群成员同步失败 ${f.key}：${f.error}`);
    }
    return 0;
  }

  if (sub === 'export' && files.length === 1) {
    const data = await exportDirectory(deps.db);
    const file = files[0];
    const ext = extname(file).toLowerCase();
    if (ext === '.xlsx') await writeDirectoryXlsx(data, file);
    else if (ext === '.json') await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
    else {
      err('导出文件须为 .json 或 .xlsx');
      return 1;
    }
    out(
      `✅ 已导出 ${file}：部门 ${data.departments.length}，窗口 ${data.windows.length}，人员 ${data.people.length}，群 ${data.groups.length}`,
    );
    return 0;
  }

  err(DIRECTORY_USAGE);
  return 1;
}
