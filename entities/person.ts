import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bool, json, localDate, str, pk } from './columns';

/** Directory flags (D19, docs/commands.md). */
export const PERSON_FLAGS = ['主要领导', '有关负责人', '带班领导', '考核小组', '电子政务室'] as const;

/** A WeCom member known to the hall (DIR-08). Unknown senders get the 未登记 reply. */
@Entity('person')
export class Person {
  @PrimaryColumn(pk(64)) userid: string;
  @Column(str(32)) name: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(16, true)) windowNumber: string | null;
  @Column(json(true)) flags: string[] | null;
  /** B-post partner (DIR-09). */
  @Column(str(64, true)) abPartner: string | null;
  @Column(localDate(true)) stationedSince: string | null;
  @Column(str(32, true)) phone: string | null;
  /** The hall zone (区域) a guide or area lead works in: a guide's 区域领导 is the area_lead of the same zone (D160). */
  @Column(str(16, true)) zone: string | null;
  /** 拟入岗 / 在岗 / 顶岗 / 拟离岗 / 已离岗 (DIR-08). */
  @Column({ ...str(8), default: '在岗' }) status: string;
  @Column(bool()) inactive: boolean;
  /** 岗位等级 初/中/高 (DIR-15; 003 措施12). */
  @Column(str(2, true)) grade: string | null;
  /** 证书: 政务服务办事员 职业技能等级 certificate held (DIR-15); null = 未持证. */
  @Column(str(64, true)) certificate: string | null;
}
