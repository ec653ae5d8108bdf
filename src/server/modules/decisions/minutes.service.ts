/** 会议纪要: what the minutes say to their reader (only the items the reader may read), on screen and as .docx. */
import { minutesHeading } from '../../../domain/decision-meetings.js';
import type { MeetingKind } from '../../../domain/decision-rules.js';
import type { Actor } from '../../../domain/roles.js';
import type { TMinutes } from '../../../shared/contracts/decisions.js';
import { authorize } from '../../authorize.js';
import { minutesDocument } from '../../docx/minutes.js';
import type { AppDeps } from '../../types.js';
import { presentMeeting, meetingOr404 } from './meeting-view.service.js';
import { meetingsRepo } from './meetings.repo.js';

/** The organ whose minutes they are: 中共…党组 for a 党组会, the unit itself for other kinds. */
export function minutesOrgan(unitName: string, kind: MeetingKind) {
  if (kind !== 'party_group') return unitName;
  return `${unitName.startsWith('中共') ? '' : '中共'}${unitName}`;
}

export async function minutesView(deps: AppDeps, actor: Actor, id: string): Promise<TMinutes> {
  const { can } = await meetingOr404(deps, actor, id);
  authorize(can, 'readMinutes', '会议召开后才能查看纪要');
  const [m, unitName] = await Promise.all([
    presentMeeting(deps, actor, id),
    meetingsRepo.unitName(deps.db, actor.unitId),
  ]);
  const present = m.members.filter((p) => m.presentIds.includes(p.id));
  return {
    meetingId: m.id,
    heading: `${minutesOrgan(unitName, m.kind)}${minutesHeading(m.kind, m.kindName)}`,
    issuedBy: `${unitName}办公室`,
    minutesNo: m.minutesNo,
    title: m.title,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    place: m.place,
    chairName: m.chair.name,
    presentNames: present.map((p) => p.name),
    absences: m.absences.map((a) => ({ name: a.name, reason: a.reason })),
    recorderName: m.recorder?.name ?? null,
    items: m.items
      .filter((i) => !i.withdrawnReason)
      .map((i) => ({
        seq: i.seq,
        title: i.title,
        isFollowUp: !!i.followUpOf,
        categoryLabel: i.categoryLabel,
        attendees: [...i.attendees.map((a) => a.name), ...(i.attendeeOthers ? [i.attendeeOthers] : [])],
        recused: i.recused.map((r) => r.name),
        positions: i.positions,
        outcomeLabel: i.outcomeLabel,
        conclusion: i.conclusion,
        decisions: i.followUpOf ? i.followUp : i.decisions,
      })),
    omittedItems: m.omittedItems,
  };
}

export async function minutesDocx(deps: AppDeps, actor: Actor, id: string) {
  const { can } = await meetingOr404(deps, actor, id);
  authorize(can, 'downloadMinutes', '会议结束、形成纪要后才能下载');
  const minutes = await minutesView(deps, actor, id);
  const data = await minutesDocument(minutes);
  return { fileName: `${minutes.heading}${minutes.minutesNo ?? ''}.docx`, data };
}
