import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';

let ctx: TestContext;
let office: Client;
let depts: { id: string; name: string }[];
type P = { id: string; name: string; isLeadership: boolean; departmentId: string | null };

beforeAll(async () => {
  ctx = await testApp();
});

beforeEach(async () => {
  const unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  depts = (await office.get('/api/departments')).json();
});

const names = (r: { json(): { items: P[] } }) => r.json().items.map((p) => p.name);

/** The filters the form pickers use: the department chosen beside the picker, and 班子成员 for a leader field. */
describe('people search for the pickers', () => {
  it('role=leadership lists the 班子成员 only, paginated, and combines with the name search', async () => {
    const all: P[] = (await office.get('/api/people?status=in_service&pageSize=100')).json().items;
    const leaders = all.filter((p) => p.isLeadership).map((p) => p.name);
    expect(leaders.length).toBeGreaterThan(1);
    expect(leaders.length).toBeLessThan(all.length);
    const r = await office.get('/api/people?status=in_service&role=leadership&pageSize=100');
    expect(r.statusCode).toBe(200);
    expect(names(r)).toEqual(leaders);
    expect(r.json().total).toBe(leaders.length);
    const first = await office.get('/api/people?role=leadership&pageSize=1');
    expect(first.json()).toMatchObject({ total: leaders.length, pageSize: 1 });
    expect(names(first)).toEqual([leaders[0]]);
    const q = leaders[1]!.slice(0, 2);
    const searched = await office.get(`/api/people?role=leadership&q=${encodeURIComponent(q)}`);
    expect(names(searched)).toEqual(leaders.filter((n) => n.includes(q)));
  });

  it("departmentId lists that department's people only", async () => {
    const all: P[] = (await office.get('/api/people?pageSize=100')).json().items;
    for (const d of depts.slice(0, 3)) {
      const r = await office.get(`/api/people?departmentId=${d.id}&pageSize=100`);
      expect(names(r)).toEqual(all.filter((p) => p.departmentId === d.id).map((p) => p.name));
    }
  });

  it("refuses a bad role or department in Chinese, and another unit's department leaks nobody", async () => {
    const role = await office.get('/api/people?role=admin');
    expect(role.statusCode).toBe(400);
    expect(role.json().message).toContain('角色筛选');
    const bad = await office.get('/api/people?departmentId=not-a-uuid');
    expect(bad.statusCode).toBe(400);
    const other = await newDemoUnit(ctx);
    const otherOffice = await signIn(ctx, other.user('office'));
    const otherDept = (await otherOffice.get('/api/departments')).json()[0].id as string;
    expect((await otherOffice.get(`/api/people?departmentId=${otherDept}`)).json().total).toBeGreaterThan(0);
    const foreign = await office.get(`/api/people?departmentId=${otherDept}&pageSize=100`);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toMatchObject({ items: [], total: 0 });
  });
});
