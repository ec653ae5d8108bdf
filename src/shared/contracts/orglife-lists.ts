/** Contracts of the self-check lists, the rectification list and the opinion items of an organizational life meeting. */
import { z } from 'zod';
import { OPINION_ITEM_CAN_KEYS } from '../../domain/policies/opinion-item.js';
import { LIST_CAN_KEYS } from '../../domain/policies/self-check-list.js';
import { pageOf, zCan, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';
import { zInt, zMeetingStatus, zText, zUuid } from './orglife-fields.js';

export const TARGET_KINDS = {
  branch: '党支部',
  leadership: '领导班子',
  department: '科室（中心）',
  person: '党员个人',
} as const;
export const ZClassifyBody = z.object({
  categoryNo: z.number().int().min(1).max(100).nullable(),
  targetKind: z.enum(['branch', 'leadership', 'department', 'person'], { message: '请选择意见指向' }),
  targetDepartmentId: zUuid('科室').nullable().default(null),
  targetPersonId: zUuid('人员').nullable().default(null),
  version: zVersion,
});
export const ZDecideItemBody = z.object({ adopted: z.boolean(), note: zText('说明', 500), version: zVersion });
export const ZMergeBody = z.object({
  intoId: zUuid('意见'),
  ids: z.array(zUuid('意见')).min(1, '请选择要合并的意见').max(200),
});
export const ZItemQuery = z.object({
  status: z.enum(['new', 'adopted', 'not_adopted', 'merged']).optional(),
  targetKind: z.enum(['branch', 'leadership', 'department', 'person', 'none']).optional(),
  categoryNo: z.coerce.number().int().min(1).max(100).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZEntry = z.object({
  categoryNo: z.number().int().min(1).max(100).nullable(),
  appearance: zText('表象', 2000),
  shortfall: z.string().trim().min(2, '请写明问题和不足').max(2000, '问题和不足不超过2000字'),
  causes: zText('原因剖析', 2000),
  nextSteps: zText('下步打算', 2000),
  /** Rectification: owner, measures and deadline, filled before the list becomes the 整改清单. */
  ownerPersonId: zUuid('整改责任人').nullable().default(null),
  measures: zText('整改措施', 2000),
  due: zIsoDate.nullable().default(null),
  /** The adopted opinion item this entry came from, if any. */
  sourceItemId: zUuid('意见').nullable().default(null),
});
export type Entry = z.infer<typeof ZEntry>;
export const ZListSaveBody = z.object({ entries: z.array(ZEntry).max(100), version: zVersion });
export const ZListActionBody = z.object({
  action: z.enum(['submit', 'return', 'approve']),
  comment: z.string().trim().max(1000).default(''),
  version: zVersion,
});

const zListStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
const zTargetKind = z.enum(['branch', 'leadership', 'department', 'person']);
const ZCategoryRef = z.object({ no: zInt(), title: z.string() });

export const ZListsOverview = z.object({
  branch: z.object({ listId: z.uuid(), status: zListStatus, entries: zInt() }).nullable(),
  members: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      listId: z.uuid().nullable(),
      status: z.enum([...zListStatus.options, 'none']),
      entries: zInt(),
      submittedOn: z.string().nullable(),
    }),
  ),
});
/** An entry as stored (ZEntry's checks were made when it was saved; an imported opinion may be shorter than they ask). */
export const ZEntryView = z.object({
  categoryNo: zInt().nullable(),
  appearance: z.string(),
  shortfall: z.string(),
  causes: z.string(),
  nextSteps: z.string(),
  ownerPersonId: z.string().nullable(),
  measures: z.string(),
  due: z.string().nullable(),
  sourceItemId: z.string().nullable(),
});
export const ZSelfCheckList = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  personId: z.uuid().nullable(),
  ownerName: z.string(),
  status: zListStatus,
  statusLabel: z.string(),
  entries: z.array(ZEntryView),
  returnComment: z.string(),
  submittedOn: z.string().nullable(),
  version: zInt(),
  categories: z.array(ZCategoryRef),
  opinions: z.array(z.object({ id: z.uuid(), categoryNo: zInt().nullable(), text: z.string(), repeats: zInt() })),
  talkPoints: z.array(
    z.object({ id: z.uuid(), heldOn: z.string(), with: z.string(), problems: z.string(), suggestions: z.string() }),
  ),
  can: zCan(LIST_CAN_KEYS),
});

export const ZRectificationRow = z.object({
  ref: z.string(),
  listId: z.uuid(),
  from: z.string(),
  /** False for a problem of a personal list the reader may not read: its text and owner are withheld. */
  readable: z.boolean(),
  categoryNo: zInt().nullable(),
  category: z.string(),
  problem: z.string(),
  measures: z.string(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string(),
  due: z.string().nullable(),
  itemId: z.uuid().nullable(),
  itemStatus: z.string().nullable(),
  itemDue: z.string().nullable(),
});
export const ZRectification = z.object({
  meetingStatus: zMeetingStatus,
  rows: z.array(ZRectificationRow),
  pendingLists: zInt(),
});

export const ZOpinionItem = z.object({
  id: z.uuid(),
  categoryNo: zInt().nullable(),
  categoryTitle: z.string(),
  readable: z.boolean(),
  /** What the reader may do with it (domain/policies/opinion-item.ts). */
  can: zCan(OPINION_ITEM_CAN_KEYS),
  text: z.string(),
  audienceLabel: z.string(),
  repeats: zInt(),
  targetKind: zTargetKind.nullable(),
  targetDepartmentId: z.uuid().nullable(),
  targetPersonId: z.uuid().nullable(),
  targetLabel: z.string(),
  status: z.enum(['new', 'adopted', 'not_adopted', 'merged']),
  mergedIntoId: z.uuid().nullable(),
  note: z.string(),
  version: zInt(),
});
export const ZOpinionItemPage = pageOf(ZOpinionItem).extend({ categories: z.array(ZCategoryRef) });
