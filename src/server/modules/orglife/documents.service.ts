import type { Actor } from '../../../domain/roles.js';
import { TALK_KIND_LABELS, type TalkKind } from '../../../domain/talk-plan.js';
import { meetingReportBlocks } from '../../../domain/report-text/meeting-report.js';
import { scrub, sentence } from '../../../domain/report-text/text.js';
import { AUDIENCES } from '../../../shared/contracts/opinions.js';
import { STUDY_KINDS, type Entry } from '../../../shared/contracts/orglife.js';
import { chineseNumeral, officialDocument, type Block } from '../../docx/official.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { campaignsRepo } from '../campaigns/campaigns.repo.js';
import { getList } from './lists.service.js';
import { meetingDetail, meetingOr404 } from './meetings.service.js';
import { orglifeRepo } from './orglife.repo.js';
import { rectificationList } from './rectification.service.js';

const cn = chineseNumeral;
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DOCX_TYPE = docx;

/**
 * 专题组织生活会情况报告 to the upper level. The sentences are domain/report-text/meeting-report's:
 * here only the facts are gathered — what the records hold, never what the meeting should have had.
 */
export async function situationReport(deps: AppDeps, actor: Actor, meetingId: string) {
  await meetingOr404(deps, actor, meetingId, 'report', { preparing: '会议召开后才能生成情况报告' });
  const m = await meetingDetail(deps, actor, meetingId);
  const [unit, study, talks, rect, categories, audiences, lists] = await Promise.all([
    orgRepo.unit(deps.db, actor.unitId),
    orglifeRepo.studySessions(deps.db, actor.unitId, meetingId),
    orglifeRepo.talks(deps.db, actor.unitId, meetingId),
    rectificationList(deps, actor, meetingId),
    m.campaignId ? campaignsRepo.categories(deps.db, actor.unitId, m.campaignId) : Promise.resolve([]),
    m.formId ? orglifeRepo.responseAudiences(deps.db, actor.unitId, m.formId) : Promise.resolve([]),
    orglifeRepo.lists(deps.db, actor.unitId, meetingId),
  ]);
  const f = m.figures;
  const held = talks.filter((t) => !t.voidedReason);
  const names = new Map(m.people.map((p) => [p.id, p.name]));
  const cats = new Map(categories.map((c) => [c.no, c.title]));
  const blocks = meetingReportBlocks({
    unitName: unit!.name,
    meetingTitle: m.title,
    heldOn: m.heldOn ?? '',
    place: m.place,
    members: f.members,
    study: study
      .filter((s) => !s.withdrawnReason)
      .map((s) => ({
        kindLabel: STUDY_KINDS[s.kind as keyof typeof STUDY_KINDS] ?? s.kind,
        signedIn: (s.signedIn as string[]).length,
        materials: (s.materials as { title: string }[]).map((x) => x.title),
      })),
    opinions: {
      formLinked: !!m.formId,
      responses: f.responses,
      audiences: audiences.map((a) => AUDIENCES[a as keyof typeof AUDIENCES] ?? a),
      items: f.opinionItems,
      unclassified: f.opinionsUnclassified,
      adopted: f.adopted,
      aboutPersons: f.aboutPersons,
    },
    lists: {
      approved: f.listsApproved,
      expected: f.members,
      branchApproved: lists.some((l) => !l.personId && l.status === 'approved'),
    },
    talks: {
      planned: f.talksPlanned,
      plannedDone: f.talksPlannedDone,
      held: f.talksHeld,
      byKind: Object.entries(TALK_KIND_LABELS).map(([k, label]) => ({
        label,
        count: held.filter((t) => t.kind === (k as TalkKind)).length,
      })),
      membersTalked: f.membersTalked,
    },
    attendance: {
      present: f.present,
      pct: f.attendancePct,
      absent: m.attendance
        .filter((a) => !a.present)
        .map((a) => ({ name: names.get(a.personId) ?? '', reason: a.reason })),
    },
    secretaryReported: !!m.secretaryReport.trim(),
    selfCriticisms: new Set(m.selfCriticisms.map((s) => s.personId)).size,
    criticisms: m.criticisms.length,
    problems: problemsByCategory(rect.rows, cats),
    rectification: rect.rows.map((r) => ({
      measures: r.measures,
      owner: r.ownerName || null,
      due: r.itemDue ?? r.due,
    })),
    inLedger: rect.rows.filter((r) => r.itemId).length,
    override: m.holdOverride,
  });
  const title = `${unit!.name}党支部关于召开${m.title}情况的报告`;
  return { fileName: `${title}.docx`, data: await officialDocument({ title, blocks }) };
}

/** The readable problems of the lists grouped by category, categories in order, the others last. */
function problemsByCategory(
  rows: { readable: boolean; categoryNo: number | null; problem: string }[],
  cats: Map<number, string>,
) {
  const groups = new Map<number, string[]>();
  for (const r of rows.filter((x) => x.readable)) {
    const k = r.categoryNo ?? 0;
    groups.set(k, [...(groups.get(k) ?? []), r.problem]);
  }
  return [...groups]
    .sort(([a], [b]) => (a || 999) - (b || 999))
    .map(([k, problems]) => ({ category: k ? (cats.get(k) ?? `第${k}类`) : '其他方面', problems }));
}

/** 发言提纲 from a member's list: the problems by category with their appearance, the causes, the next steps. */
export async function statementOutline(deps: AppDeps, actor: Actor, listId: string) {
  const l = await getList(deps, actor, listId);
  const entries = l.entries as Entry[];
  if (entries.length === 0) throw badRequest('清单为空，无法生成发言提纲');
  const cat = new Map(l.categories.map((c) => [c.no, c.title]));
  const blocks: Block[] = [{ kind: 'h1', text: '一、存在的问题' }];
  entries.forEach((e, i) => {
    blocks.push({
      kind: 'h2',
      text: `（${cn(i + 1)}）${e.categoryNo ? (cat.get(e.categoryNo) ?? `第${e.categoryNo}类`) : '其他方面'}`,
    });
    const appearance = scrub(e.appearance);
    blocks.push({ kind: 'p', text: `${appearance ? sentence(appearance) : ''}${sentence(scrub(e.shortfall))}` });
  });
  blocks.push({ kind: 'h1', text: '二、原因剖析' });
  const causes = entries.map((e) => scrub(e.causes)).filter(Boolean);
  causes.forEach((c, i) => blocks.push({ kind: 'p', text: `${i + 1}.${sentence(c)}` }));
  if (causes.length === 0) blocks.push({ kind: 'p', text: '清单中尚未填写原因剖析。' });
  blocks.push({ kind: 'h1', text: '三、下步打算' });
  const next = entries.map((e) => scrub(e.nextSteps)).filter(Boolean);
  next.forEach((t, i) => blocks.push({ kind: 'p', text: `${i + 1}.${sentence(t)}` }));
  if (next.length === 0) blocks.push({ kind: 'p', text: '清单中尚未填写下步打算。' });
  const title = l.personId ? `${l.ownerName}同志专题组织生活会发言提纲` : '党支部专题组织生活会问题查摆情况';
  return {
    fileName: `${title}.docx`,
    data: await officialDocument({ title, subtitle: '（兴“十风”治“十弊”）', blocks }),
  };
}
