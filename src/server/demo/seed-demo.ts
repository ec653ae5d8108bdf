import type { AuditEntityType } from '../../domain/audit-vocabulary.js';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../types.js';
import { units } from '../db/schema/index.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { orgRepo } from '../modules/org/org.repo.js';
import { departmentLeadersRepo } from '../modules/org/department-leaders.repo.js';
import { peopleRepo } from '../modules/people/people.repo.js';
import { personAuditView } from '../modules/people/people.presenter.js';
import { ADMIN_DISPLAY_NAMES, createUnitWithAccounts } from '../modules/units/unit-setup.service.js';
import { usersRepo } from '../modules/users/users.repo.js';
import type { Actor, Grant } from '../../domain/roles.js';
import { seedDemoWork } from './demo-work.js';
import { seedDemoLibraries } from './demo-libraries.js';
import { seedDemoRecognition } from './demo-recognition.js';
import { seedDemoSchemes } from './demo-schemes.js';
import {
  DEMO_DEPARTMENT_LEADERS,
  DEMO_DEPARTMENTS,
  DEMO_GROUPS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_POSTS,
  DEMO_UNIT,
} from './demo-data.js';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/**
 * First run: seeds the demo unit when the database has no unit at all, with its sample work
 * (demo-work.ts) unless ZUOFENG_DEMO_WORK=0 asks for an empty unit.
 */
export async function seedDemoIfEmpty(deps: AppDeps, env: NodeJS.ProcessEnv = process.env) {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(units);
  if ((row?.n ?? 0) > 0) return null;
  const seeded = await seedDemoUnit(deps);
  if (env.ZUOFENG_DEMO_WORK !== '0') {
    await seedDemoWork(deps, seeded);
    // The project library and the think tank (issue 19): projects across the stages, two signed tasks, experts, advice.
    await seedDemoLibraries(deps, seeded);
    // 先进典型 and 工作动态: a practice from one of the sample work's closed items, nominated, and an article on it.
    await seedDemoRecognition(deps, seeded);
    await seedDemoSchemes(deps, seeded);
  }
  return seeded;
}

/**
 * Creates 示例县民政局 with departments, 30 people (20 in-service party members), posts, groups
 * and logins. `prefix` is put before codes and usernames, so that tests can seed many units.
 */
export async function seedDemoUnit(deps: Deps, prefix = '') {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The three administrators (三员分立) keep the printed password: the hash is written directly, and
  // nothing forces a change, so that the demo can be tried at once.
  const admins = [
    ['admin', 'system_admin'],
    ['security', 'security_admin'],
    ['auditor', 'audit_admin'],
  ] as const;
  const { unit, accounts } = await createUnitWithAccounts(deps, {
    code: `${prefix}${DEMO_UNIT.code}`,
    name: DEMO_UNIT.name,
    isDemo: true,
    accounts: admins.map(([login, role]) => ({
      username: `${prefix}${login}`,
      displayName: ADMIN_DISPLAY_NAMES[role],
      role,
      passwordHash,
      mustChangePassword: false,
    })),
  });
  const admin = accounts[0]!;
  const now = deps.clock.now();
  const logins = [`${prefix}admin`];
  // Who each login acts as, for the sample work (demo-work.ts), keyed by the login without prefix.
  const actors = new Map<string, Actor>();
  const deptIds: string[] = [];
  const personId = new Map<string, string>();
  await deps.db.transaction(async (tx) => {
    const audit = (entityType: AuditEntityType, entityId: string, after: unknown) =>
      recordAudit(tx, SYSTEM_ACTOR, now, { unitId: unit.id, entityType, entityId, action: 'create', after });
    for (const [i, name] of DEMO_DEPARTMENTS.entries()) {
      const d = await orgRepo.insertDepartment(tx, {
        unitId: unit.id,
        name,
        sortOrder: i + 1,
        createdAt: now,
        updatedAt: now,
      });
      await audit('department', d.id, { name, sortOrder: i + 1 });
      deptIds.push(d.id);
    }
    let memberNo = 0;
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      const person = await peopleRepo.insert(tx, {
        unitId: unit.id,
        name: p.name,
        departmentId: p.dept === null ? null : deptIds[p.dept]!,
        position: p.position,
        rank: p.rank,
        isPartyMember: p.party,
        branchRole: p.branchRole ?? (p.party ? 'member' : 'none'),
        isLeadership: !!p.leader,
        phone: `1390000${String(1000 + i).slice(-4)}`,
        status: 'in_service',
        sortOrder: i,
        createdAt: now,
        updatedAt: now,
      });
      await audit('person', person.id, personAuditView(person));
      personId.set(p.name, person.id);
      const login = p.login ?? `member${++memberNo}`;
      const username = `${prefix}${login}`;
      const user = await usersRepo.insert(tx, {
        unitId: unit.id,
        username,
        displayName: p.name,
        personId: person.id,
        passwordHash,
        passwordSetAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await audit('user', user.id, { username, personId: person.id });
      logins.push(username);
      const grants: Grant[] = [];
      for (const role of ['member' as const, ...(p.roles ?? [])]) {
        const deptScoped = role === 'department_head';
        const grant = {
          role,
          scopeType: deptScoped ? ('department' as const) : ('unit' as const),
          scopeId: deptScoped ? deptIds[p.dept!]! : null,
        };
        await usersRepo.insertGrant(tx, { unitId: unit.id, userId: user.id, createdAt: now, ...grant });
        grants.push(grant);
      }
      actors.set(login, {
        userId: user.id,
        unitId: unit.id,
        username,
        displayName: p.name,
        personId: person.id,
        grants,
      });
    }
    for (const [dept, name] of DEMO_DEPARTMENT_LEADERS) {
      const row = { unitId: unit.id, departmentId: deptIds[dept]!, personId: personId.get(name)! };
      await departmentLeadersRepo.insert(tx, { ...row, fromDate: null, createdAt: now, updatedAt: now });
      await audit('department', row.departmentId, { leader: name, from: null });
    }
    for (const [dept, title, a, b] of DEMO_POSTS) {
      const post = await orgRepo.insertPost(tx, {
        unitId: unit.id,
        departmentId: deptIds[dept]!,
        title,
        holderAId: personId.get(a)!,
        holderBId: personId.get(b)!,
        createdAt: now,
        updatedAt: now,
      });
      await audit('post', post.id, { title, holderA: a, holderB: b });
    }
    for (const [kind, name, members] of DEMO_GROUPS) {
      const g = await orgRepo.insertGroup(tx, { unitId: unit.id, kind, name, createdAt: now, updatedAt: now });
      await orgRepo.replaceGroupMembers(
        tx,
        unit.id,
        g.id,
        members.map(([n, roleInGroup]) => ({ personId: personId.get(n)!, roleInGroup })),
      );
      await audit('group', g.id, { kind, name, members });
    }
  });
  logins.push(`${prefix}security`, `${prefix}auditor`);
  return { unit, admin, logins, actors, deptIds, personId };
}
