import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { str } from './columns';

/** The ten bot roles of docs/architecture.md; a person may hold several. */
export const ROLES = [
  'staff',
  'window_lead',
  'chief_rep',
  'hall_office',
  'guide',
  'area_lead',
  'leader',
  'supervisor',
  'provider',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  staff: '窗口工作人员',
  window_lead: '窗口负责人',
  chief_rep: '首席代表',
  hall_office: '大厅管理室',
  guide: '咨询导服人员',
  area_lead: '区域负责人',
  leader: '中心领导',
  supervisor: '中心分管领导',
  provider: '综合一窗服务商',
  admin: '系统管理员',
};

@Entity('person_role')
@Unique('uq_person_role', ['userid', 'role'])
export class PersonRole {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) userid: string;
  @Column(str(16)) role: Role;
}
