/**
 * Who may see and run an opinion form (征求意见表). The managers of opinions (the office, the branch
 * secretary) publish it, hand out links and codes, and close it; the summary sheet holds the raw
 * opinions about named Party members, so only the branch secretary exports it. What each opinion
 * item says is decided item by item (opinion-item.ts), not here. A form made for a consultation on a draft is
 * the consultation's (domain/policies/consultation): nobody runs it from here.
 */
import { hasPermission, type Actor } from '../roles.js';
import { isBranchSecretary } from './who.js';

export type OpinionFormStatus = 'draft' | 'open' | 'closed';
export interface OpinionFormFacts {
  unitId: string;
  status: OpinionFormStatus;
  /**
   * Made as the public side of a consultation on a draft (征求意见稿): run only through the consultation, whose
   * own policy says who sees the draft — the opinions managers neither see nor run it here.
   */
  forConsultation?: boolean;
}
export const OPINION_FORM_CAN_KEYS = ['see', 'publish', 'close', 'distribute', 'exportSummary'] as const;
export type OpinionFormCan = Record<(typeof OPINION_FORM_CAN_KEYS)[number], boolean>;

export function opinionFormPolicy(a: Pick<Actor, 'unitId' | 'grants'>, f: OpinionFormFacts): OpinionFormCan {
  const see = a.unitId === f.unitId && hasPermission(a, 'opinions.manage') && !f.forConsultation;
  return {
    see,
    publish: see && f.status === 'draft',
    close: see && f.status === 'open',
    distribute: see && f.status !== 'closed',
    exportSummary: see && isBranchSecretary(a),
  };
}

export const mayCreateOpinionForm = (a: Pick<Actor, 'grants'>) => hasPermission(a, 'opinions.manage');
