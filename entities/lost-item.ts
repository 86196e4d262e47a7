import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, json, localDate, str, text } from './columns';

/** 通知记录 (form field 10): one contact attempt of `失物 通知` (LST-04). */
export interface LostContact {
  at: string;
  channel: string;
  result: string;
  by: string;
}

/** 认领 (fields 12–14; LST-08/09): who claimed, with which ID, how; `signatureId` once the photo arrived. */
export interface LostClaim {
  method: '本人' | '委托' | '邮寄';
  name: string | null;
  idType: string;
  idNumber: string;
  phone: string | null;
  proxy: string | null;
  consent: string | null;
  address: string | null;
  by: string;
  at: string;
  /** The signature photo must arrive before this instant (D6 slot, 10 minutes). */
  until: string;
  signatureId: number | null;
}

/** 销毁登记 (field 15, LST-05) or 交派出所 / 交公安机关 (field 12, LST-06/07): date, who, to whom. */
export interface LostDisposal {
  kind: '销毁' | '交派出所' | '交公安';
  date: string;
  by: string;
  reason: string | null;
  witness: string | null;
  station: string | null;
  receiver: string | null;
}

/**
 * 遗失物品登记表 (the rulebook's §5 (docs/rules.md) form, 16 fields; 000 遗失物品 一(二)) — the current state of one found item,
 * `SW<年>-<4位>`. Every change is also a full copy in lost_item_version (REC-02); rows are never deleted
 * (REC-09 keeps 销毁登记 and 注销记录).
 */
@Entity('lost_item')
@Index('uq_lost_item_no', ['no'], { unique: true })
@Index('ix_lost_item_status', ['status'])
export class LostItem {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** 1 登记编号. */
  @Column(str(16)) no: string;
  /** 2 物品名称 · 3 数量 · 4 特征 (LST-02). */
  @Column(str(64)) name: string;
  @Column(int()) quantity: number;
  @Column(text()) features: string;
  /** 5 拾获时间: the date, and the time of day when given. */
  @Column(localDate()) foundDate: string;
  @Column(str(5, true)) foundTime: string | null;
  /** 6 拾获地点. */
  @Column(str(64)) foundPlace: string;
  /** 7 拾获人 (free text) · 接收人 (the guide's userid). */
  @Column(str(32, true)) finder: string | null;
  @Column(str(64)) receivedBy: string;
  /** 8 完好情况 · 存放位置 (LST-03). */
  @Column(str(64, true)) intact: string | null;
  @Column(str(32, true)) storage: string | null;
  /** 9 类别: 一般 / 易坏 / 贵重 (LST-05, LST-06). */
  @Column(str(8)) category: string;
  /** 10 失主信息 (personal data, REC-07) · 通知记录. */
  @Column(text(true)) ownerInfo: string | null;
  @Column(json()) contacts: LostContact[];
  /** 11 公告日期 and the 半年 clock it starts (LST-07); the 易坏 clock (LST-05). */
  @Column(localDate(true)) announcedDate: string | null;
  @Column(localDate(true)) transferDue: string | null;
  @Column(localDate(true)) perishableDue: string | null;
  /** 12–14 认领 (pending until the signature photo arrives). */
  @Column(json(true)) claim: LostClaim | null;
  /** 12 处置方式 · 处置日期 and 15 销毁登记记录. */
  @Column(json(true)) disposal: LostDisposal | null;
  /** 16 注销记录 (LST-10). */
  @Column(localDate(true)) cancelledDate: string | null;
  @Column(str(64, true)) cancelledBy: string | null;
  /** 在库, 已公告, 已认领, 已销毁, 已交派出所, 已交公安, 已注销. */
  @Column(str(8)) status: string;
  /** The date the status was set (shown when a closed record refuses a change). */
  @Column(localDate()) statusDate: string;
  @Column(int()) version: number;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
  @Column(str(64)) updatedBy: string;
}
