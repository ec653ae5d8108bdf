/**
 * Progress of the year's integrity education plan (measure 22), from its records only: a planned
 * session is held when an activity of its kind is linked to it; 政治家访 coverage is the planned cadres
 * named in those visits' records; attendance is the linked activities' participants over those
 * expected (participants and recorded absentees). Each figure says how it was counted. Pure.
 */
export interface PlannedSession {
  kind: string;
  month: number;
  cadreIds: readonly string[];
  activities: readonly {
    participantIds: readonly string[];
    absentIds: readonly string[];
    objectIds: readonly string[];
  }[];
}

export interface Figure {
  value: number;
  of: number;
  explanation: string;
}

export const HOME_VISIT = 'political_home_visit';

export function educationProgress(sessions: readonly PlannedSession[]) {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planned: 0, held: 0 }));
  for (const s of sessions) {
    const m = months[s.month - 1];
    if (!m) continue;
    m.planned++;
    if (s.activities.length) m.held++;
  }
  const planned = sessions.length;
  const held = sessions.filter((s) => s.activities.length).length;
  const visits = sessions.filter((s) => s.kind === HOME_VISIT);
  const cadres = [...new Set(visits.flatMap((s) => s.cadreIds))];
  const visited = new Set(visits.flatMap((s) => s.activities.flatMap((a) => a.objectIds)));
  const missing = cadres.filter((c) => !visited.has(c));
  let present = 0;
  let expected = 0;
  for (const a of sessions.flatMap((s) => s.activities)) {
    present += a.participantIds.length;
    expected += a.participantIds.length + a.absentIds.length;
  }
  return {
    months: months.filter((m) => m.planned > 0),
    held: {
      value: held,
      of: planned,
      explanation: `计划场次 ${planned} 场，已关联活动记录的 ${held} 场（撤销的活动不计）`,
    } satisfies Figure,
    coverage: {
      value: cadres.length - missing.length,
      of: cadres.length,
      explanation: cadres.length
        ? `计划家访干部 ${cadres.length} 人，已关联的政治家访记录中走访到 ${cadres.length - missing.length} 人`
        : '计划中没有政治家访对象',
      missingIds: missing,
    },
    attendance: {
      value: present,
      of: expected,
      explanation: expected
        ? `已开展活动的参加人次 ${present}，应参加人次 ${expected}（参加人员加登记的缺席人员）`
        : '尚无已开展活动的参加记录',
    } satisfies Figure,
  };
}
