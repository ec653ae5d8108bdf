/** Contracts of maintaining a contact object (联系对象): its name, its assignees from a date, and their history. */
import { z } from 'zod';
import { zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

export const ZObjectEditBody = z.object({ name: zName('名称', 60), version: zVersion });

export const ZObjectReassignBody = z.object({
  personIds: z
    .array(z.uuid({ message: '所选人员不存在' }))
    .max(20, '联系人不能超过20人')
    .refine((ids) => new Set(ids).size === ids.length, '同一人不能重复选择'),
  from: zIsoDate,
  version: zVersion,
});

/** One person's term on an object: from (null: since always) through (null: still assigned). */
export const ZObjectAssignment = z.object({
  personId: z.uuid(),
  personName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
