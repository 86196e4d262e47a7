import { demoDirectory } from '../directory/demo';
import type { Rng } from './prng';

// The simulated hall (D69): `small` is the sandbox demo hall (6 departments, 24 windows, 33
// people); `hall` is generated from the seed — 8 departments, 50 windows, 300 people with every role and flag
// (DIR-01…DIR-09) and every group of conventions (docs/architecture.md) — and goes through the real directory import.

export type Scale = 'small' | 'hall';

export interface SimPerson {
  userid: string;
  name: string;
}
export interface SimDepartment {
  code: string;
  chief: SimPerson;
  /** Counted windows with the person stationed there. */
  windows: { number: string; staff: SimPerson }[];
  staff: SimPerson[];
}
/** Who plays which part, read back from the directory file. */
export interface HallModel {
  office: string[];
  supervisor: string;
  relevantLeader: string;
  mainLeader: string;
  guides: string[];
  departments: SimDepartment[];
}

type Row = Record<string, unknown>;

const DEPTS: { code: string; name: string; windows: number; kind: string }[] = [
  { code: 'GA', name: '旗公安局', windows: 6, kind: '专项' },
  { code: 'SB', name: '旗社保局', windows: 6, kind: '专项' },
  { code: 'BDC', name: '不动产登记中心', windows: 6, kind: '专项' },
  { code: 'SL', name: '旗水利局', windows: 3, kind: '专项' },
  { code: 'SW', name: '旗税务局', windows: 6, kind: '专项' },
  { code: 'ZH', name: '综合一窗', windows: 15, kind: '综合受理' },
  { code: 'MZ', name: '旗民政局', windows: 4, kind: '专项' },
  { code: 'SJ', name: '旗市场监管局', windows: 4, kind: '专项' },
];
const HALL_PEOPLE = 300;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉宁欣雪慧琳婷晨浩宇轩然博文斌海燕'.split('');

/** The directory file for `scale` (demo JSON for small, generated for hall); webhooks point at `apiBase`. */
export async function hallDirectory(scale: Scale, rng: Rng, apiBase: string): Promise<Record<string, Row[]>> {
  const demo = (await demoDirectory(apiBase)) as Record<string, Row[]>;
  if (scale === 'small') return demo;
  // The hall-level people (leaders, 大厅管理室, guides, area lead, admin) are the demo's; departments are generated.
  const people: Row[] = demo.people.filter((p) => !p.department);
  const departments: Row[] = [];
  const windows: Row[] = [];
  const groups: Row[] = demo.groups.filter((g) => !String(g.key).startsWith('G-DEPT-'));
  const used = new Set(people.map((p) => String(p.name)));
  const name = (): string => {
    for (;;) {
      const n = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const phone = (i: number) => `139${String(10_000_000 + i * 7919).slice(-8)}`;
  let number = 0;
  let serial = 100;
  const rest = HALL_PEOPLE - people.length;
  for (const [di, d] of DEPTS.entries()) {
    const lc = d.code.toLowerCase();
    const chief = `${lc}chief`;
    departments.push({
      code: d.code,
      name: d.name,
      parentUnit: `乌审旗${d.name.replace(/^旗/, '')}`,
      chiefRep: chief,
      deptLeader: { name: name(), phone: `0477-70000${di}` },
    });
    const provider = d.code === 'ZH' ? ['provider'] : [];
    people.push({
      userid: chief,
      name: name(),
      department: d.code,
      roles: ['chief_rep', ...provider],
      flags: [],
      phone: phone(serial++),
      stationedSince: '2024-01-01',
    });
    const nWindows = d.windows;
    // Everyone not at hall level is in a department: the chief, one person per window, the rest back-office.
    const staffCount = Math.floor(rest / DEPTS.length) + (di < rest % DEPTS.length ? 1 : 0) - 1;
    for (let i = 0; i < staffCount; i++) {
      const userid = `${lc}${String(i + 1).padStart(2, '0')}`;
      const atWindow = i < nWindows;
      if (atWindow) {
        number++;
        windows.push({
          number: String(number),
          name: d.kind === '专项' ? `${d.name.replace(/^旗/, '')}业务${i + 1}` : d.kind,
          department: d.code,
          zone: `${String.fromCharCode(65 + (di % 4))}区`,
          floor: 1 + (di % 2),
          kind: d.kind,
          status: d.code === 'SL' && i === nWindows - 1 ? '季节性' : '在用',
          devices: ['电子屏', '评价器', '叫号机'],
        });
      }
      const partner = atWindow ? `${lc}${String((i ^ 1) + 1).padStart(2, '0')}` : undefined;
      people.push({
        userid,
        name: name(),
        department: d.code,
        ...(atWindow ? { window: String(number) } : {}),
        roles: ['staff', ...(i === 0 ? ['window_lead'] : []), ...provider],
        flags: [],
        ...(partner && partner !== userid && (i ^ 1) < nWindows ? { abPartner: partner } : {}),
        stationedSince: `202${3 + (i % 3)}-0${1 + (i % 9)}-01`,
        phone: phone(serial++),
      });
    }
    groups.push({ key: `G-DEPT-${d.code}`, name: `${d.name}窗口群`, chatid: `dept${lc}` });
  }
  return { departments, windows, people, groups };
}

/** Read the parts people play back from a directory file. */
export function hallModel(dir: Record<string, Row[]>): HallModel {
  const has = (p: Row, field: 'roles' | 'flags', v: string) => ((p[field] as string[] | undefined) ?? []).includes(v);
  const person = (p: Row): SimPerson => ({ userid: String(p.userid), name: String(p.name) });
  const first = (pred: (p: Row) => boolean, what: string): string => {
    const p = dir.people.find(pred);
    if (!p) throw new Error(`simulated hall has no ${what}`);
    return String(p.userid);
  };
  return {
    office: dir.people.filter((p) => has(p, 'roles', 'hall_office')).map((p) => String(p.userid)),
    supervisor: first((p) => has(p, 'roles', 'supervisor'), '分管领导'),
    relevantLeader: first((p) => has(p, 'flags', '有关负责人'), '有关负责人'),
    mainLeader: first((p) => has(p, 'flags', '主要领导'), '主要领导'),
    guides: dir.people.filter((p) => has(p, 'roles', 'guide')).map((p) => String(p.userid)),
    departments: dir.departments.map((d) => {
      const code = String(d.code);
      const members = dir.people.filter((p) => p.department === code);
      const inUse = dir.windows.filter((w) => w.department === code && w.status === '在用');
      return {
        code,
        chief: person(members.find((p) => p.userid === d.chiefRep)!),
        windows: inUse.flatMap((w) => {
          const staff = members.find((p) => p.window === w.number);
          return staff ? [{ number: String(w.number), staff: person(staff) }] : [];
        }),
        staff: members.filter((p) => has(p, 'roles', 'staff')).map(person),
      };
    }),
  };
}
