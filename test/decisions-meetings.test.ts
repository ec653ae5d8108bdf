import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { planEntries } from '../src/server/db/schema/index.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

/**
 * 议事决策 (issue 18, measures 20, 26, 29): a 党组会 with three items — one ordinary, one 大额资金使用 with
 * 列席 and a 回避, one 干部任免 — positions in speaking order with the secretary last, two decisions that become
 * supervised items, and the next 党组会 opening with their follow-up; the rules refuse what they should, with
 * nothing changed; each reader sees the items they may read, the minutes .docx says what was recorded.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
const LOGINS = ['office', 'secretary', 'leader1', 'leader2', 'leader3', 'leader4', 'member1', 'member5', 'admin'];
const as: Record<string, Client> = {};
const c = (l: string) => as[l]!;
const pid = (name: string) => unit.personId.get(name)!;
const dept = (i: number) => unit.deptIds[i]!;
const LEADERS = ['王建国', '李红梅', '张志强', '刘海峰', '陈静'];

type Meeting = {
  id: string;
  version: number;
  status: string;
  title: string;
  items: {
    id: string;
    seq: number;
    title: string;
    version: number;
    outcome: string | null;
    positions: { name: string; seq: number }[];
    decisions: { itemId: string; status: string }[];
    followUp: {
      text: string;
      itemId: string;
      ownerName: string;
      status: string;
      statusLabel: string;
      due: string;
      colour: string;
    }[];
    materialsLate: boolean;
    can: Record<string, boolean>;
  }[];
  omittedItems: number;
  minutesNo: string | null;
  can: Record<string, boolean>;
};
let m: Meeting;
const item = (seq: number) => m.items.find((i) => i.seq === seq)!;
const base = { heldOn: '2026-12-03', startsAt: '09:00', place: '局三楼会议室' };

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Meeting;
}
async function refused(res: { statusCode: number; body: string; json: () => { message: string } }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().message;
}
const reload = async () => (m = await ok(await c('secretary').get(`/api/decisions/meetings/${m.id}`)));
const speak = (login: string, itemSeq: number, personName: string, position = 'agree', remark = '') =>
  c(login).post(`/api/decisions/meetings/${m.id}/items/${item(itemSeq).id}/positions`, {
    personId: pid(personName),
    position,
    remark,
  });

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  for (const l of LOGINS) as[l] = await signIn(ctx, unit.user(l));
});

describe('preparing a 党组会', () => {
  it('refuses an unplanned meeting without a reason, and creates nothing', async () => {
    const msg = await refused(await c('office').post('/api/decisions/meetings', { kind: 'party_group', ...base }), 400);
    expect(msg).toBe('计划外召开的会议须说明召开理由（至少2个字）');
    expect((await c('office').get('/api/decisions/meetings')).json().total).toBe(0);
  });

  it('gets the default title, chair (the 党组书记) and members (the leadership), and its agenda', async () => {
    m = await ok(
      await c('office').post('/api/decisions/meetings', {
        kind: 'party_group',
        ...base,
        recorderPersonId: pid('吴婷'),
        unplannedReason: '研究年底资金安排和干部事项',
      }),
    );
    expect(m).toMatchObject({ title: '2026年第1次党组会议', status: 'preparing' });
    const full = m as unknown as { chair: { name: string }; members: { name: string }[]; rulesSource: null };
    expect(full.chair.name).toBe('王建国');
    expect(full.members.map((p) => p.name)).toEqual(LEADERS);
    expect(full.rulesSource).toBeNull();
    const add = (b: object) => c('office').post(`/api/decisions/meetings/${m.id}/items`, b);
    await ok(
      await add({
        title: '2026年度民政资金绩效自评报告',
        proposerDepartmentId: dept(0),
        materialsSentOn: '2026-11-30',
      }),
    );
    await ok(
      await add({
        title: '养老服务中心护理设备采购资金安排',
        category: 'funds',
        amountWan: 48.5,
        proposerDepartmentId: dept(2),
        reporterPersonId: pid('吕芳'),
        attendeeIds: [pid('杨帆')],
        attendeeOthers: '县政协委员 李明（党外人士）',
        recusedIds: [pid('刘海峰')],
        recusalNote: '其亲属参与投标',
        materialsSentOn: '2026-12-02',
      }),
    );
    await ok(
      await add({
        title: '社会救助股副股长人选',
        category: 'cadre',
        attendeeIds: [pid('杨帆')],
        recusedIds: [pid('张志强')],
        materialsSentOn: '2026-11-30',
      }),
    );
    await reload();
    expect(m.items.map((i) => i.seq)).toEqual([1, 2, 3]);
    // Three working days before Thursday 12-03 is Monday 11-30: the funds item's materials came late.
    expect(m.items.map((i) => i.materialsLate)).toEqual([false, true, false]);
  });

  it('refuses a large sum not flagged 三重一大, with the rule’s message, and adds nothing', async () => {
    const msg = await refused(
      await c('office').post(`/api/decisions/meetings/${m.id}/items`, { title: '救灾物资储备库维修', amountWan: 30 }),
      400,
    );
    expect(msg).toBe('涉及资金30万元，达到大额资金标准（10万元），应标注为“三重一大”事项');
    expect((await reload()).items).toHaveLength(3);
  });

  it('refuses an item naming someone of another unit (400), and a 回避 who is not a member', async () => {
    const other = await newDemoUnit(ctx);
    const stranger = other.personId.get('杨帆')!;
    const add = (b: object) => c('office').post(`/api/decisions/meetings/${m.id}/items`, { title: '临时议题', ...b });
    expect(await refused(await add({ attendeeIds: [stranger] }), 400)).toBe('所选人员不存在');
    expect(await refused(await add({ recusedIds: [pid('周凯')] }), 400)).toBe('回避人员应为本次会议的参会成员');
    expect((await reload()).items).toHaveLength(3);
  });
});

describe('notices and versions', () => {
  it('members are told the meeting is scheduled; 列席 of their item, a 干部任免 item not named to them', async () => {
    const inbox = async (l: string) =>
      ((await c(l).get('/api/inbox?pageSize=50')).json().items as { title: string; body: string }[]).map(
        (n) => `${n.title}|${n.body}`,
      );
    expect(await inbox('leader4')).toContain(
      '会议通知|2026年第1次党组会议定于2026-12-03 09:00在局三楼会议室召开，请在“议事决策”中查看议题和材料。',
    );
    const yang = await inbox('member5');
    expect(yang).toContain(
      '列席会议通知|请于2026-12-03 09:00在局三楼会议室列席2026年第1次党组会议“养老服务中心护理设备采购资金安排”议题（第2项）。',
    );
    expect(yang).toContain('列席会议通知|请于2026-12-03 09:00在局三楼会议室列席2026年第1次党组会议一项议题（第3项）。');
    expect(yang.join()).not.toContain('副股长');
  });

  it('an edit from a stale version is refused (409), nothing changed', async () => {
    const stale = m.version - 1;
    const msg = await refused(
      await c('office').put(`/api/decisions/meetings/${m.id}`, {
        title: '改过的名称',
        ...base,
        unplannedReason: '研究年底资金安排和干部事项',
        version: stale,
      }),
      409,
    );
    expect(msg).toBe('该会议已被他人修改，请刷新后再试');
    expect((await reload()).title).toBe('2026年第1次党组会议');
  });
});

describe('who sees the meeting', () => {
  it('a 列席 person reads only their item; a cadre item is hidden from 列席 and from the office', async () => {
    const yang = await ok(await c('member5').get(`/api/decisions/meetings/${m.id}`));
    expect(yang.items.map((i) => i.title)).toEqual(['养老服务中心护理设备采购资金安排']);
    expect(yang.omittedItems).toBe(2);
    expect(yang.can).toMatchObject({ see: true, edit: false });
    // The office prepares the meeting but is neither a member nor its 记录人: the 干部任免 item is not for it.
    const office = await ok(await c('office').get(`/api/decisions/meetings/${m.id}`));
    expect(office.items.map((i) => i.seq)).toEqual([1, 2]);
    expect(office.omittedItems).toBe(1);
    const member = await ok(await c('leader4').get(`/api/decisions/meetings/${m.id}`));
    expect(member.items.map((i) => i.seq)).toEqual([1, 2, 3]);
  });

  it('a member of a department who is not in the meeting gets 404; so does another unit, and the administrator', async () => {
    for (const l of ['member1', 'admin']) {
      const msg = await refused(await c(l).get(`/api/decisions/meetings/${m.id}`), 404);
      expect(msg).toBe('议事会议不存在或无权查看');
      expect((await c(l).get('/api/decisions/meetings')).json().total).toBe(0);
    }
    const other = await newDemoUnit(ctx);
    const otherOffice = await signIn(ctx, other.user('office'));
    expect((await otherOffice.get(`/api/decisions/meetings/${m.id}`)).statusCode).toBe(404);
    expect(
      (await otherOffice.post(`/api/decisions/meetings/${m.id}/items`, { title: '别的单位的议题' })).statusCode,
    ).toBe(404);
  });

  it('the list shows the meeting to its members and 列席, searchable by the items they may read', async () => {
    expect((await c('leader4').get('/api/decisions/meetings')).json().total).toBe(1);
    expect((await c('member5').get('/api/decisions/meetings?q=采购')).json().total).toBe(1);
    expect((await c('member5').get('/api/decisions/meetings?q=副股长')).json().total).toBe(0);
    expect((await c('office').get('/api/decisions/meetings?q=副股长')).json().total).toBe(0);
    expect((await c('secretary').get('/api/decisions/meetings?q=副股长')).json().total).toBe(1);
  });
});

describe('a 三重一大 item at a 局长办公会', () => {
  it('is refused at agenda time with the rule’s message, nothing added', async () => {
    const d = await ok(
      await c('office').post('/api/decisions/meetings', {
        kind: 'director_office',
        ...base,
        heldOn: '2026-12-04',
        unplannedReason: '研究日常事务',
      }),
    );
    expect(d.title).toBe('2026年第1次局长办公会议');
    const msg = await refused(
      await c('office').post(`/api/decisions/meetings/${d.id}/items`, {
        title: '养老服务中心设备采购',
        category: 'funds',
        amountWan: 48.5,
      }),
      400,
    );
    expect(msg).toBe('“三重一大”事项（大额资金使用）只能提交党组会议集体研究决定，不能在局长办公会议上决定');
    expect((await ok(await c('office').get(`/api/decisions/meetings/${d.id}`))).items).toHaveLength(0);
  });
});

describe('in session: 一把手末位表态, quorum, decisions', () => {
  it('opens with attendance: four present, 陈静 on leave', async () => {
    await reload();
    m = await ok(
      await c('office').post(`/api/decisions/meetings/${m.id}/open`, {
        presentIds: ['王建国', '李红梅', '张志强', '刘海峰'].map(pid),
        absences: [{ personId: pid('陈静'), reason: '公出' }],
        version: m.version,
      }),
    );
    expect(m.status).toBe('in_session');
    await reload();
  });

  it('refuses the secretary before the others, with nothing recorded; then records him last', async () => {
    const msg = await refused(await speak('office', 1, '王建国'), 400);
    expect(msg).toBe('主要负责人应当最后表态：还有3名成员未表态');
    expect((await reload()).items[0]!.positions).toHaveLength(0);
    await ok(await speak('office', 1, '李红梅', 'agree', '报告客观反映了资金绩效'));
    await ok(await speak('office', 1, '张志强'));
    await ok(await speak('office', 1, '刘海峰', 'agree', '建议补充养老资金部分'));
    m = await ok(await speak('office', 1, '王建国', 'agree', '按大家意见修改后报县财政局'));
    expect(item(1).positions.map((p) => p.name)).toEqual(['李红梅', '张志强', '刘海峰', '王建国']);
    expect(await refused(await speak('office', 1, '李红梅', 'disagree'), 400)).toBe('该成员已经表态，表态顺序不能更改');
  });

  it('refuses an adopted item without any 议定事项 (unless only noted), nothing changed', async () => {
    const msg = await refused(
      await c('office').post(`/api/decisions/meetings/${m.id}/items/${item(1).id}/decide`, {
        outcome: 'adopted',
        conclusion: '原则通过',
        decisions: [],
        version: item(1).version,
      }),
      400,
    );
    expect(msg).toBe('通过的议题须至少写明一条议定事项（责任人、牵头科室和完成时限）');
    expect((await reload()).items[0]!.outcome).toBeNull();
  });

  it('decides item 1 with a 议定事项, which becomes a supervised item', async () => {
    m = await ok(
      await c('office').post(`/api/decisions/meetings/${m.id}/items/${item(1).id}/decide`, {
        outcome: 'adopted',
        conclusion: '原则通过绩效自评报告，按会议意见修改完善后报送',
        decisions: [
          {
            text: '修改完善绩效自评报告并报送县财政局',
            ownerPersonId: pid('周凯'),
            leadDepartmentId: dept(0),
            due: '2026-12-18',
          },
        ],
        version: item(1).version,
      }),
    );
    expect(item(1)).toMatchObject({ outcome: 'adopted' });
    expect(item(1).decisions).toHaveLength(1);
  });

  it('the funds item: 刘海峰 回避, three voters make a quorum of five; the secretary last', async () => {
    expect(await refused(await speak('office', 2, '刘海峰'), 400)).toBe('只有到会且不回避的成员才能表态');
    await ok(await speak('office', 2, '张志强', 'agree'));
    expect(await refused(await speak('office', 2, '王建国'), 400)).toBe('主要负责人应当最后表态：还有1名成员未表态');
    await ok(await speak('office', 2, '李红梅', 'agree', '注意采购程序合规'));
    m = await ok(await speak('office', 2, '王建国', 'agree'));
    m = await ok(
      await c('office').post(`/api/decisions/meetings/${m.id}/items/${item(2).id}/decide`, {
        outcome: 'adopted',
        conclusion: '同意安排护理设备采购资金48.5万元，按政府采购程序办理',
        decisions: [
          {
            text: '按政府采购程序完成护理设备采购',
            ownerPersonId: pid('吕芳'),
            leadDepartmentId: dept(2),
            due: '2027-01-29',
          },
        ],
        version: item(2).version,
      }),
    );
    expect(item(2).decisions).toHaveLength(1);
  });

  it('the cadre item: without a two-thirds quorum no decision is recorded, nothing changed; it is deferred', async () => {
    await reload();
    const before = await c('office').get('/api/items?source=decision&pageSize=100');
    const decide = (outcome: string) =>
      c('secretary').post(`/api/decisions/meetings/${m.id}/items/${item(3).id}/decide`, {
        outcome,
        conclusion: outcome === 'deferred' ? '到会人数不足，下次会议再议' : '同意',
        decisions: [],
        noted: outcome === 'adopted',
        version: item(3).version,
      });
    // Recorded by the office, a 干部任免 item it may not read is not found.
    expect((await speak('office', 3, '李红梅')).statusCode).toBe(404);
    expect(await refused(await decide('adopted'), 400)).toBe(
      '到会人数不足，不能作出决定：讨论干部任免须有三分之二以上成员到会（应到5人，至少4人），实到且不回避的3人',
    );
    await reload();
    expect(item(3).outcome).toBeNull();
    expect((await c('office').get('/api/items?source=decision&pageSize=100')).json().total).toBe(before.json().total);
    m = await ok(await decide('deferred'));
    expect(item(3).outcome).toBe('deferred');
  });

  it('two decisions are supervised items in /api/items, source decision, with owner and due', async () => {
    const items = (await c('office').get('/api/items?source=decision&pageSize=100')).json().items as {
      source: string;
      sourceRef: string;
      ownerName: string;
      due: string;
      title: string;
    }[];
    expect(items.map((i) => [i.sourceRef, i.ownerName, i.due]).sort()).toEqual([
      ['2026年第1次党组会议 议题1', '周凯', '2026-12-18'],
      ['2026年第1次党组会议 议题2', '吕芳', '2027-01-29'],
    ]);
    expect(items.every((i) => i.source === 'decision')).toBe(true);
  });

  it('closes with the minutes number and the time spent', async () => {
    m = await ok(
      await c('office').post(`/api/decisions/meetings/${m.id}/close`, { durationMinutes: 75, version: m.version }),
    );
    expect(m).toMatchObject({ status: 'closed', minutesNo: '〔2026〕1号' });
  });
});

describe('the minutes', () => {
  it('the .docx is a valid docx with the positions in speaking order, the chair last', async () => {
    const res = await c('secretary').get(`/api/decisions/meetings/${m.id}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0].replace(/<[^>]+>/g, ''));
    expect(text[0]).toBe('中共示例县民政局党组会议纪要');
    expect(text).toContain('〔2026〕1号');
    expect(text).toContain('请假：陈静（公出）');
    const order = ['李红梅同意：报告客观反映了资金绩效。', '张志强同意。', '刘海峰同意：建议补充养老资金部分。'];
    const at = order.map((s) => text.indexOf(s));
    const chair = text.indexOf('王建国同意：按大家意见修改后报县财政局。');
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at, chair]).toEqual([...at, chair].sort((a, b) => a - b));
    expect(text).toContain('刘海峰回避本议题。');
    expect(text.some((p) => p.includes('社会救助股副股长人选'))).toBe(true);
  });

  it('a 列席 reader’s copy holds only their item, with a line saying the others are left out', async () => {
    const res = await c('member5').get(`/api/decisions/meetings/${m.id}/minutes.docx`);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('养老服务中心护理设备采购资金安排');
    expect(xml).not.toContain('社会救助股副股长人选');
    expect(xml).not.toContain('绩效自评报告');
    expect(xml).toContain('另有2项议题不在您的阅知范围内，本份纪要未予列入。');
  });
});

describe('the next 党组会 (measure 26)', () => {
  it('opens with the follow-up of the last one’s decisions, their state read from the items', async () => {
    const next = await ok(
      await c('office').post('/api/decisions/meetings', {
        kind: 'party_group',
        heldOn: '2026-12-17',
        unplannedReason: '研究年终工作',
      }),
    );
    expect(next.title).toBe('2026年第2次党组会议');
    const first = next.items[0]!;
    expect(first).toMatchObject({ seq: 1, title: '上次会议议定事项落实情况' });
    expect(first.followUp.map((d) => [d.text, d.ownerName, d.statusLabel, d.due])).toEqual([
      ['修改完善绩效自评报告并报送县财政局', '周凯', '待签收', '2026-12-18'],
      ['按政府采购程序完成护理设备采购', '吕芳', '待签收', '2027-01-29'],
    ]);
  });

  it('the follow-up report is heard and noted (知悉), needing no positions; a withdrawn meeting keeps its reason', async () => {
    const list = (await c('office').get('/api/decisions/meetings?year=2026&kind=party_group&status=preparing')).json();
    let next = list.items[0] as { id: string; version: number };
    next = await ok(
      await c('secretary').post(`/api/decisions/meetings/${next.id}/items`, {
        title: '社会救助股副股长人选（续议）',
        category: 'cadre',
      }),
    );
    const held = await ok(
      await c('office').post(`/api/decisions/meetings/${next.id}/open`, {
        presentIds: LEADERS.map(pid),
        version: next.version,
      }),
    );
    const report = held.items[0]!;
    expect(report.can).toMatchObject({ recordPosition: false, decide: true });
    const noted = await ok(
      await c('office').post(`/api/decisions/meetings/${next.id}/items/${report.id}/decide`, {
        outcome: 'adopted',
        noted: true,
        conclusion: '会议听取了上次会议议定事项落实情况',
        version: report.version,
      }),
    );
    expect(noted.items[0]!.outcome).toBe('adopted');
    // A 干部任免 decision is a ledger item like any other: the item's title stays out of it.
    // The office does not read it: the secretary records it.
    expect(noted.items).toHaveLength(1);
    const cadre = (await ok(await c('secretary').get(`/api/decisions/meetings/${next.id}`))).items[1]!;
    for (const name of ['李红梅', '张志强', '刘海峰', '陈静', '王建国'])
      await ok(
        await c('secretary').post(`/api/decisions/meetings/${next.id}/items/${cadre.id}/positions`, {
          personId: pid(name),
          position: 'agree',
        }),
      );
    await ok(
      await c('secretary').post(`/api/decisions/meetings/${next.id}/items/${cadre.id}/decide`, {
        outcome: 'adopted',
        conclusion: '同意提名人选',
        decisions: [
          { text: '按程序办理任职手续', ownerPersonId: pid('赵敏'), leadDepartmentId: dept(0), due: '2026-12-31' },
        ],
        version: cadre.version,
      }),
    );
    const ledger = (await c('office').get('/api/items?source=decision&pageSize=100')).json().items as {
      title: string;
      content: string;
    }[];
    const made = ledger.find((i) => i.title === '按程序办理任职手续')!;
    expect(made.content).toBe('2026年第2次党组会议第2项议题议定：按程序办理任职手续');
    const d = (await c('office').get('/api/decisions/meetings?kind=director_office')).json().items[0];
    const withdrawn = await ok(
      await c('office').post(`/api/decisions/meetings/${d.id}/withdraw`, {
        reason: '议题并入党组会议',
        version: d.version,
      }),
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnReason: '议题并入党组会议' });
  });
});

describe('the annual plan (measure 38)', () => {
  const entry = async (unitId: string, kind: string, title: string) => {
    const at = ctx.clock.now();
    const [e] = await ctx.database.db
      .insert(planEntries)
      .values({
        unitId,
        year: 2026,
        kind,
        subKind: 'party_group',
        title,
        month: 12,
        createdBy: unit.admin.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    return e!.id;
  };
  it('a meeting names the plan entry it fulfils; a document entry or another unit’s is refused', async () => {
    const create = (planEntryId: string) =>
      c('office').post('/api/decisions/meetings', { kind: 'party_group', heldOn: '2026-12-24', planEntryId });
    const before = (await c('office').get('/api/decisions/meetings')).json().total;
    for (const id of [
      await entry(unit.unit.id, 'document', '年度工作总结'),
      await entry((await newDemoUnit(ctx)).unit.id, 'meeting', '别的单位的会议'),
    ])
      expect(await refused(await create(id), 400)).toBe('所选年度计划中的会议不存在或已撤销');
    expect((await c('office').get('/api/decisions/meetings')).json().total).toBe(before);
    const planned = (await ok(await create(await entry(unit.unit.id, 'meeting', '12月党组会议')))) as unknown as {
      planned: boolean;
      planEntry: { title: string };
      unplannedReason: string | null;
    };
    expect(planned).toMatchObject({ planned: true, planEntry: { title: '12月党组会议' }, unplannedReason: null });
  });
});
