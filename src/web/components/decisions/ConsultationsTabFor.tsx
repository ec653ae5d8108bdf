import { useMe } from '../../session';
import { headedDepartments } from '../../../domain/policies/leave';
import { holds } from '../../../domain/policies/who';
import { whoOf } from '../discipline/who';
import { ConsultationsTab } from './ConsultationsTab';

/** The tab for the signed-in reader: the 新建 button for those domain/policies/consultation lets draft. */
export function ConsultationsTabFor() {
  const who = whoOf(useMe());
  return <ConsultationsTab mayDraft={holds(who, 'campaign_office') || headedDepartments(who).length > 0} />;
}
