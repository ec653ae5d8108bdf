/** Reading meetings: the list (scoped as the policy), and what a new meeting would get by default. */
import type { z } from 'zod';
import { defaultMeetingTitle } from '../../../domain/decision-meetings.js';
import type { MeetingKind } from '../../../domain/decision-rules.js';
import { managesDecisionMeetings } from '../../../domain/policies/decision-meeting.js';
import type { Actor } from '../../../domain/roles.js';
import type { ZMeetingDefaultsQuery, ZMeetingQuery } from '../../../shared/contracts/decisions.js';
import { forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { agendaRepo } from './agenda.repo.js';
import { presentSummary } from './meeting-view.service.js';
import { meetingsRepo, type MeetingRow } from './meetings.repo.js';

export const MANAGERS_ONLY = '只有领导小组办公室和党组书记可以筹备议事会议';
const yearOf = (date: string) => Number(date.slice(0, 4));

/** The default chair (the 党组书记) and members (the leadership; for a 党组会 those who are Party members). */
export async function defaultPeople(deps: AppDeps, unitId: string, kind: MeetingKind) {
  const [leaders, secretary] = await Promise.all([
    meetingsRepo.leadership(deps.db, unitId),
    meetingsRepo.partySecretary(deps.db, unitId),
  ]);
  const members = kind === 'party_group' ? leaders.filter((l) => l.isPartyMember) : leaders;
  return { chairPersonId: secretary, members };
}

export async function meetingDefaults(deps: AppDeps, actor: Actor, q: z.infer<typeof ZMeetingDefaultsQuery>) {
  if (!managesDecisionMeetings(actor)) throw forbidden(MANAGERS_ONLY);
  const year = yearOf(q.heldOn);
  const [{ chairPersonId, members }, sessionNo, plan] = await Promise.all([
    defaultPeople(deps, actor.unitId, q.kind),
    meetingsRepo.nextSessionNo(deps.db, actor.unitId, q.kind, null, year),
    meetingsRepo.planMeetings(deps.db, actor.unitId, year, q.kind),
  ]);
  const names = await meetingsRepo.names(deps.db, actor.unitId, chairPersonId ? [chairPersonId] : []);
  return {
    title: defaultMeetingTitle(year, sessionNo, q.kind, null),
    sessionNo,
    chair: chairPersonId ? { id: chairPersonId, name: names.get(chairPersonId) ?? '' } : null,
    members: members.map((m) => ({ id: m.id, name: m.name })),
    planEntries: plan.map((p) => ({ id: p.id, title: p.title, month: p.month, subKind: p.subKind })),
  };
}

export async function listMeetings(deps: AppDeps, actor: Actor, q: z.infer<typeof ZMeetingQuery>) {
  const scope = { all: managesDecisionMeetings(actor), personId: actor.personId };
  const { rows, total } = await meetingsRepo.page(
    deps.db,
    actor.unitId,
    scope,
    q,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const ids = rows.map((r) => r.id);
  const [items, names] = await Promise.all([
    agendaRepo.items(deps.db, actor.unitId, ids),
    meetingsRepo.names(
      deps.db,
      actor.unitId,
      rows.map((r) => r.chairPersonId),
    ),
  ]);
  const present = (r: MeetingRow) =>
    presentSummary(
      actor,
      r,
      items.filter((i) => i.meetingId === r.id),
      names,
    );
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
}
