/**
 * 会风会纪: the sweep that turns recorded attendance into findings and draft 通报, and the tab's view.
 * The sweep runs daily from the scheduler and whenever the discipline staff open the tab; it is idempotent —
 * one finding per person and period (its dedupe key), added once to the period's draft 会风会纪通报.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import type { AttendanceStatus } from '../../../domain/compliance.js';
import { crossingKey, meetingCrossings, type Crossing } from '../../../domain/meeting-discipline.js';
import { findingParagraph, noticeParagraphs } from '../../../domain/notice-text.js';
import { maySeeMeetingDiscipline, type NoticeStatus } from '../../../domain/policies/notice.js';
import { chinese } from '../../../domain/report-text/text.js';
import type { Actor } from '../../../domain/roles.js';
import type { Db } from '../../db/client.js';
import { forbidden } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { meetingSettings } from './discipline-settings.service.js';
import { noticesRepo, type NamedFinding, type NoticeRow } from './notices.repo.js';

const CLOSING_KEPT = (p: readonly string[]) => p.length > 1 && p[p.length - 1]!.startsWith('请各科室');

/** Records one crossing (when new) and adds it to the period's draft notice, in one transaction. */
async function recordCrossing(db: Db, unitId: string, c: Crossing, now: Date): Promise<boolean> {
  const departmentId = await noticesRepo.personDepartment(db, unitId, c.personId);
  return db.transaction(async (tx) => {
    const f = await noticesRepo.insertFinding(tx, {
      unitId,
      kind: 'meeting',
      sourceType: 'attendance_period',
      personId: c.personId,
      departmentId,
      onDate: c.lastDate,
      observed: 'meeting_threshold',
      note: c.facts,
      status: 'open',
      dedupeKey: crossingKey(c),
      createdAt: now,
      updatedAt: now,
    });
    if (!f) return false;
    await recordAudit(tx, SYSTEM_ACTOR, now, {
      unitId,
      entityType: 'discipline_finding',
      entityId: f.id,
      action: 'create',
      after: {
        kind: 'meeting',
        observed: 'meeting_threshold',
        personId: c.personId,
        period: c.period.key,
        note: c.facts,
      },
    });
    const [named] = await noticesRepo.findingsNamed(tx, unitId, [f.id]);
    await addToPeriodDraft(tx, unitId, c, named!, now);
    return true;
  });
}

const factsOf = (n: NamedFinding) => ({ ...n.f, personName: n.personName, departmentName: n.departmentName });

async function addToPeriodDraft(tx: Db, unitId: string, c: Crossing, named: NamedFinding, now: Date) {
  const draft = await noticesRepo.draftOfPeriod(tx, unitId, 'meeting', c.period.key);
  if (!draft) {
    const n = await noticesRepo.insertNotice(tx, {
      unitId,
      kind: 'meeting',
      title: `关于${c.period.label}会风会纪情况的通报`,
      paragraphs: noticeParagraphs('meeting', [factsOf(named)], chinese),
      periodKey: c.period.key,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    await noticesRepo.linkFindings(tx, unitId, n.id, [named.f.id]);
    await recordAudit(tx, SYSTEM_ACTOR, now, {
      unitId,
      entityType: 'discipline_notice',
      entityId: n.id,
      action: 'create',
      after: { kind: 'meeting', title: n.title, period: c.period.key, findings: 1 },
    });
    return;
  }
  await appendParagraph(tx, unitId, draft, named, now);
  await noticesRepo.linkFindings(tx, unitId, draft.id, [named.f.id]);
  await recordAudit(tx, SYSTEM_ACTOR, now, {
    unitId,
    entityType: 'discipline_notice',
    entityId: draft.id,
    action: 'add_findings',
    after: { findings: [named.f.id] },
  });
}

/**
 * Adds the finding's paragraph to the draft at the version read. A staff member may have edited the draft
 * meanwhile: then the draft is read again (their edit kept) and the paragraph added to it; after a few tries
 * the sweep fails (its transaction, the finding included, rolls back and the next run records it again).
 */
async function appendParagraph(tx: Db, unitId: string, first: NoticeRow, named: NamedFinding, now: Date) {
  let draft: NoticeRow | undefined = first;
  for (let attempt = 0; attempt < 3 && draft?.status === 'draft'; attempt++) {
    const count = (await noticesRepo.noticeFindings(tx, unitId, draft.id)).length;
    const p = draft.paragraphs;
    const added = findingParagraph(count + 1, factsOf(named), chinese);
    const paragraphs = CLOSING_KEPT(p) ? [...p.slice(0, -1), added, p[p.length - 1]!] : [...p, added];
    if (await noticesRepo.updateNotice(tx, unitId, draft.id, draft.version, { paragraphs, updatedAt: now })) return;
    draft = await noticesRepo.notice(tx, unitId, draft.id);
  }
  throw new Error(
    `meeting discipline: the draft notice ${first.id} kept changing; the crossing is left for the next sweep`,
  );
}

/** The sweep of one unit on `today`: returns how many new crossings it recorded. */
export async function sweepMeetingDiscipline(db: Db, unitId: string, today: string, now: Date): Promise<number> {
  const s = await meetingSettings(db, unitId);
  const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const rows = await noticesRepo.meetings(
    db,
    unitId,
    s.watchedKinds.map((k) => k.code),
    from,
    today,
  );
  const meetings = rows.map((r) => ({
    ...r,
    attendance: r.attendance as { personId: string; status: AttendanceStatus }[],
  }));
  const crossings = meetingCrossings(
    meetings,
    s.watchedKinds.map((k) => k.code),
    s.meetingPeriod,
    { absenceLimit: s.meetingAbsenceLimit, lateLimit: s.meetingLateLimit },
    today,
  );
  let n = 0;
  for (const c of crossings) if (await recordCrossing(db, unitId, c, now)) n++;
  return n;
}

/** The scheduler's daily run: every unit that recorded attendance since the start of last year. */
export async function sweepAllMeetingDiscipline(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  let n = 0;
  for (const unitId of await noticesRepo.unitsWithAttendance(db, `${Number(today.slice(0, 4)) - 1}-01-01`))
    n += await sweepMeetingDiscipline(db, unitId, today, now);
  return n;
}

/** The 会风会纪 tab: sweeps first (so the tab shows what attendance says now), then lists the crossings. */
export async function meetingDisciplineView(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }) {
  if (!maySeeMeetingDiscipline(actor)) throw forbidden('会风会纪情况只有机关纪委和审批领导可以查看');
  const now = deps.clock.now();
  await sweepMeetingDiscipline(deps.db, actor.unitId, shanghaiDate(now), now);
  const s = await meetingSettings(deps.db, actor.unitId);
  const { rows, notices, total } = await noticesRepo.meetingFindings(
    deps.db,
    actor.unitId,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    period: s.meetingPeriod,
    absenceLimit: s.meetingAbsenceLimit,
    lateLimit: s.meetingLateLimit,
    watchedKinds: s.watchedKinds,
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      findingId: r.f.id,
      personName: r.personName,
      departmentName: r.departmentName,
      periodKey: (r.f.dedupeKey ?? '').split(':')[2] ?? '',
      onDate: r.f.onDate,
      facts: r.f.note,
      status: r.f.status,
      notices: notices
        .filter((n) => n.findingId === r.f.id)
        .map((n) => ({ id: n.id, title: n.title, status: n.status as NoticeStatus })),
    })),
  };
}
