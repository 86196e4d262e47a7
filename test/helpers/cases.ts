import type { EntityManager } from 'typeorm';
import { ServiceCase } from '../../entities/case';
import { insertRows } from '../../src/db';

/**
 * An accepted 户籍迁入 case of GA's 12号窗 row, for tests of other domains that only need a case to refer to
 * (政务专递, the 流转单). Columns left out stay NULL, as the 收件 command leaves them; `o` sets the rest.
 */
export async function insertAcceptedCase(
  m: EntityManager,
  no: string,
  at: Date,
  o: Partial<ServiceCase> & Pick<ServiceCase, 'itemId' | 'itemCode' | 'firstResponder' | 'source'>,
): Promise<void> {
  await insertRows(m, ServiceCase, {
    no,
    itemName: '户籍迁入',
    departmentCode: 'GA',
    windowNumber: '12',
    type: '承诺',
    mode: '普通',
    limitWd: 5,
    status: '已受理',
    receivedAt: at,
    supplements: [],
    acceptedAt: at,
    extensions: 0,
    closedOverdue: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: o.firstResponder,
    ...o,
  });
}
