// The whole chat command list (commands.md): one literal table, one row per command; `帮助` is generated
// from it. Add a row here when you add a command file — never by decorators or directory scanning.
import type { CommandDef } from './define';
import { departmentView, personView, whoAmI, windowView } from './directory';
import { help, more } from './help';

export const COMMANDS: CommandDef[] = [
  // 常用
  help,
  more,
  whoAmI,
  // 目录 (DIR)
  personView,
  windowView,
  departmentView,
];
