import { describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp } from './helpers.js';

interface Figure {
  key: string;
  count: number;
  to: string;
  query: Record<string, string> | null;
}

/** Every ledger-counted figure of a workbench section. */
const figuresOf = (sections: Record<string, { figures?: Figure[] } | null>) =>
  Object.values(sections).flatMap((s) => s?.figures ?? []);

/** Fixed clock 2026-11-30 (Monday): what each demo login's sections hold (demo-work.ts). */
const EXPECTED: Record<string, { shown: string[]; counts: Record<string, number> }> = {
  office: {
    shown: ['office', 'member'],
    counts: { overdue: 3, dueSoon: 3, unsigned: 3, review: 1, reportMissing: 0, extensionPending: 1 },
  },
  secretary: { shown: ['leader', 'member'], counts: { overdue: 3, dueSoon: 3, led: 0, review: 1 } },
  leader1: { shown: ['leader', 'member'], counts: { chargeOverdue: 1, chargeOpen: 3, led: 3, review: 0 } },
  leader2: { shown: ['leader', 'member'], counts: { chargeOverdue: 2, chargeOpen: 5, led: 5, review: 1 } },
  leader4: { shown: ['leader', 'member'], counts: { chargeOverdue: 0, chargeOpen: 0, led: 0, review: 0 } },
  branch: {
    shown: ['member', 'head', 'branch'],
    counts: { red: 1, yellow: 1, green: 1, underReview: 0, unsigned: 1, review: 0 },
  },
  member5: {
    shown: ['member', 'head'],
    counts: { red: 2, yellow: 0, green: 1, underReview: 1, unsigned: 1, review: 0 },
  },
  member1: { shown: ['member'], counts: {} },
};

const ctx = await testApp();

describe('workbench per role on the demo unit with its sample work', async () => {
  const demo = await newDemoUnit(ctx, { sampleWork: true });

  it.each(['office', 'secretary', 'leader1', 'leader2', 'leader4', 'branch', 'member5', 'member1'])(
    '%s: each figure equals the ledger total with the same filter, and links to it',
    async (login) => {
      const client = await signIn(ctx, demo.user(login));
      const res = await client.get('/api/workbench');
      expect(res.statusCode).toBe(200);
      const wb = res.json();
      const figures = figuresOf(wb.sections);
      for (const f of figures) {
        expect(f.query, f.key).not.toBeNull();
        expect(f.to).toBe(`/items?${new URLSearchParams(f.query!)}`);
        const page = await client.get(`/api/items?${new URLSearchParams({ ...f.query!, pageSize: '100' })}`);
        expect(page.statusCode, `${login} ${f.key}`).toBe(200);
        expect(page.json().total, `${login} ${f.key}`).toBe(f.count);
      }
      const counts = Object.fromEntries(figures.map((f) => [f.key, f.count]));
      const shown = Object.keys(wb.sections).filter((k) => wb.sections[k]);
      expect({ shown, counts }).toEqual(EXPECTED[login]);
    },
  );

  it("a member's tasks are the open items they handle, soonest first, with the working days left", async () => {
    const wb = (await (await signIn(ctx, demo.user('member1'))).get('/api/workbench')).json();
    const tasks = wb.sections.member.tasks as { title: string; due: string; workingDaysLeft: number; status: string }[];
    expect(tasks.map((t) => [t.title, t.status, t.due, t.workingDaysLeft])).toEqual([
      ['报送本季度作风建设督查材料', 'assigned', '2026-12-01', 1],
      ['整理年度作风建设工作台账', 'in_progress', '2026-12-08', 6],
    ]);
    const mine = (await (await signIn(ctx, demo.user('member1'))).get('/api/items/mine?open=true')).json();
    expect(mine.total).toBe(wb.sections.member.total);
  });

  it('the approvals list holds the extensions the reader decides, by the item policy', async () => {
    const approvalsOf = async (login: string) =>
      (await (await signIn(ctx, demo.user(login))).get('/api/workbench')).json().sections.leader.approvals;
    const secretary = await approvalsOf('secretary');
    expect(secretary.map((a: { title: string }) => a.title)).toEqual(['居家养老服务补贴核对']);
    expect(secretary[0]).toMatchObject({ canDecideExtension: true, extension: { extraDays: 5 } });
    // 张志强 is 分管 of 养老服务股, so the item's leader; 李红梅 is not.
    expect(await approvalsOf('leader2')).toHaveLength(1);
    expect(await approvalsOf('leader1')).toEqual([]);
  });

  it("the office's today list: overdue, then due today, each with 催办", async () => {
    const wb = (await (await signIn(ctx, demo.user('office'))).get('/api/workbench')).json();
    const today = wb.sections.office.today as { title: string; due: string; canChase: boolean }[];
    expect(today.map((i) => i.title)).toEqual([
      '低保对象动态复核',
      '机关公文处理情况自查',
      '特困人员供养资金发放核查',
      '养老机构消防安全排查',
    ]);
    expect(today.every((i) => i.canChase)).toBe(true);
  });

  it("a leader's departments' standing counts by the ledger's figures", async () => {
    const wb = (await (await signIn(ctx, demo.user('leader2'))).get('/api/workbench')).json();
    expect(
      wb.sections.leader.departments.map((d: { name: string; open: number; overdue: number }) => [
        d.name,
        d.open,
        d.overdue,
      ]),
    ).toEqual([
      ['社会救助股', 3, 2],
      ['养老服务股', 2, 0],
    ]);
  });
});

describe("the workbench's obligations at risk follow the campaign's compliance", async () => {
  const demo = await newDemoUnit(ctx);
  const office = await signIn(ctx, demo.user('office'));
  const campaignId = (
    await office.post('/api/campaigns', {
      name: '作风建设年',
      year: 2026,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    })
  ).json().id as string;
  for (const subject of [{ kind: 'leadership' }, { kind: 'each_department' }])
    await office.post(`/api/campaigns/${campaignId}/rules`, {
      title: `每季度学习（${subject.kind}）`,
      subject,
      activityKinds: ['study'],
      period: 'quarter',
    });
  // The campaign's rules (its template's and the two above) as the rule list shows them, with each one's cells.
  type Rule = { id: string; summary: { atRisk: number; missed: number } };
  const rules = (await office.get(`/api/campaigns/${campaignId}/rules`)).json() as Rule[];
  type Cell = { subjectKey: string; status: string };
  const cells: Cell[] = [];
  for (const r of rules)
    cells.push(...(await office.get(`/api/campaigns/${campaignId}/rules/${r.id}/compliance`)).json().cells);
  const tally = (keep: (c: Cell) => boolean) => ({
    atRisk: cells.filter((c) => keep(c) && c.status === 'at_risk').length,
    missed: cells.filter((c) => keep(c) && c.status === 'missed').length,
  });
  const sectionsOf = async (login: string) =>
    (await (await signIn(ctx, demo.user(login))).get('/api/workbench')).json().sections;

  it('office and 党组书记: every cell of the unit; a 班子成员: their own and their departments’', async () => {
    const all = {
      atRisk: rules.reduce((n, r) => n + r.summary.atRisk, 0),
      missed: rules.reduce((n, r) => n + r.summary.missed, 0),
    };
    expect(all.atRisk + all.missed).toBeGreaterThan(0);
    expect((await sectionsOf('office')).office.campaign).toMatchObject({ id: campaignId, scope: 'unit', ...all });
    expect((await sectionsOf('secretary')).leader.campaign).toMatchObject({ scope: 'unit', ...all });
    const leader1 = await sectionsOf('leader1');
    const people = (await office.get('/api/people?pageSize=100')).json().items as { id: string; name: string }[];
    const depts = (await office.get('/api/departments')).json() as { id: string; name: string }[];
    const mine = new Set([
      people.find((p) => p.name === '李红梅')!.id,
      depts.find((d) => d.name === '综合科（办公室）')!.id,
    ]);
    const expected = tally((c) => mine.has(c.subjectKey));
    expect(expected.atRisk + expected.missed).toBeGreaterThan(0);
    expect(leader1.leader.campaign).toMatchObject({ scope: 'mine', ...expected });
    // 杨帆 heads 社会救助股: the department's cells and the head's own.
    const head = await sectionsOf('member5');
    const theirs = new Set([depts.find((d) => d.name === '社会救助股')!.id, people.find((p) => p.name === '杨帆')!.id]);
    expect(head.head.campaign).toMatchObject({ scope: 'mine', ...tally((c) => theirs.has(c.subjectKey)) });
  });
});

describe("the branch secretary's section", async () => {
  const demo = await newDemoUnit(ctx);
  const branch = await signIn(ctx, demo.user('branch'));

  it('shows the meeting being prepared with the readiness checklist its page shows', async () => {
    expect((await branch.get('/api/workbench')).json().sections.branch).toEqual({ meeting: null });
    const m = (await branch.post('/api/org-life', { title: '2026年度组织生活会', plannedOn: '2026-12-28' })).json();
    const detail = (await branch.get(`/api/org-life/${m.id}`)).json();
    const section = (await branch.get('/api/workbench')).json().sections.branch;
    expect(section.meeting).toMatchObject({ id: m.id, title: '2026年度组织生活会', ready: false });
    expect(section.meeting.checks.map((c: { label: string; gap: string }) => [c.label, c.gap])).toEqual(
      detail.readiness.checks.map((c: { label: string; gap: string }) => [c.label, c.gap]),
    );
    expect(section.meeting.checks.length).toBeGreaterThan(0);
  });
});
