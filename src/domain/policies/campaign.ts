/**
 * Who may see and change a campaign (专项活动), its measures, its obligation rules and the contact
 * objects its rules count. All are unit-visible (campaign.read: every role that follows the
 * campaign); the campaign office changes them (campaign.manage). A withdrawn measure is kept for
 * the record and changes no more.
 */
import { hasPermission, type Actor } from '../roles.js';

type A = Pick<Actor, 'unitId' | 'grants'>;
export interface InUnit {
  unitId: string;
}
export interface MeasureFacts extends InUnit {
  active: boolean;
}

const reads = (a: A, o: InUnit) => a.unitId === o.unitId && hasPermission(a, 'campaign.read');
const manages = (a: A, o: InUnit) => reads(a, o) && hasPermission(a, 'campaign.manage');

export const CAMPAIGN_CAN_KEYS = ['see', 'editParams', 'addMeasure', 'addRule', 'report', 'keepLeftover'] as const;
export type CampaignCan = Record<(typeof CAMPAIGN_CAN_KEYS)[number], boolean>;

export function campaignPolicy(a: A, c: InUnit): CampaignCan {
  const see = reads(a, c);
  const manage = manages(a, c);
  // keepLeftover: keep a template leftover (domain/template-leftovers) as it is, with a reason.
  return { see, editParams: manage, addMeasure: manage, addRule: manage, report: see, keepLeftover: manage };
}

export const MEASURE_CAN_KEYS = ['see', 'edit', 'withdraw', 'breakDown'] as const;
export type MeasureCan = Record<(typeof MEASURE_CAN_KEYS)[number], boolean>;

export function measurePolicy(a: A, m: MeasureFacts): MeasureCan {
  const change = manages(a, m) && m.active;
  return { see: reads(a, m), edit: change, withdraw: change, breakDown: change };
}

export interface RuleFacts extends InUnit {
  active: boolean;
}
export const RULE_CAN_KEYS = ['see', 'readCompliance', 'edit', 'withdraw'] as const;
export type RuleCan = Record<(typeof RULE_CAN_KEYS)[number], boolean>;

/**
 * An obligation rule (义务规则) and its compliance: read by all who follow the campaign; the office
 * changes it (a new version from a date) or withdraws it with a reason; a withdrawn rule changes no more.
 */
export function rulePolicy(a: A, r: RuleFacts): RuleCan {
  const see = reads(a, r);
  const change = manages(a, r) && r.active;
  return { see, readCompliance: see, edit: change, withdraw: change };
}

/** Activity kinds (活动类别): listed to readers; the office adds the unit's own and withdraws them (not built-in ones). */
export function activityKindPolicy(a: A, k: InUnit & { builtIn: boolean; active: boolean }) {
  const manage = manages(a, k);
  return { see: reads(a, k), add: manage, withdraw: manage && !k.builtIn && k.active };
}

/** Contact objects (联系对象: villages, enterprises…) of the unit: listed to readers, created and imported by the office. */
export function contactObjectsPolicy(a: A, unitId: string): { see: boolean; create: boolean; import: boolean } {
  const see = reads(a, { unitId });
  const manage = manages(a, { unitId });
  return { see, create: manage, import: manage };
}

export const CONTACT_OBJECT_CAN_KEYS = ['see', 'edit', 'deactivate', 'reactivate', 'reassign'] as const;
export type ContactObjectCan = Record<(typeof CONTACT_OBJECT_CAN_KEYS)[number], boolean>;

/**
 * One contact object: seen by readers; its name edited, its assignees reassigned from a date and the object
 * deactivated by the office while it is active; a deactivated one is only reactivated (it stays for the record).
 */
export function contactObjectPolicy(a: A, o: MeasureFacts): ContactObjectCan {
  const manage = manages(a, o);
  return {
    see: reads(a, o),
    edit: manage && o.active,
    deactivate: manage && o.active,
    reactivate: manage && !o.active,
    reassign: manage && o.active,
  };
}

/** Creating a campaign (from a template) and importing templates. */
export const mayCreateCampaign = (a: A) => hasPermission(a, 'campaign.manage');
