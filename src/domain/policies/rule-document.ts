/**
 * Who may see and do what with the unit's rule documents (制度) and their versions. The rules are the unit's own
 * and not confidential: everyone of the unit reads every document, its current version and its history. The
 * office (领导小组办公室) and the 党组书记 keep them: add documents and versions, withdraw a version not yet in
 * force, withdraw a document.
 */
import { mayWithdrawVersion, type VersionFacts } from '../rule-documents.js';
import type { Role } from '../roles.js';
import type { WhoInUnit } from './who.js';

export interface RuleDocumentFacts {
  unitId: string;
  withdrawn: boolean;
}

export const RULE_DOCUMENT_CAN_KEYS = ['see', 'addVersion', 'withdraw'] as const;
export type RuleDocumentCan = Record<(typeof RULE_DOCUMENT_CAN_KEYS)[number], boolean>;
export const RULE_VERSION_CAN_KEYS = ['withdraw'] as const;
export type RuleVersionCan = Record<(typeof RULE_VERSION_CAN_KEYS)[number], boolean>;

/** The office and the 党组书记 keep the rule documents (roles as the page's session also lists them). */
const KEEPERS: readonly string[] = ['campaign_office', 'party_secretary'] satisfies Role[];
export const keepsRuleDocuments = (a: { grants: readonly { role: string }[] }) =>
  a.grants.some((g) => KEEPERS.includes(g.role));

export const canSeeRuleDocument = (a: WhoInUnit, d: RuleDocumentFacts) => a.unitId === d.unitId;

/** Adding a document (and picking the meeting item that adopted a version): the keepers, in their unit. */
export const mayAddRuleDocument = (a: WhoInUnit) => keepsRuleDocuments(a);

export function ruleDocumentPolicy(a: WhoInUnit, d: RuleDocumentFacts): RuleDocumentCan {
  const see = canSeeRuleDocument(a, d);
  const keep = see && keepsRuleDocuments(a) && !d.withdrawn;
  return { see, addVersion: keep, withdraw: keep };
}

/** A version may be withdrawn while it is not yet in force (domain/rule-documents mayWithdrawVersion). */
export function ruleVersionPolicy(a: WhoInUnit, d: RuleDocumentFacts, v: VersionFacts, today: string): RuleVersionCan {
  return { withdraw: ruleDocumentPolicy(a, d).addVersion && mayWithdrawVersion(v, today) };
}
