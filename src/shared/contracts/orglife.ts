import { z } from 'zod';
import { OPINION_ITEM_CAN_KEYS } from '../../domain/policies/opinion-item.js';
import { LIST_CAN_KEYS } from '../../domain/policies/self-check-list.js';
import { pageOf, zCan, zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';

const zText = (label: string, max = 4000) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');
const zUuid = (what: string) => z.uuid({ message: `${what}编号格式不正确` });

export const ZMeetingBody = z.object({
  campaignId: zUuid('专项活动').nullable().default(null),
  formId: zUuid('意见表').nullable().default(null),
  title: zName('名称', 100),
  plannedOn: zIsoDate,
  place: zText('地点', 100),
  minAttendancePct: z.number().int().min(50, '应到率不低于50%').max(100).default(80),
  leaderMax: z.number().int().min(1).max(10).default(3),
  committeeWithEachMember: z.boolean().default(true),
});

export const STUDY_KINDS = { committee: '支委会', general: '支部党员大会', seminar: '集中研讨' } as const;
export const ZMaterial = z.object({
  title: zName('材料名称', 120),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^(https?:\/\/\S+)?$/, '链接应以 http:// 或 https:// 开头')
    .default(''),
});
export const ZStudyBody = z.object({
  kind: z.enum(['committee', 'general', 'seminar'], { message: '学习形式不正确' }),
  title: zName('主题', 100),
  heldOn: zIsoDate,
  materials: z.array(ZMaterial).max(30).default([]),
  notes: zText('学习情况', 4000),
});
export const ZStatementBody = z.object({
  text: z.string().trim().min(10, '研讨发言至少10个字').max(8000, '研讨发言不超过8000字'),
});

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

export const ZTalkBody = z.object({
  kind: z.enum(['committee_pair', 'committee_member', 'member_member', 'one_to_three'], { message: '谈话类型不正确' }),
  aPersonId: zUuid('谈话人'),
  bPersonId: zUuid('谈话对象'),
  heldOn: zIsoDate,
  place: zText('地点', 100),
  topics: zText('谈话内容', 4000),
  problems: zText('指出的问题', 4000),
  suggestions: zText('意见建议', 4000),
});

export const ZAttendance = z.object({ personId: zUuid('人员'), present: z.boolean(), reason: zText('缺席原因', 100) });
export const ZMeetingRecordBody = z.object({
  heldOn: zIsoDate,
  place: zName('地点', 100),
  attendance: z.array(ZAttendance).min(1, '请登记参会情况').max(500),
  secretaryReport: zText('支部书记报告', 8000),
  selfCriticisms: z
    .array(z.object({ personId: zUuid('人员'), text: z.string().trim().min(2, '请填写自我批评内容').max(4000) }))
    .max(500)
    .default([]),
  criticisms: z
    .array(
      z.object({
        fromId: zUuid('提出人'),
        toId: zUuid('被批评人'),
        text: z.string().trim().min(2, '请填写批评意见').max(4000),
      }),
    )
    .max(2000)
    .default([]),
  minutes: zText('会议记录', 20000),
  version: zVersion,
});

// What the services answer (response schemas: Fastify serializes through them, so every field the pages use is here).
const zInt = () => z.number().int();
const zMeetingStatus = z.enum(['preparing', 'held']);
const zListStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
const zTalkKind = z.enum(['committee_pair', 'committee_member', 'member_member', 'one_to_three']);
const zTargetKind = z.enum(['branch', 'leadership', 'department', 'person']);
const ZCategoryRef = z.object({ no: zInt(), title: z.string() });

export const ZMeetingRow = z.object({
  id: z.uuid(),
  title: z.string(),
  status: zMeetingStatus,
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
});
export const ZMeetingPage = pageOf(ZMeetingRow);
export const ZMeetingFigures = z.object({
  members: zInt(),
  present: zInt(),
  attendancePct: zInt(),
  studySessions: zInt(),
  responses: zInt(),
  opinionItems: zInt(),
  adopted: zInt(),
  aboutPersons: zInt(),
  talksPlanned: zInt(),
  talksPlannedDone: zInt(),
  talksHeld: zInt(),
  membersTalked: zInt(),
  listsSubmitted: zInt(),
  listsApproved: zInt(),
  listsReturned: zInt(),
  rectificationItems: zInt(),
});
export const ZMeetingDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  status: zMeetingStatus,
  campaignId: z.uuid().nullable(),
  formId: z.uuid().nullable(),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  place: z.string(),
  minAttendancePct: zInt(),
  leaderMax: zInt(),
  committeeWithEachMember: z.boolean(),
  version: zInt(),
  secretaryReport: z.string(),
  minutes: z.string(),
  attendance: z.array(z.object({ personId: z.string(), present: z.boolean(), reason: z.string() })),
  selfCriticisms: z.array(z.object({ personId: z.string(), text: z.string() })),
  criticisms: z.array(z.object({ fromId: z.string(), toId: z.string(), text: z.string() })),
  people: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      departmentId: z.uuid().nullable(),
      member: z.boolean(),
      committee: z.boolean(),
      secretary: z.boolean(),
      leadership: z.boolean(),
    }),
  ),
  figures: ZMeetingFigures,
  /** The meeting's actions (domain/policies/meeting) and what the reader sees of its parts. */
  can: z.object({
    see: z.boolean(),
    edit: z.boolean(),
    planStudy: z.boolean(),
    planTalks: z.boolean(),
    importAdopted: z.boolean(),
    record: z.boolean(),
    report: z.boolean(),
    readRectification: z.boolean(),
    rectify: z.boolean(),
    manage: z.boolean(),
    decideLists: z.boolean(),
    seeAllLists: z.boolean(),
    leadership: z.boolean(),
    seeOpinionItems: z.boolean(),
  }),
  me: z.uuid().nullable(),
});

export const ZStudyView = z.object({
  defaultMaterials: z.array(z.object({ title: z.string(), url: z.string() })),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['committee', 'general', 'seminar']),
      kindLabel: z.string(),
      title: z.string(),
      heldOn: z.string(),
      materials: z.array(
        z.object({
          title: z.string(),
          url: z.string(),
          file: z.object({ sha256: z.string(), size: zInt() }).nullable(),
        }),
      ),
      notes: z.string(),
      withdrawnReason: z.string().nullable(),
      version: zInt(),
      signedIn: z.array(z.object({ id: z.string(), name: z.string() })),
      signedInMe: z.boolean(),
      absent: z.array(z.string()),
      statements: z.array(
        z.object({ id: z.uuid(), personId: z.uuid(), name: z.string(), text: z.string(), mine: z.boolean() }),
      ),
    }),
  ),
});

export const ZTalkView = z.object({
  plan: z.array(
    z.object({
      kind: zTalkKind,
      a: z.string(),
      b: z.string(),
      kindLabel: z.string(),
      aName: z.string(),
      bName: z.string(),
      done: z.boolean(),
    }),
  ),
  leaders: z.array(z.object({ id: z.uuid(), name: z.string(), load: zInt() })),
  coverage: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      leadership: z.boolean(),
      oneToThree: z.boolean(),
      talked: z.boolean(),
      with: z.array(z.string()),
    }),
  ),
  figures: z.object({ talksPlanned: zInt(), talksPlannedDone: zInt(), talksHeld: zInt(), membersTalked: zInt() }),
  records: z.array(
    z.object({
      can: z.object({ see: z.boolean(), void: z.boolean() }),
      id: z.uuid(),
      kind: zTalkKind,
      kindLabel: z.string(),
      aPersonId: z.uuid(),
      bPersonId: z.uuid(),
      aName: z.string(),
      bName: z.string(),
      heldOn: z.string(),
      voidedReason: z.string().nullable(),
      readable: z.boolean(),
      place: z.string(),
      topics: z.string(),
      problems: z.string(),
      suggestions: z.string(),
    }),
  ),
});

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
