import { z } from 'zod';
import { PERSON_FLAGS } from '../../entities/person';
import type { Role } from '../../entities/person-role';
import { WINDOW_KINDS, WINDOW_STATUSES } from '../../entities/window';
import { normUserid, windowNumberOf } from '../kernel/directory';
import { isLocalDate } from '../kernel/time';
import {
  GROUP_KEY_RE,
  KEY_PATH,
  PERSON_STATUSES,
  labelOf,
  listCn,
  parseRole,
  splitList,
  type ListName,
} from './fields';

// Row validation with zod. Every field builder produces its own Chinese message naming
// the value (`角色“boss”无效`), so an error line reads like the sheet the operator typed. Absent (undefined)
// means "keep what is stored"; null means "clear" (JSON null or "", CSV/XLSX `-`).

/** One raw row with where it came from (`人员 第7行`, `人员.csv 第7行`, `人员 第3项`). */
export interface RawRow {
  at: string;
  data: Record<string, unknown>;
}

export type FlatRow = Record<string, string | number | string[] | null | undefined>;
export interface Located {
  at: string;
  row: FlatRow;
}

class Bad {
  constructor(readonly message: string) {}
}
type Scalar = string | number | boolean | Date | unknown[];
const shown = (v: unknown) =>
  Array.isArray(v) ? v.join('、') : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

function field<T>(label: string, parse: (v: Scalar) => T | Bad, required: boolean) {
  return z
    .unknown()
    .optional()
    .transform((v, c): T | null | undefined => {
      const blank = v === null || (typeof v === 'string' && v.trim() === '');
      if (v === undefined || blank) {
        if (required) {
          c.addIssue({ code: 'custom', message: `缺少${label}` });
          return z.NEVER;
        }
        return v === undefined ? undefined : null;
      }
      if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
        c.addIssue({ code: 'custom', message: `${label}格式无效` });
        return z.NEVER;
      }
      const r = parse(v as Scalar);
      if (r instanceof Bad) {
        c.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r;
    });
}

const asText = (v: Scalar) =>
  (v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? v.join('、') : String(v)).trim();

function text(
  label: string,
  max: number,
  opts: { required?: boolean; re?: RegExp; hint?: string; norm?: (s: string) => string } = {},
) {
  return field(
    label,
    (v) => {
      const s = (opts.norm ?? ((x: string) => x))(asText(v));
      if ([...s].length > max) return new Bad(`${label}“${s}”过长（最多${max}字）`);
      if (opts.re && !opts.re.test(s)) return new Bad(`${label}“${s}”无效${opts.hint ? `（${opts.hint}）` : ''}`);
      return s;
    },
    opts.required ?? false,
  );
}

function oneOf(label: string, values: readonly string[]) {
  return field(
    label,
    (v) => (values.includes(asText(v)) ? asText(v) : new Bad(`${label}“${shown(v)}”无效（应为 ${values.join('/')}）`)),
    false,
  );
}

/** A list cell: JSON array or `a、b,c` text; each item checked by `item`. */
function list<T>(label: string, item: (s: string) => T | undefined, hint?: string) {
  return field(
    label,
    (v) => {
      const words = Array.isArray(v) ? v.map((x) => String(x).trim()).filter(Boolean) : splitList(asText(v));
      const out: T[] = [];
      for (const w of words) {
        const ok = item(w);
        if (ok === undefined) return new Bad(`${label}“${w}”无效${hint ? `（可选：${hint}）` : ''}`);
        if (!out.includes(ok)) out.push(ok);
      }
      return out;
    },
    false,
  );
}

const code = (label: string, required = false) =>
  text(label, 16, { required, re: /^[A-Z0-9_-]+$/, hint: '字母、数字', norm: (s) => s.toUpperCase() });
const userid = (label: string, required = false) =>
  text(label, 64, { required, re: /^[a-z0-9_.@-]+$/, hint: '企业微信账号：字母、数字、_-@.', norm: normUserid });
const windowNo = (label: string, required = false) =>
  text(label, 16, { required, re: /^[0-9A-Z-]+$/, hint: '如 12', norm: windowNumberOf });
const phone = (label: string) => text(label, 32, { re: /^[0-9+() -]+$/, hint: '数字' });

const floor = field(
  '楼层',
  (v) => {
    const n = typeof v === 'number' ? v : Number(asText(v).replace(/楼$/, ''));
    return Number.isInteger(n) && n >= 1 && n <= 3 ? n : new Bad(`楼层“${shown(v)}”无效（应为1–3，rule DIR-06）`);
  },
  false,
);

const date = (label: string) =>
  field(
    label,
    (v) => {
      const s = asText(v)
        .replace(/\//g, '-')
        .replace(/-(\d)(?!\d)/g, '-0$1');
      return isLocalDate(s) ? s : new Bad(`${label}“${shown(v)}”无效（应为 YYYY-MM-DD）`);
    },
    false,
  );

const ROLE_HINT =
  'staff、window_lead、chief_rep、hall_office、guide、area_lead、leader、supervisor、provider、admin 或中文名';

/** The key column of each list, also parsed alone for a row that fails (so others may still refer to it). */
const KEYS = {
  departments: code('代码', true),
  windows: windowNo('窗口号', true),
  people: userid('账号', true),
  groups: text('群键', 64, {
    required: true,
    re: GROUP_KEY_RE,
    hint: 'G-HALL/G-OFFICE/G-LEAD/G-GUIDE/G-DEPT-<部门代码>',
    norm: (s) => s.toUpperCase(),
  }),
};

const SCHEMAS: Record<ListName, z.ZodType<FlatRow>> = {
  departments: z.strictObject({
    code: KEYS.departments,
    name: text('名称', 64, { required: true }),
    parentUnit: text('派驻部门', 64),
    chiefRep: userid('首席代表'),
    'deptLeader.name': text('分管领导', 32),
    'deptLeader.phone': phone('分管领导电话'),
    'deptLeader.userid': userid('分管领导账号'),
    'contact.name': text('联系人', 32),
    'contact.phone': phone('联系电话'),
  }),
  windows: z.strictObject({
    number: KEYS.windows,
    name: text('名称', 64, { required: true }),
    department: code('部门'),
    zone: text('区域', 16),
    floor,
    kind: oneOf('类型', WINDOW_KINDS), // D172: DIR-07 types and the hall's own kinds
    status: oneOf('状态', WINDOW_STATUSES),
    devices: list('设备', (s) => s),
  }),
  people: z.strictObject({
    userid: KEYS.people,
    name: text('姓名', 32, { required: true }),
    department: code('部门'),
    window: windowNo('窗口'),
    roles: list<Role>('角色', parseRole, ROLE_HINT),
    flags: list(
      '标记',
      (s) => ((PERSON_FLAGS as readonly string[]).includes(s) ? s : undefined),
      PERSON_FLAGS.join('、'),
    ),
    abPartner: userid('B岗'),
    stationedSince: date('入岗时间'),
    phone: phone('电话'),
    status: oneOf('状态', PERSON_STATUSES),
    zone: text('区域', 16),
  }),
  groups: z.strictObject({
    key: KEYS.groups,
    name: text('名称', 64, { required: true }),
    // appchat/create accepts at most 32 characters 0-9a-zA-Z (WeCom doc 94867).
    chatid: text('chatid', 32, { re: /^[0-9A-Za-z]+$/, hint: '最多32位字母数字' }),
    // D10: robot webhooks are stored whole and called as stored.
    webhook: text('webhook', 512, { re: /^https?:\/\/\S+$/, hint: '完整的 http(s) 地址' }),
  }),
};

/**
 * Validate every row of a list; returns the parsed rows, one message per problem, and the keys of the rows
 * that failed (references to them are not reported again — one mistake, one message).
 */
export function validateRows(
  list: ListName,
  rows: RawRow[],
): { rows: Located[]; errors: string[]; failedKeys: string[] } {
  const out: Located[] = [];
  const errors: string[] = [];
  const failedKeys: string[] = [];
  for (const r of rows) {
    const res = SCHEMAS[list].safeParse(r.data);
    if (res.success) {
      out.push({ at: r.at, row: res.data });
      continue;
    }
    const key = KEYS[list].safeParse(r.data[KEY_PATH[list]]);
    if (key.success && key.data) failedKeys.push(key.data);
    for (const issue of res.error.issues) {
      if (issue.code === 'unrecognized_keys') errors.push(`${r.at}：未知字段“${issue.keys.join('、')}”`);
      else if (issue.code === 'custom') errors.push(`${r.at}：${issue.message}`);
      else errors.push(`${r.at}：${labelOf(list, String(issue.path[0] ?? ''))}格式无效`);
    }
  }
  return { rows: out, errors, failedKeys };
}

/** `人员 第3项` for JSON (no line numbers there). */
export const jsonAt = (list: ListName, i: number) => `${listCn(list)} 第${i + 1}项`;
