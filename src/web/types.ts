import type { z } from 'zod';
import type { TMe } from '../shared/contracts/auth.js';
import type { TPerson, TRosterImport } from '../shared/contracts/people.js';
import type { ZDepartment, ZGroup, ZPost, ZUnit } from '../shared/contracts/org.js';
import type { ZUser } from '../shared/contracts/users.js';
import type { ZAuditEvent } from '../shared/contracts/audit.js';
import type { ZItem, ZItemDetail, ZRankingRow } from '../shared/contracts/supervision.js';
import type { ZWorkbench } from '../shared/contracts/workbench.js';
import type {
  ZActivity,
  ZCampaign,
  ZCampaignDetail,
  ZCompliance,
  ZContactObject,
  ZMeasure,
  ZRule,
  ZTemplateSummary,
} from '../shared/contracts/campaigns.js';
import type {
  ZCoverage,
  ZDayInfo,
  ZScheduleImport,
  ZOverride,
  ZDeadlineSettings,
  ZComputedDeadline,
  ZDeadline,
} from '../shared/contracts/calendar.js';

export type Me = TMe;
export type Person = TPerson;
export type RosterImport = TRosterImport;
export type Department = z.infer<typeof ZDepartment>;
export type Post = z.infer<typeof ZPost>;
export type Group = z.infer<typeof ZGroup>;
export type Unit = z.infer<typeof ZUnit>;
export type User = z.infer<typeof ZUser>;
export type AuditEvent = z.infer<typeof ZAuditEvent>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export type Coverage = z.infer<typeof ZCoverage>;
export type DayInfo = z.infer<typeof ZDayInfo>;
export type ScheduleImport = z.infer<typeof ZScheduleImport> & { recomputed?: { checked: number; changed: number } };
export type Override = z.infer<typeof ZOverride>;
export type DeadlineSettings = z.infer<typeof ZDeadlineSettings>;
export type ComputedDeadline = z.infer<typeof ZComputedDeadline>;
export type Deadline = z.infer<typeof ZDeadline>;
export type Item = z.infer<typeof ZItem>;
export type ItemDetail = z.infer<typeof ZItemDetail>;
export type Campaign = z.infer<typeof ZCampaign>;
export type CampaignDetail = z.infer<typeof ZCampaignDetail>;
export type Measure = z.infer<typeof ZMeasure>;
export type Activity = z.infer<typeof ZActivity>;
export type ContactObject = z.infer<typeof ZContactObject>;
export type Rule = z.infer<typeof ZRule> & { summary: z.infer<typeof ZCompliance>['summary'] };
export type Compliance = z.infer<typeof ZCompliance>;
export type TemplateSummary = z.infer<typeof ZTemplateSummary>;
export type RankingRow = z.infer<typeof ZRankingRow>;
export type Workbench = z.infer<typeof ZWorkbench>;
