import { beforeAll, describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { readXlsx } from './xlsx.js';

/**
 * The “争资争项” project library (measure 6): a project through its stages with the funding rule, tasks that
 * are supervised items of the ledger, the summary equal to the rows, the export; who may read and manage;
 * another unit's ids answer 404; bad input answers 400 and changes nothing.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let otherOffice: Client;
const as: Record<string, Client> = {};
const c = (l: string) => as[l]!;
const pid = (name: string) => unit.personId.get(name)!;
const dept = (i: number) => unit.deptIds[i]!;
let project: { id: string; version: number; [k: string]: unknown };

const ok = async (res: { statusCode: number; body: string; json: () => unknown }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as typeof project & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const refused = (res: { statusCode: number; body: string; json: () => { message: string } }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().message;
};
const get = async (id = project.id, who = 'office') => ok(await c(who).get(`/api/assessment/projects/${id}`));

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  for (const l of ['office', 'branch', 'leader1', 'member1', 'member5', 'discipline'])
    as[l] = await signIn(ctx, unit.user(l));
  otherOffice = await signIn(ctx, (await newDemoUnit(ctx)).user('office'));
}, 120_000);

describe('a project through its stages', () => {
  it('registers a project at 储备, with its first stage in the history', async () => {
    project = await ok(
      await c('office').post('/api/assessment/projects', {
        name: '县级养老服务中心改扩建项目',
        summary: '争取中央预算内投资，改扩建护理床位 120 张',
        fundingSought: 1200.5,
        ownerPersonId: pid('吕芳'),
        departmentId: dept(2),
        tags: ['养老', '中央预算内'],
      }),
    );
    expect(project).toMatchObject({ stage: 'reserve', stageLabel: '储备', fundingObtained: null, taskCount: 0 });
    expect(project.history).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'reserve', changedOn: '2026-11-30' }),
    ]);
  });

  it('refuses funds obtained before 立项, a skipped stage and going back without a reason, nothing changed', async () => {
    const edit = {
      name: project.name,
      summary: project.summary,
      fundingSought: 1200.5,
      ownerPersonId: pid('吕芳'),
      departmentId: dept(2),
      tags: ['养老'],
    };
    expect(
      refused(
        await c('office').put(`/api/assessment/projects/${project.id}`, {
          ...edit,
          fundingObtained: 300,
          version: project.version,
        }),
        400,
      ),
    ).toBe('项目尚未立项（当前为“储备”），不能登记到位资金');
    expect(
      refused(
        await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
          stage: 'approved',
          version: project.version,
        }),
        400,
      ),
    ).toBe('项目阶段须依次推进：“储备”之后是“申报”');
    const same = await get();
    expect(same).toMatchObject({
      stage: 'reserve',
      fundingObtained: null,
      version: project.version,
      tags: ['养老', '中央预算内'],
    });
    project = await ok(
      await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
        stage: 'applied',
        version: project.version,
      }),
    );
    expect(
      refused(
        await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
          stage: 'reserve',
          version: project.version,
        }),
        400,
      ),
    ).toBe('退回到之前的阶段须说明原因');
    expect((await get()).stage).toBe('applied');
  });

  it('the office moves it to 立项 and records the funds; back before 立项 is then refused', async () => {
    // 吕芳 (head of 养老服务股) owns it; the branch secretary 赵敏 heads 综合科, another department, so may not.
    expect(
      refused(
        await c('branch').post(`/api/assessment/projects/${project.id}/stage`, {
          stage: 'approved',
          version: project.version,
        }),
        403,
      ),
    ).toContain('项目负责人或科室负责人');
    project = await ok(
      await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
        stage: 'approved',
        version: project.version,
      }),
    );
    project = await ok(
      await c('office').put(`/api/assessment/projects/${project.id}`, {
        name: project.name,
        summary: project.summary,
        fundingSought: 1200.5,
        fundingObtained: 1350.25,
        ownerPersonId: pid('吕芳'),
        departmentId: dept(2),
        tags: ['养老', '中央预算内'],
        version: project.version,
      }),
    );
    expect(project.fundingObtained).toBe(1350.25);
    expect(
      refused(
        await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
          stage: 'applied',
          reason: '材料退回补充',
          version: project.version,
        }),
        400,
      ),
    ).toBe('项目已有到位资金，不能退回到“立项”之前的阶段');
    project = await ok(
      await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
        stage: 'implementing',
        version: project.version,
      }),
    );
    project = await ok(
      await c('office').post(`/api/assessment/projects/${project.id}/stage`, {
        stage: 'approved',
        reason: '施工许可未批，暂缓实施',
        version: project.version,
      }),
    );
    expect((project.history as { toStage: string; reason: string | null }[]).map((h) => [h.toStage, h.reason])).toEqual(
      [
        ['reserve', null],
        ['applied', null],
        ['approved', null],
        ['implementing', null],
        ['approved', '施工许可未批，暂缓实施'],
      ],
    );
    expect(
      refused(
        await c('office').post(`/api/assessment/projects/${project.id}/stage`, { stage: 'implementing', version: 1 }),
        409,
      ),
    ).toContain('已被他人修改');
  });

  it('a task becomes a supervised item of the ledger, shown with its colour and figures', async () => {
    const before = project.version;
    project = await ok(
      await c('office').post(`/api/assessment/projects/${project.id}/tasks`, {
        title: '完成养老服务中心施工图审查',
        ownerPersonId: pid('施洋'),
        explicitDue: '2026-12-31',
      }),
    );
    expect(project.version).toBe(before);
    const [task] = project.tasks as { itemId: string; colour: string; statusLabel: string; due: string }[];
    expect(task).toMatchObject({ colour: 'green', statusLabel: '待签收', due: '2026-12-31', ownerName: '施洋' });
    expect(project.taskFigures).toMatchObject({ overdue: 0, onTime: 0, comeDue: 0, onTimeRate: null });
    const item = await ok(await c('office').get(`/api/items/${task!.itemId}`));
    expect(item).toMatchObject({
      title: '完成养老服务中心施工图审查',
      leadDepartmentId: dept(2),
      sourceRef: '争资争项项目：县级养老服务中心改扩建项目',
    });
    const ledger = await ok(await c('leader1').get(`/api/items?q=${encodeURIComponent('施工图审查')}`));
    expect((ledger.items as { id: string }[]).map((i) => i.id)).toEqual([task!.itemId]);
    // Tasks are the office's to assign (items of the ledger): not the department head's, not a member's.
    expect(
      refused(
        await c('member1').post(`/api/assessment/projects/${project.id}/tasks`, {
          title: '某任务',
          ownerPersonId: pid('施洋'),
        }),
        403,
      ),
    ).toContain('领导小组办公室');
    expect(
      refused(
        await c('office').post(`/api/assessment/projects/${project.id}/tasks`, {
          title: '某任务',
          ownerPersonId: '00000000-0000-4000-8000-000000000000',
        }),
        400,
      ),
    ).toBe('所选人员不存在');
    expect((await get()).tasks).toHaveLength(1);
  });
});

describe('the library as a whole', () => {
  it('a department head registers for their own department only; a member reads but may not register', async () => {
    const body = {
      name: '社区救助站提升项目',
      fundingSought: 80,
      ownerPersonId: pid('周凯'),
      departmentId: dept(0),
      tags: ['救助'],
    };
    const mine = await ok(await c('branch').post('/api/assessment/projects', body));
    expect(mine.can).toMatchObject({ edit: true, changeStage: true, withdraw: true, addTask: false });
    expect(refused(await c('branch').post('/api/assessment/projects', { ...body, departmentId: dept(1) }), 403)).toBe(
      '科室负责人只能为本科室登记项目',
    );
    expect(refused(await c('member1').post('/api/assessment/projects', body), 403)).toContain(
      '领导小组办公室或科室负责人',
    );
    const read = await ok(await c('member5').get(`/api/assessment/projects/${mine.id}`));
    expect(read.can).toEqual({ see: true, edit: false, changeStage: false, withdraw: false, addTask: false });
    // 周凯 (member1) owns it: the owner manages it.
    const owned = await ok(await c('member1').get(`/api/assessment/projects/${mine.id}`));
    expect(owned.can).toMatchObject({ edit: true, changeStage: true, addTask: false });
    await ok(
      await c('member1').post(`/api/assessment/projects/${mine.id}/stage`, {
        stage: 'applied',
        version: owned.version,
      }),
    );
    const gone = await ok(
      await c('office').post(`/api/assessment/projects/${mine.id}/withdraw`, {
        reason: '并入其他项目',
        version: owned.version + 1,
      }),
    );
    expect(gone).toMatchObject({ withdrawnReason: '并入其他项目', can: { edit: false, withdraw: false } });
  });

  it('the summary by stage and by department equals the rows of the list', async () => {
    await ok(
      await c('office').post('/api/assessment/projects', {
        name: '困难群众救助信息平台',
        fundingSought: 45.3,
        ownerPersonId: pid('秦磊'),
        departmentId: dept(1),
      }),
    );
    const list = await ok(await c('member5').get('/api/assessment/projects?pageSize=100'));
    const rows = list.items as {
      stage: string;
      departmentId: string;
      fundingSought: number;
      fundingObtained: number | null;
    }[];
    expect(rows).toHaveLength(2);
    const s = await ok(await c('member5').get('/api/assessment/projects/summary'));
    const stages = s.stages as { stage: string; count: number; fundingSought: number; fundingObtained: number }[];
    for (const st of stages) {
      const mine = rows.filter((r) => r.stage === st.stage);
      expect(st.count).toBe(mine.length);
      expect(st.fundingSought).toBeCloseTo(
        mine.reduce((a, r) => a + r.fundingSought, 0),
        2,
      );
    }
    expect(s.total).toEqual({ count: 2, fundingSought: 1245.8, fundingObtained: 1350.25 });
    expect((s.departments as { departmentId: string; count: number }[]).map((d) => [d.departmentId, d.count])).toEqual([
      [dept(1), 1],
      [dept(2), 1],
    ]);
    const byStage = await ok(await c('member5').get('/api/assessment/projects?stage=approved'));
    expect(byStage.total).toBe(1);
    const byTag = await ok(await c('member5').get(`/api/assessment/projects?tag=${encodeURIComponent('养老')}`));
    expect(byTag.total).toBe(1);
    const words = await ok(await c('member5').get(`/api/assessment/projects?q=${encodeURIComponent('信息平台')}`));
    expect((words.items as { name: string }[]).map((p) => p.name)).toEqual(['困难群众救助信息平台']);
  });

  it('exports the library as .xlsx from the same rows', async () => {
    const res = await c('member5').get('/api/assessment/projects.xlsx');
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0]![0]).toBe('项目名称');
    const row = sheet.find((r) => r[0] === '县级养老服务中心改扩建项目')!;
    expect(row.slice(1, 6)).toEqual(['立项', '2026-11-30', '1200.5', '1350.25', '养老服务股']);
    expect(sheet).toHaveLength(3);
  });

  it('another unit’s project ids answer 404, and its list is its own', async () => {
    expect((await otherOffice.get(`/api/assessment/projects/${project.id}`)).statusCode).toBe(404);
    expect(
      (
        await otherOffice.post(`/api/assessment/projects/${project.id}/stage`, {
          stage: 'implementing',
          version: project.version,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await otherOffice.post(`/api/assessment/projects/${project.id}/tasks`, {
          title: '外单位任务',
          ownerPersonId: pid('施洋'),
        })
      ).statusCode,
    ).toBe(404);
    expect((await otherOffice.get('/api/assessment/projects')).json().total).toBe(0);
    // A body naming another unit's department is refused as not found, nothing created.
    expect(
      refused(
        await otherOffice.post('/api/assessment/projects', {
          name: '外单位项目',
          fundingSought: 1,
          ownerPersonId: pid('吕芳'),
          departmentId: dept(2),
        }),
        400,
      ),
    ).toBe('所选项目负责人不存在');
  });

  it('bad input answers 400 with a Chinese message and changes nothing', async () => {
    const before = (await c('office').get('/api/assessment/projects?withdrawn=include')).json().total;
    const base = { name: '测试项目', fundingSought: 10, ownerPersonId: pid('吕芳'), departmentId: dept(2) };
    expect(refused(await c('office').post('/api/assessment/projects', { ...base, fundingSought: -1 }), 400)).toContain(
      '争取资金不能为负数',
    );
    expect(
      refused(await c('office').post('/api/assessment/projects', { ...base, fundingSought: 1.234 }), 400),
    ).toContain('最多保留两位小数');
    expect(refused(await c('office').post('/api/assessment/projects', { ...base, name: 'x' }), 400)).toContain(
      '项目名称',
    );
    expect(
      refused(
        await c('office').post('/api/assessment/projects', { ...base, stage: 'reserve', fundingObtained: 5 }),
        400,
      ),
    ).toContain('尚未立项');
    expect(refused(await c('office').get('/api/assessment/projects?stage=nope'), 400)).toContain('项目阶段不正确');
    expect((await c('office').get('/api/assessment/projects?withdrawn=include')).json().total).toBe(before);
  });
});
