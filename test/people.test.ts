import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, newDemoUnit, signIn, testApp, type TestContext } from './helpers.js';
import { multipartFile, readXlsx, xlsx } from './xlsx.js';

let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client;
let depts: { id: string; name: string }[];

beforeAll(async () => {
  ctx = await testApp();
});

// Every test gets its own unit: nothing is shared or truncated between tests.
beforeEach(async () => {
  unit = await newDemoUnit(ctx);
  office = await signIn(ctx, unit.user('office'));
  depts = (await office.get('/api/departments')).json();
});

const deptId = (name: string) => depts.find((d) => d.name === name)!.id;
const newPerson = (over: Record<string, unknown> = {}) => ({
  name: '测试人',
  departmentId: deptId('社会救助股'),
  position: '科员',
  rank: '',
  isPartyMember: false,
  isLeadership: false,
  phone: '13512345678',
  ...over,
});
async function importFile(c: Client, rows: (string | number)[][]) {
  const { payload, headers } = multipartFile(await xlsx(rows));
  return c.request('POST', '/api/people/imports', payload, headers);
}
async function waitDone(c: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const imp = (await c.get(`/api/people/imports/${id}`)).json();
    if (imp.status === 'done' || imp.status === 'failed') return imp;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

describe('the roster', () => {
  it('lists the demo unit: 30 in service, 20 party members, paged, searchable, filterable', async () => {
    const all = (await office.get('/api/people?pageSize=100')).json();
    expect(all.total).toBe(30);
    expect(all.items.filter((p: { isPartyMember: boolean }) => p.isPartyMember)).toHaveLength(20);
    expect(all.items[0].name).toBe('王建国');
    const page2 = (await office.get('/api/people?page=2&pageSize=20')).json();
    expect(page2.items).toHaveLength(10);
    expect(
      (await office.get(`/api/people?q=${encodeURIComponent('赵')}`)).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['赵敏']);
    const dept = (await office.get(`/api/people?departmentId=${deptId('机关纪委')}`)).json();
    expect(dept.items.map((p: { name: string }) => p.name)).toEqual(['戚红', '谢飞', '邹杰']);
    expect((await office.get('/api/people?q=%25')).json().total).toBe(0);
  });

  it('adds a person and refuses bad input with the offending field, writing nothing', async () => {
    const bad = await office.post('/api/people', newPerson({ phone: '123', name: '' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['name', 'phone']);
    const nonMember = await office.post('/api/people', newPerson({ branchRole: 'committee' }));
    expect(nonMember.json().details.fields[0]).toEqual({ path: 'branchRole', message: '非党员不能担任支部职务' });
    const foreign = await office.post(
      '/api/people',
      newPerson({ departmentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(foreign.json().message).toBe('所选科室不存在');
    expect((await office.get('/api/people?q=测试人')).json().total).toBe(0);
    const ok = await office.post('/api/people', newPerson());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '测试人', departmentName: '社会救助股', status: 'in_service' });
  });

  it('records who changed what, and shows it as the person history', async () => {
    const p = (await office.get(`/api/people?q=${encodeURIComponent('周凯')}`)).json().items[0];
    const res = await office.put(`/api/people/${p.id}`, { ...p, position: '副科长' });
    expect(res.json().position).toBe('副科长');
    const history = (await office.get(`/api/audit/events?entityType=person&entityId=${p.id}`)).json();
    expect(history.items[0]).toMatchObject({
      action: 'update',
      actorName: '孙丽',
      before: { position: '科员' },
      after: { position: '副科长' },
    });
    expect(history.items[1]).toMatchObject({ action: 'create', actorName: '系统' });
  });

  it('refuses to overwrite an edit made since the form was opened', async () => {
    const p = (await office.get(`/api/people?q=${encodeURIComponent('吴婷')}`)).json().items[0];
    ctx.clock.advance(1000);
    await office.put(`/api/people/${p.id}`, { ...p, rank: '一级科员' });
    const stale = await office.request(
      'PUT',
      `/api/people/${p.id}`,
      { ...p, rank: '三级科员' },
      { 'x-expected-version': p.updatedAt },
    );
    expect(stale.statusCode).toBe(400);
    expect(stale.json().message).toContain('已被他人修改');
  });

  it("lets a department head edit the department's people only", async () => {
    const head = await signIn(ctx, unit.user('member5'));
    const mine = (await head.get(`/api/people?departmentId=${deptId('社会救助股')}`)).json().items[1];
    const other = (await head.get(`/api/people?departmentId=${deptId('养老服务股')}`)).json().items[0];
    expect((await head.put(`/api/people/${mine.id}`, { ...mine, rank: '二级科员' })).statusCode).toBe(200);
    expect((await head.put(`/api/people/${other.id}`, { ...other, rank: '二级科员' })).statusCode).toBe(403);
    expect((await head.put(`/api/people/${mine.id}`, { ...mine, departmentId: deptId('养老服务股') })).statusCode).toBe(
      403,
    );
  });

  it('does not let a member edit anyone', async () => {
    const member = await signIn(ctx, unit.user('member1'));
    const p = (await member.get('/api/people?pageSize=1')).json().items[0];
    expect((await member.put(`/api/people/${p.id}`, { ...p, rank: 'x' })).statusCode).toBe(403);
  });
});

describe('roster import', () => {
  it('lists every bad row with its column and reason, and writes nothing', async () => {
    const before = (await office.get('/api/people?pageSize=1&status=in_service')).json().total;
    const res = await importFile(office, [
      ['甲', '社会救助股', '科员', '', '是', '', '否', '13700000001', '在职'],
      ['', '社会救助股', '科员', '', '是', '', '否', '', '在职'],
      ['乙', '火星股', '科员', '', '否', '', '否', '', '在职'],
      ['丙', '', '', '', '也许', '', '否', '12', '在职'],
      ['甲', '养老服务股', '', '', '否', '', '否', '13700000001', '在职'],
    ]);
    expect(res.statusCode).toBe(200);
    const imp = res.json();
    expect(imp.status).toBe('invalid');
    expect(imp.errors).toEqual([
      { row: 3, column: '姓名', reason: '姓名不能为空' },
      { row: 4, column: '科室', reason: '科室“火星股”不存在，请先在组织架构中添加' },
      { row: 5, column: '是否党员', reason: '应填写“是”或“否”，实际为“也许”' },
      { row: 5, column: '联系电话', reason: '联系电话“12”格式不正确' },
      { row: 6, column: '姓名', reason: '与第2行重复（姓名和联系电话相同）' },
    ]);
    expect((await office.post(`/api/people/imports/${imp.id}/apply`)).statusCode).toBe(400);
    expect((await office.get('/api/people?pageSize=1&status=in_service')).json().total).toBe(before);
  });

  it('imports valid rows in chunks, updating people found by name and phone', async () => {
    const rows: (string | number)[][] = Array.from({ length: 120 }, (_, i) => [
      `批量${i}`,
      '社会事务股',
      '科员',
      '',
      i % 2 ? '是' : '否',
      '',
      '否',
      13600000000 + i,
      '在职',
    ]);
    rows.push(['赵敏', '综合科（办公室）', '科长', '一级主任科员', '是', '支部书记', '否', '13900001005', '在职']);
    const imp = (await importFile(office, rows)).json();
    expect(imp).toMatchObject({ status: 'validated', total: 121, errors: [] });
    expect((await office.post(`/api/people/imports/${imp.id}/apply`)).json().status).toBe('running');
    expect((await office.post(`/api/people/imports/${imp.id}/apply`)).statusCode).toBe(400);
    const done = await waitDone(office, imp.id);
    expect(done).toMatchObject({ status: 'done', processed: 121, created: 120, updated: 1 });
    const found = (await office.get(`/api/people?q=${encodeURIComponent('批量77')}`)).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ phone: '13600000077', isPartyMember: true, departmentName: '社会事务股' });
  });

  it('answers a file that is not a spreadsheet, or has no usable header, with a 400', async () => {
    const { payload, headers } = multipartFile(Buffer.from('PK\u0003\u0004 broken zip'));
    const res = await office.request('POST', '/api/people/imports', payload, headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('文件无法读取');
    const noHeader = multipartFile(await xlsx([['a', 'b']], false));
    const res2 = await office.request('POST', '/api/people/imports', noHeader.payload, noHeader.headers);
    expect(res2.json().message).toContain('表头缺少列');
  });

  it('only lets unit-wide roster managers import', async () => {
    const head = await signIn(ctx, unit.user('member5'));
    expect((await importFile(head, [['甲', '', '', '', '否', '', '否', '', '在职']])).statusCode).toBe(403);
  });
});

describe('roster export and template', () => {
  it('exports every person with readable values, and the template carries the header', async () => {
    const res = await office.get('/api/people/export.xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('示例县民政局花名册'));
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      '姓名',
      '科室',
      '职务',
      '职级',
      '是否党员',
      '支部职务',
      '是否班子成员',
      '联系电话',
      '状态',
    ]);
    const total = (await office.get('/api/people?pageSize=1')).json().total;
    const left = (await office.get('/api/people?pageSize=1&status=left')).json().total;
    expect(rows.length - 1).toBeGreaterThanOrEqual(total);
    expect(rows.find((r) => r[0] === '王建国')).toEqual([
      '王建国',
      '',
      '党组书记、局长',
      '一级调研员',
      '是',
      '党员',
      '是',
      '13900001000',
      '在职',
    ]);
    expect(left).toBe(0);
    const template = await readXlsx((await office.get('/api/people/template.xlsx')).rawPayload);
    expect(template[0]).toEqual(rows[0]);
  });

  it('round-trips: an exported roster imports back as updates only', async () => {
    const exported = (await office.get('/api/people/export.xlsx')).rawPayload;
    const { payload, headers } = multipartFile(exported);
    const imp = (await office.request('POST', '/api/people/imports', payload, headers)).json();
    expect(imp.status).toBe('validated');
    await office.post(`/api/people/imports/${imp.id}/apply`);
    const done = await waitDone(office, imp.id);
    expect(done.created).toBe(0);
    expect(done.updated).toBe(imp.total);
  });
});
