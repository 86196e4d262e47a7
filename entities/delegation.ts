import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { instant, localDate, str } from './columns';

/** 代理人 (DIR-02, OPEN #6): during [from, to] the delegate decides the principal's cards, tagged “代”. */
@Entity('delegation')
export class Delegation {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) principal: string;
  @Column(str(64)) delegate: string;
  @Column(localDate()) fromDate: string;
  @Column(localDate()) toDate: string;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
