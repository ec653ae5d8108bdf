import { z } from 'zod';
import { MEETING_KINDS } from '../../domain/decision-rules.js';
import { RULE_DOCUMENT_CAN_KEYS, RULE_VERSION_CAN_KEYS } from '../../domain/policies/rule-document.js';
import { RULE_DOCUMENT_KINDS } from '../../domain/rule-documents.js';
import { zIsoDate } from './calendar.js';
import { ZPageQuery, zCan, zInt, zName, zVersion } from './common.js';

/** The 议事规则 parameters a 党组议事规则 or 局长办公会议事规则 version carries (domain/decision-rules MeetingRules). */
const zFraction = (label: string) =>
  z.tuple([zInt(1, 100, `${label}的分子应为1–100的整数`), zInt(1, 100, `${label}的分母应为1–100的整数`)]);
export const ZMeetingRules = z.object({
  materialsLeadDays: zInt(0, 30, '会议材料提前送达的工作日数应为0至30之间的整数'),
  quorumOver: zFraction('一般事项的到会比例'),
  cadreQuorumAtLeast: zFraction('干部任免事项的到会比例'),
  largeFundsFrom: z
    .number({ message: '大额资金起点应为数字（万元）' })
    .positive('大额资金起点应大于0')
    .max(1_000_000, '大额资金起点不能超过100万（万元）'),
});

export const ZRuleDocumentBody = z.object({
  kind: z.enum(RULE_DOCUMENT_KINDS, { message: '请选择制度类别' }),
  kindName: zName('制度类别名称', 20).nullable().default(null),
  title: zName('制度名称', 80),
  departmentId: z.uuid({ message: '科室编号格式不正确' }).nullable().default(null),
});

export const ZRuleVersionBody = z.object({
  label: zName('版本说明', 40),
  text: z.string().trim().min(1, '请填写制度全文').max(100_000, '制度全文不能超过 100000 字'),
  effectiveFrom: zIsoDate,
  adoptedByItemId: z.uuid({ message: '议题编号格式不正确' }).nullable().default(null),
  params: ZMeetingRules.nullable().default(null),
  /** The document's version as read: the history the new version follows. */
  version: zVersion,
});
export const ZRuleWithdraw = z.object({
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(200),
  version: zVersion,
});

export const ZRuleDocumentQuery = ZPageQuery.extend({
  q: z.string().trim().max(40).optional(),
  kind: z.enum(RULE_DOCUMENT_KINDS).optional(),
  departmentId: z.uuid({ message: '科室编号格式不正确' }).optional(),
});
/** Without `from` and `to`: the latest live version against the one before it. */
export const ZRuleDiffQuery = z.object({
  from: z.uuid({ message: '请选择比较的版本' }).optional(),
  to: z.uuid({ message: '请选择比较的版本' }).optional(),
});
export const ZAdoptableQuery = ZPageQuery.extend({ q: z.string().trim().max(40).optional() });
export const ZMeetingRulesQuery = z.object({
  kind: z.enum(MEETING_KINDS).default('party_group'),
  onDate: zIsoDate.optional(),
});

const ZVersionRef = z.object({ id: z.uuid(), label: z.string(), effectiveFrom: z.string() });
/** The item is named only to those who may read it (null for the others); the meeting and its day to all. */
const ZAdoptedBy = z.object({
  itemId: z.uuid().nullable(),
  itemTitle: z.string().nullable(),
  meetingTitle: z.string(),
  heldOn: z.string(),
});

export const ZRuleDocument = z.object({
  id: z.uuid(),
  kind: z.enum(RULE_DOCUMENT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  current: ZVersionRef.nullable(),
  /** The next version already adopted, not yet in force. */
  upcoming: ZVersionRef.nullable(),
  versionCount: z.number().int(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
  can: zCan(RULE_DOCUMENT_CAN_KEYS),
});
export type TRuleDocument = z.infer<typeof ZRuleDocument>;

export const ZRuleVersion = z.object({
  id: z.uuid(),
  label: z.string(),
  text: z.string(),
  effectiveFrom: z.string(),
  standing: z.enum(['current', 'future', 'past', 'withdrawn']),
  standingLabel: z.string(),
  adoptedBy: ZAdoptedBy.nullable(),
  params: ZMeetingRules.nullable(),
  withdrawnReason: z.string().nullable(),
  can: zCan(RULE_VERSION_CAN_KEYS),
});
export type TRuleVersion = z.infer<typeof ZRuleVersion>;
export const ZRuleDocumentDetail = ZRuleDocument.extend({ versions: z.array(ZRuleVersion) });
export type TRuleDocumentDetail = z.infer<typeof ZRuleDocumentDetail>;

const ZDiffPart = z.object({ changed: z.boolean(), text: z.string() });
export const ZRuleDiff = z.object({
  from: ZVersionRef,
  to: ZVersionRef,
  added: z.number().int(),
  removed: z.number().int(),
  lines: z.array(
    z.object({ op: z.enum(['same', 'remove', 'add']), text: z.string(), parts: z.array(ZDiffPart).optional() }),
  ),
});
export type TRuleDiff = z.infer<typeof ZRuleDiff>;

/** A decided (通过) agenda item of one of the unit's meetings, that may be named as having adopted a version. */
export const ZAdoptableItem = ZAdoptedBy;
export type TAdoptableItem = z.infer<typeof ZAdoptableItem>;

export const ZMeetingRulesInForce = z.object({
  rules: ZMeetingRules,
  source: z
    .object({ ruleDocumentId: z.uuid(), versionId: z.uuid(), title: z.string(), effectiveFrom: z.string() })
    .nullable(),
});
