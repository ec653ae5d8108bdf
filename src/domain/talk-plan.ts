/**
 * 谈心谈话 before the organizational life meeting (the seed's third step): talks between committee
 * members, between committee members and members, among members, and the leadership's “一对三” —
 * each leadership member takes at most `leaderMax` members, those under their charge (分管) first,
 * until every in-service member is covered. Pure: the order of `people` is the only source of ties.
 */
export interface TalkPerson {
  id: string;
  committee: boolean;
  leadership: boolean;
  /** In service and a Party member: the people the talks must reach. */
  member: boolean;
  departmentId: string | null;
  /** The leadership member in charge of this person's department (分管领导), if any. */
  inChargeId?: string | null;
}

export type TalkKind = 'committee_pair' | 'committee_member' | 'member_member' | 'one_to_three';
export const TALK_KIND_LABELS: Record<TalkKind, string> = {
  committee_pair: '支部委员之间',
  committee_member: '支部委员和党员之间',
  member_member: '党员和党员之间',
  one_to_three: '班子成员“一对三”',
};

export interface PlannedTalk {
  kind: TalkKind;
  a: string;
  b: string;
}
export interface TalkPlan {
  talks: PlannedTalk[];
  load: Record<string, number>;
  uncovered: string[];
}

export interface TalkOptions {
  /** At most this many members per leadership member in “一对三” (default 3). */
  leaderMax?: number;
  /** Whether each committee member talks with each member (else only the secretary's committee talks). */
  committeeWithEachMember?: boolean;
}

export function planTalks(people: readonly TalkPerson[], opts: TalkOptions = {}): TalkPlan {
  const leaderMax = opts.leaderMax ?? 3;
  const committee = people.filter((p) => p.committee);
  const leaders = people.filter((p) => p.leadership);
  const members = people.filter((p) => p.member && !p.committee && !p.leadership);
  const talks: PlannedTalk[] = [];
  for (let i = 0; i < committee.length; i++)
    for (let j = i + 1; j < committee.length; j++)
      talks.push({ kind: 'committee_pair', a: committee[i]!.id, b: committee[j]!.id });
  if (opts.committeeWithEachMember ?? true)
    for (const c of committee) for (const m of members) talks.push({ kind: 'committee_member', a: c.id, b: m.id });
  // Among members: a ring within each department, so that everyone talks with a colleague.
  const byDept = new Map<string, TalkPerson[]>();
  for (const m of members) byDept.set(m.departmentId ?? '', [...(byDept.get(m.departmentId ?? '') ?? []), m]);
  for (const group of byDept.values()) {
    if (group.length === 2) talks.push({ kind: 'member_member', a: group[0]!.id, b: group[1]!.id });
    if (group.length > 2)
      group.forEach((m, i) => talks.push({ kind: 'member_member', a: m.id, b: group[(i + 1) % group.length]!.id }));
  }
  const { assigned, load, uncovered } = oneToThree(
    leaders,
    people.filter((p) => p.member && !p.leadership),
    leaderMax,
  );
  for (const [memberId, leaderId] of assigned) talks.push({ kind: 'one_to_three', a: leaderId, b: memberId });
  return { talks, load, uncovered };
}

/** Members under a leader's charge go to that leader while there is room; the rest to the least loaded leader. */
function oneToThree(leaders: readonly TalkPerson[], members: readonly TalkPerson[], max: number) {
  const load: Record<string, number> = Object.fromEntries(leaders.map((l) => [l.id, 0]));
  const assigned = new Map<string, string>();
  const leaderIds = new Set(leaders.map((l) => l.id));
  for (const m of members) {
    const pref = m.inChargeId;
    if (pref && leaderIds.has(pref) && load[pref]! < max) {
      assigned.set(m.id, pref);
      load[pref]! += 1;
    }
  }
  const uncovered: string[] = [];
  for (const m of members) {
    if (assigned.has(m.id)) continue;
    const free = leaders.filter((l) => load[l.id]! < max).sort((a, b) => load[a.id]! - load[b.id]!)[0];
    if (!free) {
      uncovered.push(m.id);
      continue;
    }
    assigned.set(m.id, free.id);
    load[free.id]! += 1;
  }
  return { assigned, load, uncovered };
}

/** Which planned talks have a record (either way round), and which are still missing. */
export function talkCoverage(plan: readonly PlannedTalk[], held: readonly { a: string; b: string }[]) {
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const done = new Set(held.map((t) => key(t.a, t.b)));
  const isDone = (t: PlannedTalk) => done.has(key(t.a, t.b));
  return { done: plan.filter(isDone), missing: plan.filter((t) => !isDone(t)) };
}
