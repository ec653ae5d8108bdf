import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let admin: Client;

beforeAll(async () => {
  ctx = await testApp();
});

// Every test gets its own unit: nothing is shared or truncated between tests.
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  admin = await signIn(ctx, unit.user('admin'));
});

describe('departments', () => {
  it('are created, renamed, withdrawn with a reason and restored — never deleted', async () => {
    expect((await office.post('/api/departments', { name: '财务股', sortOrder: 8 })).statusCode).toBe(200);
    const dup = await office.post('/api/departments', { name: '财务股' });
    expect([dup.statusCode, dup.json().message]).toEqual([409, '科室“财务股”已存在']);
    const d = (await office.get('/api/departments')).json().find((x: { name: string }) => x.name === '财务股');
    expect((await office.put(`/api/departments/${d.id}`, { name: '计划财务股', sortOrder: 8 })).statusCode).toBe(200);
    expect((await office.post(`/api/departments/${d.id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    expect((await office.post(`/api/departments/${d.id}/withdraw`, { reason: '机构改革合并' })).statusCode).toBe(200);
    const withdrawn = (await office.get('/api/departments')).json().find((x: { id: string }) => x.id === d.id);
    expect(withdrawn).toMatchObject({ name: '计划财务股', active: false, withdrawnReason: '机构改革合并' });
    const person = await office.post('/api/people', {
      name: '某人',
      departmentId: d.id,
      isPartyMember: false,
      isLeadership: false,
    });
    expect(person.json().message).toBe('科室“计划财务股”已撤销，不能再分配人员');
    expect((await office.post(`/api/departments/${d.id}/restore`, { reason: '恢复设置' })).statusCode).toBe(200);
  });

  it('count their in-service people', async () => {
    const d = (await office.get('/api/departments')).json().find((x: { name: string }) => x.name === '机关纪委');
    expect(d.peopleCount).toBe(3);
  });

  it('cannot be changed by a member', async () => {
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.post('/api/departments', { name: '新股' })).statusCode).toBe(403);
  });
});

describe('posts (AB岗) and groups', () => {
  it('keeps A and B holders apart and in the unit', async () => {
    const people = (await office.get('/api/people?pageSize=100')).json().items;
    const [a, b] = [people[6].id, people[7].id];
    expect(
      (await office.post('/api/posts', { title: '信息报送', departmentId: null, holderAId: a, holderBId: a })).json()
        .message,
    ).toBe('A岗和B岗不能是同一人');
    expect(
      (await office.post('/api/posts', { title: '信息报送', departmentId: null, holderAId: a, holderBId: b }))
        .statusCode,
    ).toBe(200);
    const post = (await office.get('/api/posts?q=' + encodeURIComponent('信息报送')))
      .json()
      .items.find((p: { title: string }) => p.title === '信息报送');
    expect(post).toMatchObject({ holderAName: people[6].name, holderBName: people[7].name });
  });

  it('sets the members of a group with their roles, audited before → after', async () => {
    const group = (await office.get('/api/groups')).json().find((g: { kind: string }) => g.kind === 'branch_committee');
    expect(group.members.map((m: { roleInGroup: string }) => m.roleInGroup)).toEqual([
      '书记',
      '组织委员',
      '宣传委员',
      '纪检委员',
    ]);
    const keep = group.members
      .slice(0, 2)
      .map(({ personId, roleInGroup }: { personId: string; roleInGroup: string }) => ({ personId, roleInGroup }));
    expect((await office.put(`/api/groups/${group.id}/members`, { members: [...keep, keep[0]] })).statusCode).toBe(400);
    expect((await office.put(`/api/groups/${group.id}/members`, { members: keep })).statusCode).toBe(200);
    const events = (await office.get(`/api/audit/events?entityType=group&entityId=${group.id}`)).json().items;
    expect(events[0].before.members).toHaveLength(4);
    expect(events[0].after.members).toHaveLength(2);
  });

  it('draws the org chart: leadership apart, departments with their people', async () => {
    const chart = (await office.get('/api/org/chart')).json();
    expect(chart.leadership.map((p: { name: string }) => p.name)).toEqual([
      '王建国',
      '李红梅',
      '张志强',
      '刘海峰',
      '陈静',
    ]);
    expect(
      chart.departments
        .find((d: { name: string }) => d.name === '区划地名股')
        .people.map((p: { name: string }) => p.name),
    ).toEqual(['魏东', '陶然', '姜珊']);
    expect(chart.groups.map((g: { kind: string }) => g.kind)).toContain('leading_group_office');
  });
});

describe('users and roles', () => {
  // Accounts and grants are the security administrator's (三员分立).
  let security: Client;
  beforeEach(async () => {
    security = await signIn(ctx, unit.user('security'));
  });

  it('creates a login that must change its password, grants and revokes roles with a reason', async () => {
    const person = (await security.get(`/api/people?q=${encodeURIComponent('冯雪')}`)).json().items[0];
    const created = await security.post('/api/users', {
      username: `${unit.prefix}fengxue`.replace(/_/g, '-'),
      displayName: '冯雪',
      personId: person.id,
      password: 'Init#2026ab',
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const dept = (await security.get('/api/departments')).json()[0];
    expect(
      (
        await security.post(`/api/users/${id}/grants`, {
          role: 'department_head',
          scopeType: 'department',
          scopeId: null,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await security.post(`/api/users/${id}/grants`, {
          role: 'department_head',
          scopeType: 'department',
          scopeId: dept.id,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await security.post(`/api/users/${id}/grants`, {
          role: 'department_head',
          scopeType: 'department',
          scopeId: dept.id,
        })
      ).statusCode,
    ).toBe(409);
    const user = (await security.get(`/api/users?q=${encodeURIComponent('冯雪')}`))
      .json()
      .items.find((u: { id: string }) => u.id === id);
    expect(user.grants[0]).toMatchObject({ roleLabel: '科室（中心）负责人', scopeName: '综合科（办公室）' });
    expect(
      (await security.post(`/api/users/${id}/grants/${user.grants[0].id}/revoke`, { reason: '岗位调整' })).statusCode,
    ).toBe(200);
    const events = (await security.get(`/api/audit/events?entityType=user&entityId=${id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['revoke_role', 'grant_role', 'create']);
  });

  it('stops a deactivated user at once', async () => {
    const target = await signIn(ctx, unit.user('member9'));
    const me = (await target.get('/api/auth/me')).json();
    expect((await security.patch(`/api/users/${me.user.id}`, { active: false })).statusCode).toBe(200);
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await new Client(ctx.app).request('POST', '/api/auth/login', {
          username: unit.user('member9'),
          password: 'demo1234',
        })
      ).statusCode,
    ).toBe(401);
  });

  it('does not let the security administrator lock themselves out', async () => {
    const me = (await security.get('/api/auth/me')).json();
    expect((await security.patch(`/api/users/${me.user.id}`, { active: false })).json().message).toBe(
      '不能停用自己的账号',
    );
    // Nor revoke their own administrator role: administrator roles are the operator's (zuofeng admin).
    expect(
      (await security.post(`/api/users/${me.user.id}/grants/${me.grants[0].id}/revoke`, { reason: '测试撤销' })).json()
        .message,
    ).toBe('管理员角色只能由运维人员在服务器上用 zuofeng admin 命令授予或撤销');
  });
});

describe('units', () => {
  it('lets an upper unit oversee the roster of a unit below it, read-only', async () => {
    const upperAdmin = admin;
    const child = await upperAdmin.post('/api/units', {
      code: `${unit.prefix}child`.replace(/_/g, '-'),
      name: '下属事务中心',
    });
    expect(child.statusCode).toBe(200);
    const units = (await upperAdmin.get('/api/units')).json().items;
    expect(units.map((u: { name: string }) => u.name)).toEqual(['示例县民政局', '下属事务中心']);
    expect((await upperAdmin.get(`/api/people?unitId=${child.json().id}`)).json().total).toBe(0);
    const member = await signIn(ctx, unit.user('member1'));
    expect((await member.get(`/api/people?unitId=${child.json().id}`)).statusCode).toBe(404);
  });
});
