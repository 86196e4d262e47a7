import { Person } from '../entities/person';
import { PersonRole } from '../entities/person-role';
import { AuditLog } from '../entities/audit-log';
import { type Db, insertRows } from './db';
import { writeAudit } from './kernel/audit';

/**
 * BOOTSTRAP_ADMINS get the admin role on start (architecture "Contracts"), audited — but only a person with no
 * role row and no role ever revoked: the variable opens an empty installation, it does not overrule a
 * revocation made in chat on every restart.
 */
export async function bootstrapAdmins(db: Db, userids: string[], now: Date): Promise<void> {
  for (const raw of userids) {
    const userid = raw.toLowerCase();
    await db.tx(async (m) => {
      if ((await m.count(PersonRole, { where: { userid } })) > 0) return;
      if ((await m.count(AuditLog, { where: { action: 'role.revoke', subjectType: 'person', subjectId: userid } })) > 0)
        return;
      if (!(await m.findOne(Person, { where: { userid } }))) {
        await insertRows(m, Person, { userid, name: userid, status: '在岗', inactive: false });
      }
      if ((await insertRows(m, PersonRole, { userid, role: 'admin' }, { orIgnore: true })) === 1) {
        await writeAudit(m, now, 'system', 'role.grant', 'person', userid, {
          role: 'admin',
          source: 'BOOTSTRAP_ADMINS',
        });
      }
    });
  }
}
