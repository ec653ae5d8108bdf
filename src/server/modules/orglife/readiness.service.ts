/** The meeting's preparation checklist (domain/meeting-readiness) from its stored records. */
import { meetingReadiness } from '../../../domain/meeting-readiness.js';
import type { MeetingRow, TalkRow } from './orglife.repo.js';
import { talkFigures } from './talks.service.js';

interface Records {
  meeting: Pick<MeetingRow, 'formId' | 'talkPlan'>;
  members: { id: string; name: string }[];
  study: { withdrawnReason: string | null; signedIn: unknown }[];
  /** The form's opinion items (merged ones are part of another). */
  items: { status: string; targetKind: string | null }[];
  talks: TalkRow[];
  lists: { personId: string | null; status: string }[];
}

export function readinessOf(r: Records) {
  const memberIds = new Set(r.members.map((p) => p.id));
  const liveStudy = r.study.filter((s) => !s.withdrawnReason);
  const attended = new Set(liveStudy.flatMap((s) => s.signedIn as string[]).filter((id) => memberIds.has(id)));
  const items = r.items.filter((i) => i.status !== 'merged');
  const talked = new Set(r.talks.filter((t) => !t.voidedReason).flatMap((t) => [t.aPersonId, t.bPersonId]));
  const talks = talkFigures(r.meeting, r.talks, r.members);
  return meetingReadiness({
    members: r.members.length,
    study: { sessions: liveStudy.length, membersAttended: attended.size },
    opinions: {
      formLinked: !!r.meeting.formId,
      collected: items.length,
      unclassified: items.filter((i) => i.targetKind === null).length,
    },
    talks: {
      planned: talks.talksPlanned,
      done: talks.talksPlannedDone,
      membersNotTalked: r.members.filter((p) => !talked.has(p.id)).map((p) => p.name),
    },
    lists: {
      approved: r.lists.filter((l) => l.personId && memberIds.has(l.personId) && l.status === 'approved').length,
      expected: r.members.length,
    },
  });
}
