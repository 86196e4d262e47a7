// The whole chat command list (commands.md): one literal table, one row per command; `帮助` is generated
// from it. Add a row here when you add a command file — never by decorators or directory scanning.
import type { CommandDef } from './define';

export const COMMANDS: CommandDef[] = [
];
