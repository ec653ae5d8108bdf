/**
 * Compliance read for many units at once (complianceInputsOf, the dashboard's refresh) equals each unit's own:
 * three units whose campaigns run different spans, activities inside and outside them, a withdrawn one; each unit's
 * inputs hold its own activities within its own span only, its rules come out as its own rules page says, and a
 * refresh in chunks of two writes the figures a refresh of one unit at a time writes.
 */
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaigns, unitFigures, unitRuleFigures } from '../src/server/db/schema/index.js';
import { refreshUnitFigures } from '../src/server/jobs/unit-figures-refresh.js';
import { campaignsRepo } from '../src/server/modules/campaigns/campaigns.repo.js';
import { complianceInputsOf, complianceOf } from '../src/server/modules/campaigns/compliance.service.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
const units: { id: string; office: Client; campaignId: string; span: [string, string] }[] = [];
const SPANS: [string, string][] = [
  ['2026-01-01', '2026-12-31'],
  ['2026-07-01', '2026-12-31'],
  ['2026-01-01', '2026-06-30'],
];
const TODAY = '2026-11-30';

beforeAll(async () => {
  ctx = await testApp();
  for (const [i, span] of SPANS.entries()) {
    const unit = await newDemoUnit(ctx);
    const office = await signIn(ctx, unit.user('office'));
    const made = await office.post('/api/campaigns', {
      name: `作风建设${i}`,
      year: 2026,
      startsOn: span[0],
      endsOn: span[1],
    });
    expect(made.statusCode, made.body).toBe(200);
    const campaignId = made.json().id as string;
    // Activities outside the campaign's span are the unit's own, of no campaign: its rules must not count them.
    const record = async (kind: string, heldOn: string, type = 'study') => {
      const inSpan = heldOn >= span[0] && heldOn <= span[1];
      const res = await office.post('/api/activities', {
        campaignId: inSpan ? campaignId : null,
        type,
        kind,
        title: `${kind} ${heldOn}`,
        heldOn,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    };
    // Before, inside and after the narrower spans; a different number in each unit so no two are alike.
    for (const day of ['2026-03-10', '2026-05-20', '2026-08-12', '2026-10-08'].slice(0, 2 + i))
      await record('party_law_study', day);
    await record('warning_education', '2026-09-15', 'education');
    await record('weekly_work_meeting', '2026-11-23', 'meeting');
    const withdrawn = await record('party_law_study', '2026-11-02');
    const w = await office.post(`/api/activities/${withdrawn}/withdraw`, { reason: '重复登记' });
    expect(w.statusCode, w.body).toBe(200);
    units.push({ id: unit.unit.id, office, campaignId, span });
  }
});

const campaignRowsOf = async () =>
  ctx.database.db
    .select()
    .from(campaigns)
    .where(
      inArray(
        campaigns.id,
        units.map((u) => u.campaignId),
      ),
    );

describe('compliance of many units at once', () => {
  it("gives each unit its own activities within its own campaign's span, and its own rules", async () => {
    const rows = await campaignRowsOf();
    const inputs = await complianceInputsOf(ctx.database.db, rows);
    expect(inputs.map((x) => x.campaign.unitId).sort()).toEqual(units.map((u) => u.id).sort());
    for (const u of units) {
      const x = inputs.find((y) => y.campaign.unitId === u.id)!;
      const alone = await campaignsRepo.activityFacts(ctx.database.db, u.id, u.span[0], u.span[1]);
      expect(x.activities.map((a) => a.id).sort()).toEqual(alone.map((a) => a.id).sort());
      expect(x.activities.every((a) => a.unitId === u.id && a.active)).toBe(true);
      expect(x.activities.every((a) => a.date >= u.span[0] && a.date <= u.span[1])).toBe(true);
      // What the office's rules page says of each rule, the batch says too.
      const page = (await u.office.get(`/api/campaigns/${u.campaignId}/rules`)).json() as {
        id: string;
        summary: Record<string, number>;
      }[];
      const batch = complianceOf(x, TODAY, null);
      expect(batch.map((r) => [r.rule.id, r.summary])).toEqual(page.map((r) => [r.id, r.summary]));
    }
    // The spans differ, and so do the counts: two study sessions in the first and third units, one in the second.
    const studies = (unitId: string) =>
      inputs.find((y) => y.campaign.unitId === unitId)!.activities.filter((a) => a.kind === 'party_law_study').length;
    expect(units.map((u) => studies(u.id))).toEqual([2, 1, 2]);
  });

  it('refuses two campaigns of one unit in one read', async () => {
    const [row] = await campaignRowsOf();
    await expect(complianceInputsOf(ctx.database.db, [row!, row!])).rejects.toThrow(/one campaign per unit/);
  });

  it('a refresh in chunks writes what a refresh of one unit at a time writes', async () => {
    const now = new Date(`${TODAY}T02:00:00Z`);
    const ids = units.map((u) => u.id);
    const read = async () => {
      const figures = await ctx.database.db
        .select({ unitId: unitFigures.unitId, met: unitFigures.rulesMet, decided: unitFigures.rulesDecided })
        .from(unitFigures)
        .where(inArray(unitFigures.unitId, ids));
      const cells = await ctx.database.db
        .select({ unitId: unitRuleFigures.unitId, title: unitRuleFigures.ruleTitle, met: unitRuleFigures.met })
        .from(unitRuleFigures)
        .where(inArray(unitRuleFigures.unitId, ids));
      const key = (r: { unitId: string; title?: string }) => `${r.unitId} ${r.title ?? ''}`;
      return {
        figures: figures.sort((a, b) => key(a).localeCompare(key(b))),
        cells: cells.sort((a, b) => key(a).localeCompare(key(b))),
      };
    };
    for (const id of ids) await refreshUnitFigures(ctx.database.db, now, [id]);
    const oneByOne = await read();
    expect(oneByOne.figures.every((f) => f.decided !== null && f.decided > 0)).toBe(true);
    await ctx.database.db.delete(unitRuleFigures).where(inArray(unitRuleFigures.unitId, ids));
    await ctx.database.db
      .update(unitFigures)
      .set({ rulesMet: null, rulesDecided: null })
      .where(eq(unitFigures.unitId, ids[0]!));
    const r = await refreshUnitFigures(ctx.database.db, now, ids, 2);
    expect(r.units).toBe(3);
    expect(await read()).toEqual(oneByOne);
  });
});
