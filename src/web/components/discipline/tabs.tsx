import type { ReactNode } from 'react';
import type { Me } from '../../types';
import type { PageTab } from '../TabbedPage';
import { ChecksTab } from './ChecksTab';
import { FindingsTab } from './FindingsTab';
import { disciplineSettingsPolicy, maySeeMeetingDiscipline } from '../../../domain/policies/notice';
import { DisciplineSettingsTab } from './DisciplineSettingsTab';
import { MeetingDisciplineTab } from './MeetingDisciplineTab';
import { NoticesTab } from './NoticesTab';
import { whoOf } from './who';
import { LeaveTab } from './LeaveTab';
import { EducationTab } from './EducationTab';
import { HolidayTab } from './HolidayTab';
import { isLeadership } from './roles';
import { useMe } from '../../session';
import { AdmonitionsTab } from './AdmonitionsTab';
import { IntegrityFileTab } from './IntegrityFileTab';

/**
 * The parts of 纪律作风, each a tab of the discipline page. `visible` mirrors the domain policy of the part
 * (who may open it at all); what a reader sees inside comes from the server, which enforces the policies.
 * Each part adds itself here.
 */
export type DisciplineTab = PageTab;

const holds = (me: Me, role: string) => me.grants.some((g) => g.role === role);
const isDisciplineStaff = (me: Me) => holds(me, 'discipline');
/** Reads every 提醒谈话 / 诫勉 / 函询 and every 廉政档案 (domain/policies/admonition.readsAllAdmonitions). */
const readsAll = (me: Me) => isDisciplineStaff(me) || holds(me, 'party_secretary');
/** Everyone with a person may be the person concerned: they see what was delivered to them. */
const hasPerson = (me: Me) => !!me.user.personId;

/** A tab's element is made once; this gives it the signed-in reader when it renders. */
function MeBound({ render }: { render: (me: Me) => ReactNode }) {
  return render(useMe());
}

function AdmonitionsPart({ me }: { me: Me }) {
  return <AdmonitionsTab mayRecord={isDisciplineStaff(me)} />;
}

// In the order of a member's day first (leave, what was found about me, the unit's 通报), then the discipline staff's work.
export const DISCIPLINE_TABS: DisciplineTab[] = [
  // 请销假: everyone with a person asks for leave; approvers and the unit-wide readers see theirs.
  { key: 'leave', label: '请销假', visible: (me) => !!me.user.personId, element: <LeaveTab /> },
  // domain/policies/finding.ts: everyone may have findings of their own; the list is scoped by the server.
  { key: 'findings', label: '问题与说明', visible: (me) => !!me.user.personId, element: <FindingsTab /> },
  // Issued 通报 are the unit's: everyone opens this tab (drafts are listed only to their readers).
  { key: 'notices', label: '通报', visible: () => true, element: <NoticesTab /> },
  // domain/policies/check.ts: the draw is the discipline staff's alone.
  { key: 'checks', label: '在岗检查', visible: (me) => holds(me, 'discipline'), element: <ChecksTab /> },
  // 节日廉政: the periods are the discipline staff's and the secretary's; anyone may be a 四风 inspector.
  { key: 'holiday', label: '节日廉政', visible: () => true, element: <HolidayTab /> },
  {
    key: 'meetings',
    label: '会风会纪',
    visible: (me) => maySeeMeetingDiscipline(whoOf(me)),
    element: <MeetingDisciplineTab />,
  },
  {
    key: 'admonitions',
    label: '谈话函询',
    visible: (me) => readsAll(me) || hasPerson(me),
    element: <MeBound render={(me) => <AdmonitionsPart me={me} />} />,
  },
  {
    key: 'integrity-file',
    label: '廉政档案',
    visible: (me) => readsAll(me) || hasPerson(me),
    element: <MeBound render={(me) => <IntegrityFileTab readsAll={readsAll(me)} myPersonId={me.user.personId} />} />,
  },
  {
    key: 'education',
    label: '廉政教育',
    visible: (me) => me.grants.some((g) => g.role === 'discipline') || isLeadership(me),
    element: <EducationTab />,
  },
  {
    key: 'settings',
    label: '设置',
    visible: (me) => disciplineSettingsPolicy(whoOf(me)).see,
    element: <DisciplineSettingsTab />,
  },
];
