/**
 * Inbox notices of a meeting (scheduled, changed, withdrawn) to its members, and to those who attend (列席) its
 * items. Meetings are internal: the kind goes to no group robot (domain/dispatch-plan GROUP_KINDS lacks it).
 * A 干部任免 item's title is not named to those who attend it (they do not read it).
 */
import type { Db } from '../../db/client.js';
import { notificationsRepo } from '../notifications/notifications.repo.js';
import type { AgendaItemRow } from './agenda.repo.js';
import type { MeetingRow } from './meetings.repo.js';

export const MEETING_NOTICE_KIND = 'decision_meeting';

type Change = 'scheduled' | 'changed' | 'withdrawn';
const VERB: Record<Change, string> = { scheduled: '定于', changed: '调整为', withdrawn: '已撤销' };

function when(m: MeetingRow) {
  return `${m.heldOn}${m.startsAt ? ` ${m.startsAt}` : ''}${m.place ? `在${m.place}` : ''}`;
}

export async function noticeMembers(tx: Db, m: MeetingRow, change: Change, at: Date) {
  const body =
    change === 'withdrawn'
      ? `${m.title}已撤销：${m.withdrawnReason ?? ''}`
      : `${m.title}${VERB[change]}${when(m)}召开，请在“议事决策”中查看议题和材料。`;
  await notificationsRepo.add(
    tx,
    m.memberIds.map((personId) => ({
      unitId: m.unitId,
      recipientPersonId: personId,
      kind: MEETING_NOTICE_KIND,
      title: change === 'withdrawn' ? '会议撤销通知' : change === 'scheduled' ? '会议通知' : '会议变更通知',
      body,
      dedupeKey: `decision-meeting:${m.id}:v${m.version}:${personId}`,
      createdAt: at,
    })),
  );
}

/** Those attending an item who are not members, told of the item (or of the meeting's change). */
export async function noticeAttendees(tx: Db, m: MeetingRow, items: AgendaItemRow[], change: Change, at: Date) {
  const rows = items
    .filter((i) => !i.withdrawnReason)
    .flatMap((i) =>
      i.attendeeIds
        .filter((p) => !m.memberIds.includes(p))
        .map((personId) => {
          const what = i.category === 'cadre' ? '一项议题' : `“${i.title}”议题`;
          const body =
            change === 'withdrawn'
              ? `${m.title}已撤销，您无需列席。`
              : `请于${when(m)}列席${m.title}${what}（第${i.seq}项）。`;
          return {
            unitId: m.unitId,
            recipientPersonId: personId,
            kind: MEETING_NOTICE_KIND,
            title: change === 'withdrawn' ? '会议撤销通知' : '列席会议通知',
            body,
            dedupeKey: `decision-meeting:${m.id}:v${m.version}:item:${i.id}:v${i.version}:${personId}`,
            createdAt: at,
          };
        }),
    );
  await notificationsRepo.add(tx, rows);
}
