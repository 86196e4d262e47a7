import type { CommandDef } from '../src/kernel/command';

// The few commands that need the whole table (帮助, 表单, the D2 reject-reason interceptor) read it from here,
// so no command file imports commands/index.ts (that import cycle would leave table rows undefined).
let table: readonly CommandDef[] = [];

export function registerCommands(commands: readonly CommandDef[]): void {
  table = commands;
}

export function allCommands(): readonly CommandDef[] {
  return table;
}
