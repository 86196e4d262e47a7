import { ROLE_NAMES, type Role } from '../../entities/person-role';
import type { CommandDef } from './command';
import type { Actor } from './ctx';

// Design rule 8: permissions are checked in one place, from the command table's `roles`.
export function mayRun(actor: Actor, cmd: CommandDef): boolean {
  return cmd.roles === 'all' || cmd.roles.some((r) => actor.roles.includes(r));
}

export function rolesLabel(roles: readonly Role[] | 'all'): string {
  return roles === 'all' ? '所有人' : roles.map((r) => ROLE_NAMES[r]).join('、');
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
