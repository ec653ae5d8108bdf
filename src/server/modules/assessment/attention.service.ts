/**
 * 关注名单 (measure 37): the people whose record over recent quarters meets the unit's stated rule — overdue items,
 * returned submissions, report lapses (as the rankings define them, for the items they are responsible for) and
 * findings in ISSUED 通报 only — listed for the leadership with the evidence. Not a label: a leader records the
 * decision and its reason. A leader never sees or decides their own case.
 */
import type { z } from 'zod';
import {
  ATTENTION_DECISION_LABELS,
  ATTENTION_FACT_LABELS,
  attentionList,
  attentionRuleProblems,
  attentionRuleText,
  DEFAULT_ATTENTION_RULE,
  quartersEnding,
  type AttentionDecision,
  type AttentionFact,
  type AttentionRule,
} from '../../../domain/assessment.js';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { isClosedLate, isOverdue } from '../../../domain/item-figures.js';
import { attentionPolicy, decidesAttentionOf } from '../../../domain/policies/assessment-scheme.js';
import { isMe } from '../../../domain/policies/who.js';
import { countLapses } from '../../../domain/supervision.js';
import type { Actor } from '../../../domain/roles.js';
import type {
  TAttentionView,
  ZAttentionDecisionBody,
  ZAttentionQuery,
  ZAttentionRuleBody,
} from '../../../shared/contracts/assessment-schemes.js';
import { authorize } from '../../authorize.js';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { assertInUnit } from '../unit-ids.repo.js';
import { attentionRepo } from './attention.repo.js';

export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
const quarterStart = (q: string) => `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
const quarterEnd = (q: string) =>
  `${q.slice(0, 4)}-${String(Number(q.slice(6)) * 3).padStart(2, '0')}-${q.endsWith('1') || q.endsWith('4') ? 31 : 30}`;

async function ruleOf(db: Db, unitId: string): Promise<AttentionRule & { version: number }> {
  const r = await attentionRepo.rule(db, unitId);
  return r
    ? { minEvents: r.minEvents, minQuarters: r.minQuarters, lastQuarters: r.lastQuarters, version: r.version }
    : { ...DEFAULT_ATTENTION_RULE, version: 0 };
}

/** Every event of the window, per person and quarter, from the record. */
export async function attentionFacts(
  db: Db,
  unitId: string,
  window: string[],
  today: string,
): Promise<AttentionFact[]> {
  const from = quarterStart(window[0]!);
  const to = quarterEnd(window[window.length - 1]!);
  const [items, findings] = await Promise.all([
    attentionRepo.items(db, unitId, from, to),
    attentionRepo.issuedFindings(db, unitId, from, to),
  ]);
  const facts: AttentionFact[] = [];
  for (const i of items) {
    const base = { personId: i.personId, quarter: quarterOf(i.due), refId: i.id };
    if (i.due <= today && (isClosedLate(i) || isOverdue(i, today)))
      facts.push({ ...base, kind: 'overdue', title: i.title });
    for (let n = 0; n < i.returnedCount; n++) facts.push({ ...base, kind: 'returned', title: i.title });
    const lapses = countLapses(i.cadence, i.assignedOn, i.reportDates, i.closedOn ?? today);
    for (let n = 0; n < lapses; n++) facts.push({ ...base, kind: 'lapse', title: i.title });
  }
  for (const f of findings)
    facts.push({
      personId: f.personId!,
      quarter: quarterOf(f.onDate),
      kind: 'finding',
      refId: f.noticeId,
      title: `${f.docNumber ?? ''}${f.noticeTitle}`,
    });
  return facts;
}

const HREF = { overdue: 'item', returned: 'item', lapse: 'item', finding: 'notice' } as const;

export async function attentionView(
  deps: AppDeps,
  actor: Actor,
  q: z.infer<typeof ZAttentionQuery>,
): Promise<TAttentionView> {
  const can = attentionPolicy(actor);
  if (!can.see) throw forbidden('关注名单只有党组书记和班子成员可以查看');
  const today = shanghaiDate(deps.clock.now());
  const lastQuarter = q.quarter ?? quarterOf(today);
  const rule = await ruleOf(deps.db, actor.unitId);
  const window = quartersEnding(lastQuarter, rule.lastQuarters);
  const windowKey = `${window[0]}..${lastQuarter}`;
  const facts = await attentionFacts(deps.db, actor.unitId, window, today);
  const list = attentionList(facts, rule, lastQuarter).filter((e) => !isMe(actor, e.personId));
  const page = list.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const ids = page.map((e) => e.personId);
  const [who, decisions] = await Promise.all([
    attentionRepo.peopleOf(deps.db, actor.unitId, ids),
    attentionRepo.decisions(deps.db, actor.unitId, ids, windowKey),
  ]);
  return {
    rule,
    ruleText: attentionRuleText(rule),
    lastQuarter,
    windowKey,
    total: list.length,
    page: q.page,
    pageSize: q.pageSize,
    can,
    entries: page.map((e) => ({
      personId: e.personId,
      personName: who.get(e.personId)?.name ?? '（已删除）',
      departmentName: who.get(e.personId)?.departmentName ?? null,
      quarters: e.quarters,
      evidence: e.evidence.map((f) => ({
        kind: f.kind,
        label: ATTENTION_FACT_LABELS[f.kind],
        quarter: f.quarter,
        title: f.title,
        href: HREF[f.kind] === 'item' ? `/items?item=${f.refId}` : '/discipline?tab=notices',
      })),
      decisions: decisions
        .filter((d) => d.d.personId === e.personId)
        .map((d) => ({
          decision: d.d.decision as AttentionDecision,
          label: ATTENTION_DECISION_LABELS[d.d.decision as AttentionDecision],
          reason: d.d.reason,
          decidedByName: d.by ?? '（已删除）',
          decidedAt: d.d.decidedAt.toISOString(),
        })),
      canDecide: decidesAttentionOf(actor, e.personId),
    })),
  };
}

export async function saveAttentionRule(deps: AppDeps, actor: Actor, b: z.infer<typeof ZAttentionRuleBody>) {
  authorize(attentionPolicy(actor), 'editRule', '只有党组书记可以修改关注名单规则');
  const { version, ...rule } = b;
  const problems = attentionRuleProblems(rule);
  if (problems.length) throw badRequest(problems[0]!);
  const before = await ruleOf(deps.db, actor.unitId);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if ((await attentionRepo.saveRule(tx, actor.unitId, rule, version, at)).length !== 1)
      throw conflict('关注名单规则已被他人修改，请刷新后再试');
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'attention_rule',
      entityId: actor.unitId,
      action: 'save',
      before,
      after: rule,
    });
  });
  return { ...(await ruleOf(deps.db, actor.unitId)) };
}

/** A leader's decision on someone the list names for that window, with its reason (appended, never changed). */
export async function recordAttentionDecision(deps: AppDeps, actor: Actor, b: z.infer<typeof ZAttentionDecisionBody>) {
  if (!attentionPolicy(actor).see) throw forbidden('只有党组书记和班子成员可以记录处理意见');
  await assertInUnit(deps.db, actor.unitId, { person: b.personId });
  if (!decidesAttentionOf(actor, b.personId)) throw forbidden('不能对本人作出处理意见');
  const [first, last] = b.windowKey.split('..') as [string, string];
  const rule = await ruleOf(deps.db, actor.unitId);
  const window = quartersEnding(last, rule.lastQuarters);
  if (window[0] !== first) throw badRequest('考察范围与当前规则不一致，请刷新后再试');
  const facts = await attentionFacts(deps.db, actor.unitId, window, shanghaiDate(deps.clock.now()));
  if (!attentionList(facts, rule, last).some((e) => e.personId === b.personId))
    throw badRequest('该人员不在此期间的关注名单上');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [r] = await attentionRepo.insertDecision(tx, {
      unitId: actor.unitId,
      ...b,
      decidedBy: actor.personId!,
      decidedAt: at,
    });
    await recordAudit(tx, auditActorOf(actor), at, {
      unitId: actor.unitId,
      entityType: 'attention_decision',
      entityId: r!.id,
      action: 'decide',
      after: b,
    });
  });
  return { ok: true as const };
}
