/**
 * Who may see and change a project of the “争资争项” library (measure 6). Everyone of the unit reads projects.
 * The office (领导小组办公室) manages every project; a project's owner and the head of its department manage
 * that project. A new project is registered by the office, or by a department head for the department they head.
 * Tasks become supervised items of the ledger, which the office assigns: only the office adds them.
 */
import { headedDepartments } from './leave.js';
import { holds, isMe, type WhoInUnit } from './who.js';

export const PROJECTS_CAN_KEYS = ['see', 'create', 'export'] as const;
export type ProjectsCan = Record<(typeof PROJECTS_CAN_KEYS)[number], boolean>;
export const PROJECT_CAN_KEYS = ['see', 'edit', 'changeStage', 'withdraw', 'addTask'] as const;
export type ProjectCan = Record<(typeof PROJECT_CAN_KEYS)[number], boolean>;

export const isOffice = (a: Pick<WhoInUnit, 'grants'>) => holds(a, 'campaign_office');

/** The library as a whole, in the actor's own unit. */
export function projectsPolicy(a: Pick<WhoInUnit, 'grants'>): ProjectsCan {
  return { see: true, create: isOffice(a) || headedDepartments(a).length > 0, export: true };
}

/** May the actor register a project for `departmentId`? */
export const mayCreateFor = (a: Pick<WhoInUnit, 'grants'>, departmentId: string) =>
  isOffice(a) || headedDepartments(a).includes(departmentId);

export interface ProjectFacts {
  unitId: string;
  ownerPersonId: string;
  departmentId: string;
  withdrawnReason: string | null;
}

export function projectPolicy(a: WhoInUnit, p: ProjectFacts): ProjectCan {
  const see = a.unitId === p.unitId;
  const manage =
    see &&
    p.withdrawnReason === null &&
    (isOffice(a) || isMe(a, p.ownerPersonId) || headedDepartments(a).includes(p.departmentId));
  return { see, edit: manage, changeStage: manage, withdraw: manage, addTask: manage && isOffice(a) };
}
