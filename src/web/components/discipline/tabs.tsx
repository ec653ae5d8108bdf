import type { ReactNode } from 'react';
import type { Me } from '../../types';
import { useMe } from '../../session';
import { AdmonitionsTab } from './AdmonitionsTab';
import { IntegrityFileTab } from './IntegrityFileTab';

/**
 * The parts of 纪律作风, each a tab of the discipline page. `visible` mirrors the domain policy of the part
 * (who may open it at all); what a reader sees inside comes from the server, which enforces the policies.
 * Each part adds itself here.
 */
export interface DisciplineTab {
  key: string;
  label: string;
  visible: (me: Me) => boolean;
  element: ReactNode;
}

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

export const DISCIPLINE_TABS: DisciplineTab[] = [
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
];
