import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import {
  standingOf,
  summarize,
  TARGET_STATE_LABELS,
  UPWARD_KINDS,
  type TargetStanding,
  type UpwardKind,
} from '../../../domain/upward.js';
import { upwardRequestPolicy, upwardTargetPolicy } from '../../../domain/policies/upward.js';
import type { upwardRepo, UpwardRequestRow } from './upward.repo.js';

export type TargetRow = Awaited<ReturnType<typeof upwardRepo.targetsOf>>[number];

/** A target's standing today, from its request and its recorded facts (domain/upward). */
export function standingOfRow(request: UpwardRequestRow, t: TargetRow, today: string): TargetStanding {
  return standingOf(
    {
      kind: request.kind as UpwardKind,
      requestWithdrawn: request.status === 'withdrawn',
      dueOn: request.dueOn,
      registered: t.target.itemId !== null,
      submittedOn: t.target.submittedAt ? shanghaiDate(t.target.submittedAt) : null,
      itemStatus: t.itemStatus,
    },
    today,
  );
}

export function presentRequest(actor: Actor, r: UpwardRequestRow, targets: TargetRow[], today: string) {
  const summary = summarize(targets.map((t) => standingOfRow(r, t, today)));
  return {
    id: r.id,
    kind: r.kind as UpwardKind,
    kindLabel: UPWARD_KINDS[r.kind as UpwardKind],
    docNo: r.docNo,
    title: r.title,
    instructions: r.instructions,
    issuedOn: r.issuedOn,
    workingDays: r.workingDays,
    dueOn: r.dueOn,
    status: r.status as 'open' | 'withdrawn',
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    summary,
    can: upwardRequestPolicy(actor, { status: r.status, summary }),
  };
}

export function presentTarget(actor: Actor, r: UpwardRequestRow, t: TargetRow, today: string) {
  const standing = standingOfRow(r, t, today);
  return {
    id: t.target.id,
    unitId: t.target.targetUnitId,
    unitCode: t.unitCode,
    unitName: t.unitName,
    state: standing.state,
    stateLabel: TARGET_STATE_LABELS[standing.state],
    late: standing.late,
    doneLate: standing.doneLate,
    registeredAt: t.target.registeredAt?.toISOString() ?? null,
    itemStatus: t.itemStatus,
    submittedAt: t.target.submittedAt?.toISOString() ?? null,
    fileName: t.fileName,
    submissionNote: t.target.submissionNote,
    chaseCount: t.target.chaseCount,
    lastChasedAt: t.target.lastChasedAt?.toISOString() ?? null,
    can: upwardTargetPolicy(actor, { standing, hasFile: !!t.target.submissionFileId }),
  };
}
