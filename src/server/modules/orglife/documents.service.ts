import type { Actor } from '../../../domain/roles.js';
import { TALK_KIND_LABELS, type TalkKind } from '../../../domain/talk-plan.js';
import type { Entry } from '../../../shared/contracts/orglife.js';
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
/** A sentence ends with a full stop unless it already ends with punctuation. */
const sentence = (t: string) => (/[。！？；.!?;：:]$/.test(t.trim()) ? t.trim() : `${t.trim()}。`);
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DOCX_TYPE = docx;

/**
 * 专题组织生活会情况报告 to the upper level, written from the data: preparation (study, opinions
 * collected and adopted, talks), the meeting (attendance, criticism), the problems found per
 * category and the rectification measures.
 */
export async function situationReport(deps: AppDeps, actor: Actor, meetingId: string) {
  await meetingOr404(deps, actor, meetingId, 'report', { preparing: '会议召开后才能生成情况报告' });
  const m = await meetingDetail(deps, actor, meetingId);
  const [unit, study, talks, rect, categories] = await Promise.all([
    orgRepo.unit(deps.db, actor.unitId),
    orglifeRepo.studySessions(deps.db, actor.unitId, meetingId),
    orglifeRepo.talks(deps.db, actor.unitId, meetingId),
    rectificationList(deps, actor, meetingId),
    m.campaignId ? campaignsRepo.categories(deps.db, actor.unitId, m.campaignId) : Promise.resolve([]),
  ]);
  const f = m.figures;
  const held = talks.filter((t) => !t.voidedReason);
  const byKind = Object.entries(TALK_KIND_LABELS)
    .map(([k, label]) => [label, held.filter((t) => t.kind === (k as TalkKind)).length] as const)
    .filter(([, n]) => n > 0);
  const liveStudy = study.filter((s) => !s.withdrawnReason);
  const absent = m.attendance
    .filter((a) => !a.present)
    .map((a) => `${m.people.find((p) => p.id === a.personId)?.name ?? ''}（${a.reason}）`);
  const blocks: Block[] = [
    {
      kind: 'p',
      text: `按照兴“十风”治“十弊”专题组织生活会工作要求，${unit!.name}党支部于${m.heldOn}在${m.place}召开专题组织生活会。现将有关情况报告如下：`,
    },
    { kind: 'h1', text: '一、会前准备情况' },
    { kind: 'h2', text: '（一）强化会前学习。' },
    {
      kind: 'p',
      text: liveStudy.length
        ? `通过${[...new Set(liveStudy.map((s) => ({ committee: '支委会', general: '支部党员大会', seminar: '集中研讨' })[s.kind as 'committee'] ?? s.kind))].join('、')}等形式开展会前学习${liveStudy.length}次，累计签到${liveStudy.reduce((n, s) => n + (s.signedIn as string[]).length, 0)}人次，重点学习了${[...new Set(liveStudy.flatMap((s) => (s.materials as { title: string }[]).map((x) => x.title)))].slice(0, 6).join('、') || '相关文件精神'}。`
        : '会前学习情况未登记。',
    },
    { kind: 'h2', text: '（二）强化问题查摆。' },
    {
      kind: 'p',
      text: `向在职干部职工、帮扶联系村、服务对象以及身边党员群众发放问题征求意见表，共收回${f.responses}份，梳理意见建议${f.opinionItems}条，采纳${f.adopted}条；涉及党员个人的${f.aboutPersons}条已反馈本人。党支部形成问题自查清单，${f.listsApproved}名党员的个人问题自查清单经支部书记审核。`,
    },
    { kind: 'h2', text: '（三）强化交心谈心。' },
    {
      kind: 'p',
      text: `开展谈心谈话${f.talksHeld}次${byKind.length ? `，其中${byKind.map(([l, n]) => `${l}${n}次`).join('、')}` : ''}，完成${f.membersTalked}个在职党员的谈心谈话（在职党员${f.members}名）。`,
    },
    { kind: 'h1', text: '二、会议召开情况' },
    {
      kind: 'p',
      text: `支部应到党员${f.members}名，实到${f.present}名，到会率${f.attendancePct}%${absent.length ? `；${absent.join('、')}缺席` : ''}。支部书记代表支部委员会报告问题自查情况，党员逐一进行自我批评，开展相互批评${m.criticisms.length}条。`,
    },
    { kind: 'h1', text: '三、查摆出的主要问题' },
  ];
  const cats = new Map(categories.map((c) => [c.no, c.title]));
  const groups = new Map<string, string[]>();
  for (const r of rect.rows)
    groups.set(r.categoryNo ? `${r.categoryNo}` : '', [
      ...(groups.get(r.categoryNo ? `${r.categoryNo}` : '') ?? []),
      r.problem,
    ]);
  if (rect.rows.length === 0) blocks.push({ kind: 'p', text: '自查清单尚未填写问题。' });
  let i = 0;
  for (const [k, problems] of [...groups].sort(([a], [b]) => (Number(a) || 99) - (Number(b) || 99))) {
    blocks.push({ kind: 'h2', text: `（${cn(++i)}）${k ? (cats.get(Number(k)) ?? `第${k}类`) : '其他方面'}` });
    problems.slice(0, 8).forEach((p, j) => blocks.push({ kind: 'p', text: `${j + 1}.${sentence(p)}` }));
    if (problems.length > 8) blocks.push({ kind: 'p', text: `另有${problems.length - 8}个问题见整改清单。` });
  }
  blocks.push({ kind: 'h1', text: '四、整改措施' });
  const made = rect.rows.filter((r) => r.itemId);
  blocks.push({
    kind: 'p',
    text: `针对查摆出的${rect.rows.length}个问题，逐一明确整改责任人、整改措施和整改时限，形成整改清单${made.length ? `，${made.length}项已纳入督办台账闭环管理` : ''}。`,
  });
  rect.rows
    .filter((r) => r.measures)
    .slice(0, 10)
    .forEach((r, j) =>
      blocks.push({
        kind: 'p',
        text: `${j + 1}.${r.measures}（责任人：${r.ownerName}${(r.itemDue ?? r.due) ? `，时限：${r.itemDue ?? r.due}` : ''}）`,
      }),
    );
  blocks.push({ kind: 'p', text: '特此报告。' });
  const title = `${unit!.name}党支部关于召开兴“十风”治“十弊”专题组织生活会情况的报告`;
  return { fileName: `${title}.docx`, data: await officialDocument({ title, blocks }) };
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
    blocks.push({ kind: 'p', text: `${e.appearance ? sentence(e.appearance) : ''}${sentence(e.shortfall)}` });
  });
  blocks.push({ kind: 'h1', text: '二、原因剖析' });
  entries.filter((e) => e.causes).forEach((e, i) => blocks.push({ kind: 'p', text: `${i + 1}.${sentence(e.causes)}` }));
  blocks.push({ kind: 'h1', text: '三、下步打算' });
  entries
    .filter((e) => e.nextSteps)
    .forEach((e, i) => blocks.push({ kind: 'p', text: `${i + 1}.${sentence(e.nextSteps)}` }));
  const title = l.personId ? `${l.ownerName}同志专题组织生活会发言提纲` : '党支部专题组织生活会问题查摆情况';
  return {
    fileName: `${title}.docx`,
    data: await officialDocument({ title, subtitle: '（兴“十风”治“十弊”）', blocks }),
  };
}
