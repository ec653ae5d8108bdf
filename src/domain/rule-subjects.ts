import type { z } from 'zod';
import { parseIsoDate, toIsoDate, type IsoDate } from './civil-date.js';
import type { ZRuleSubject } from '../shared/contracts/campaigns.js';
import type { Assignment, Subject } from './compliance.js';

type RuleSubject = z.infer<typeof ZRuleSubject>;

/** What the unit looks like for rule subjects: people, departments, contact objects, group members. */
export interface UnitFacts {
  people: readonly { id: string; name: string; status: string; isLeadership: boolean; isPartyMember?: boolean }[];
  departments: readonly { id: string; name: string; active: boolean }[];
  objects: readonly {
    id: string;
    name: string;
    kind: string;
    active: boolean;
    /** The day an inactive object was deactivated (null or absent: unknown, as if never active). */
    deactivatedOn?: IsoDate | null;
    assigneeIds: readonly string[];
    /** Effective-dated assignments (see compliance.ts Assignment); absent: `assigneeIds` are always assigned. */
    assignments?: readonly { personId: string; from: IsoDate | null; to: IsoDate | null }[];
  }[];
  members: readonly { groupId: string; personId: string; personName: string }[];
}

/** The subjects a rule asks, as the compliance engine matches them. */
export function resolveSubjects(s: RuleSubject, f: UnitFacts): Subject[] {
  const inService = f.people.filter((p) => p.status === 'in_service');
  const person = (p: { id: string; name: string }): Subject => ({ key: p.id, label: p.name, personIds: [p.id] });
  switch (s.kind) {
    case 'people':
      return f.people.filter((p) => s.personIds.includes(p.id)).map(person);
    case 'leadership':
      return inService.filter((p) => p.isLeadership).map(person);
    case 'group':
      return f.members
        .filter((m) => m.groupId === s.groupId)
        .map((m) => ({ key: m.personId, label: m.personName, personIds: [m.personId] }));
    case 'each_department':
      return f.departments.filter((d) => d.active).map((d) => ({ key: d.id, label: d.name, departmentId: d.id }));
    case 'in_service':
      return inService.map((p) => ({ key: p.id, label: p.name, objectIds: [p.id] }));
    case 'party_members':
      // Asked of each member: 谈心谈话 counts whether they talked or were talked to (participantRequired: false).
      return inService.filter((p) => p.isPartyMember).map(person);
    case 'unit':
      return [{ key: 'unit', label: '本单位', everyone: true }];
    case 'objects':
      // A deactivated object is still asked in the periods that started before its deactivation.
      return f.objects
        .filter((o) => o.kind === s.objectKind && (o.active || o.deactivatedOn))
        .map((o) => ({
          key: o.id,
          label: o.name,
          objectIds: [o.id],
          ...(o.active ? {} : { askedBefore: o.deactivatedOn! }),
        }));
    case 'object_assignees': {
      // Each person ever assigned to objects of the kind; which activities count, and in which
      // periods the person is asked at all, follows the dates of the assignments (compliance.ts).
      // A deactivated object's assignments count until the day before its deactivation.
      const mine = new Map<string, Assignment[]>();
      for (const o of f.objects.filter((x) => x.kind === s.objectKind && (x.active || x.deactivatedOn)))
        for (const a of o.assignments ?? o.assigneeIds.map((personId) => ({ personId, from: null, to: null }))) {
          const term = o.active ? a : endedBefore(a, o.deactivatedOn!);
          if (term) mine.set(a.personId, [...(mine.get(a.personId) ?? []), { objectId: o.id, ...term }]);
        }
      return f.people
        .filter((p) => mine.has(p.id))
        .map((p) => {
          const assignments = mine.get(p.id)!;
          const objectIds = [...new Set(assignments.map((a) => a.objectId))];
          return { key: p.id, label: p.name, personIds: [p.id], objectIds, assignments };
        });
    }
  }
}

/** A term cut to end the day before `day` (null when it starts on or after it). */
function endedBefore(a: { from: IsoDate | null; to: IsoDate | null }, day: IsoDate) {
  const last = toIsoDate(parseIsoDate(day) - 1);
  if (a.from !== null && a.from > last) return null;
  return { from: a.from, to: a.to !== null && a.to < last ? a.to : last };
}
