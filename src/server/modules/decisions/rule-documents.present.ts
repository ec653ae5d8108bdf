/**
 * How a rule document reads: its kind, department, the version in force today and the next one adopted, and —
 * in the detail — every version with its standing and the meeting item that adopted it. What the reader may do
 * comes from domain/policies/rule-document.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { ItemCategory } from '../../../domain/decision-rules.js';
import { canReadAgendaItem, type DecisionMeetingStatus } from '../../../domain/policies/decision-meeting.js';
import { ruleDocumentPolicy, ruleVersionPolicy } from '../../../domain/policies/rule-document.js';
import type { Actor } from '../../../domain/roles.js';
import {
  RULE_DOCUMENT_KIND_LABELS,
  VERSION_STANDING_LABELS,
  currentVersionOn,
  liveVersions,
  versionStanding,
  type RuleDocumentKind,
  type VersionFacts,
} from '../../../domain/rule-documents.js';
import type { TRuleDocument, TRuleDocumentDetail } from '../../../shared/contracts/decision-rules-docs.js';
import type { AppDeps } from '../../types.js';
import {
  ruleDocumentsRepo,
  type AdoptedItemRow,
  type RuleDocumentRow,
  type RuleVersionHead,
  type RuleVersionRow,
} from './rule-documents.repo.js';

export const documentFacts = (d: RuleDocumentRow) => ({ unitId: d.unitId, withdrawn: !!d.withdrawnReason });
export const versionFacts = (v: Pick<RuleVersionHead, 'id' | 'effectiveFrom' | 'withdrawnReason'>): VersionFacts => ({
  id: v.id,
  effectiveFrom: v.effectiveFrom,
  withdrawn: !!v.withdrawnReason,
});
/**
 * May the reader read the agenda item that adopted a version (domain/policies/decision-meeting)? Only this item's
 * 列席 matter to the question, so they stand for the meeting's.
 */
export const readsAdoptingItem = (actor: Actor, i: AdoptedItemRow) =>
  canReadAgendaItem(
    actor,
    {
      unitId: i.meetingUnitId,
      status: i.meetingStatus as DecisionMeetingStatus,
      memberIds: i.memberIds,
      recorderPersonId: i.recorderPersonId,
      attendeeIds: i.attendeeIds,
    },
    { category: i.category as ItemCategory, attendeeIds: i.attendeeIds },
  );

/** The meeting and its day are the unit's to know (the 议事规则 say where a rule came from); the item its readers'. */
const adoptedByOf = (actor: Actor, i: AdoptedItemRow) =>
  readsAdoptingItem(actor, i)
    ? { itemId: i.itemId, itemTitle: i.itemTitle, meetingTitle: i.meetingTitle, heldOn: i.heldOn }
    : { itemId: null, itemTitle: null, meetingTitle: i.meetingTitle, heldOn: i.heldOn };

const ref = (v: RuleVersionHead | undefined) =>
  v ? { id: v.id, label: v.label, effectiveFrom: v.effectiveFrom } : null;

/** The kind's name as the unit reads it: the unit's own name of an 'other' rule, else the kind's label. */
export const kindLabelOf = (d: RuleDocumentRow) =>
  d.kind === 'other' && d.kindName ? d.kindName : RULE_DOCUMENT_KIND_LABELS[d.kind as RuleDocumentKind];

function presentHead(
  actor: Actor,
  d: RuleDocumentRow,
  heads: RuleVersionHead[],
  departmentNames: Map<string, string>,
  today: string,
): TRuleDocument {
  const facts = heads.map((h) => ({ ...versionFacts(h), head: h }));
  const upcoming = liveVersions(facts).find((v) => v.effectiveFrom > today);
  return {
    id: d.id,
    kind: d.kind as RuleDocumentKind,
    kindLabel: kindLabelOf(d),
    title: d.title,
    departmentId: d.departmentId,
    departmentName: d.departmentId ? (departmentNames.get(d.departmentId) ?? '（已撤销的科室）') : null,
    current: ref(currentVersionOn(facts, today)?.head),
    upcoming: ref(upcoming?.head),
    versionCount: heads.length,
    withdrawnReason: d.withdrawnReason,
    version: d.version,
    can: ruleDocumentPolicy(actor, documentFacts(d)),
  };
}

/** The documents of a page as the list shows them. */
export async function presentDocuments(deps: AppDeps, actor: Actor, rows: RuleDocumentRow[]) {
  const [heads, names] = await Promise.all([
    ruleDocumentsRepo.versionHeads(
      deps.db,
      actor.unitId,
      rows.map((r) => r.id),
    ),
    ruleDocumentsRepo.departmentNames(
      deps.db,
      actor.unitId,
      rows.map((r) => r.departmentId),
    ),
  ]);
  const today = shanghaiDate(deps.clock.now());
  return rows.map((d) =>
    presentHead(
      actor,
      d,
      heads.filter((h) => h.documentId === d.id),
      names,
      today,
    ),
  );
}

/** One document with its whole history (oldest first). */
export async function presentDetail(
  deps: AppDeps,
  actor: Actor,
  d: RuleDocumentRow,
  versions: RuleVersionRow[],
): Promise<TRuleDocumentDetail> {
  const [names, items] = await Promise.all([
    ruleDocumentsRepo.departmentNames(deps.db, actor.unitId, [d.departmentId]),
    ruleDocumentsRepo.agendaItems(
      deps.db,
      actor.unitId,
      versions.map((v) => v.adoptedByItemId),
    ),
  ]);
  const today = shanghaiDate(deps.clock.now());
  const facts = versions.map(versionFacts);
  const byItem = new Map(items.map((i) => [i.itemId, i]));
  return {
    ...presentHead(actor, d, versions, names, today),
    versions: versions.map((v) => {
      const standing = versionStanding(facts, versionFacts(v), today);
      const item = v.adoptedByItemId ? byItem.get(v.adoptedByItemId) : undefined;
      return {
        id: v.id,
        label: v.label,
        text: v.text,
        effectiveFrom: v.effectiveFrom,
        standing,
        standingLabel: VERSION_STANDING_LABELS[standing],
        adoptedBy: item ? adoptedByOf(actor, item) : null,
        params: v.params,
        withdrawnReason: v.withdrawnReason,
        can: ruleVersionPolicy(actor, documentFacts(d), versionFacts(v), today),
      };
    }),
  };
}
