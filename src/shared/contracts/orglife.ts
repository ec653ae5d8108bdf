import { z } from 'zod';
import { pageOf, zName, zVersion } from './common.js';
import { zIsoDate } from './calendar.js';
import { zInt, zMeetingStatus, zText, zUuid } from './orglife-fields.js';

// The lists, the rectification list and the opinion items have their own file.
export * from './orglife-lists.js';

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
  /** Holding the meeting while its preparation has gaps (domain/meeting-readiness) needs this confirmation. */
  holdDespiteGaps: z
    .object({ reason: z.string().trim().min(4, '请填写确认召开的理由（至少4个字）').max(500, '理由不超过500字') })
    .nullable()
    .default(null),
  version: zVersion,
});

// What the services answer (response schemas: Fastify serializes through them, so every field the pages use is here).
const zTalkKind = z.enum(['committee_pair', 'committee_member', 'member_member', 'one_to_three']);

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
  opinionsUnclassified: zInt(),
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
  /** The preparation checklist (domain/meeting-readiness): each check, and the gaps as sentences. */
  readiness: z.object({
    ready: z.boolean(),
    gaps: z.array(z.string()),
    checks: z.array(
      z.object({
        key: z.enum(['study', 'opinions', 'talks', 'lists']),
        label: z.string(),
        done: z.boolean(),
        detail: z.string(),
        gap: z.string(),
      }),
    ),
  }),
  /** The meeting was held despite these gaps, confirmed by this person for this reason. */
  holdOverride: z.object({ gaps: z.array(z.string()), reason: z.string(), by: z.string() }).nullable(),
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
