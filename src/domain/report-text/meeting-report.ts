/**
 * The 专题组织生活会情况报告 written from the meeting's records only: what was recorded is stated
 * with its counts, what was not is said not to have been recorded (never assumed). Pure.
 */
import { chinese, cnDate, orUnspecified, joinList, scrub, sentence, type ReportBlock } from './text.js';

export interface MeetingReportFacts {
  unitName: string;
  meetingTitle: string;
  heldOn: string;
  place: string;
  members: number;
  study: { kindLabel: string; signedIn: number; materials: string[] }[];
  opinions: {
    formLinked: boolean;
    responses: number;
    /** Labels of the audiences responses came from (none when nothing was received). */
    audiences: string[];
    items: number;
    unclassified: number;
    adopted: number;
    aboutPersons: number;
  };
  lists: { approved: number; expected: number; branchApproved: boolean };
  talks: {
    planned: number;
    plannedDone: number;
    held: number;
    byKind: { label: string; count: number }[];
    membersTalked: number;
  };
  attendance: { present: number; pct: number; absent: { name: string; reason: string }[] };
  secretaryReported: boolean;
  selfCriticisms: number;
  criticisms: number;
  /** Problems of the lists, grouped by category title, in order. */
  problems: { category: string; problems: string[] }[];
  rectification: { measures: string; owner: string | null; due: string | null }[];
  inLedger: number;
  /** The gaps the meeting was held with, who confirmed it and why (none when it was ready). */
  override: { gaps: string[]; by: string; reason: string } | null;
}

const MAX_PROBLEMS_PER_CATEGORY = 8;
const MAX_MEASURES = 10;

function studyText(f: MeetingReportFacts): string {
  if (f.study.length === 0) return '会前学习未登记。';
  const kinds = joinList([...new Set(f.study.map((s) => s.kindLabel))]);
  const signed = f.study.reduce((n, s) => n + s.signedIn, 0);
  const materials = joinList([...new Set(f.study.flatMap((s) => s.materials.map(scrub)))].slice(0, 6));
  return `以${kinds}形式开展会前学习${f.study.length}次，累计签到${signed}人次${materials ? `，学习了${materials}` : ''}。`;
}

function opinionsText(o: MeetingReportFacts['opinions']): string {
  if (!o.formLinked) return '本次会议未关联征求意见表，征求意见情况未登记。';
  if (o.responses === 0) return '征求意见表尚未收回意见。';
  const from = o.audiences.length ? `向${joinList(o.audiences)}征求意见，` : '';
  const unclassified = o.unclassified ? `，其中${o.unclassified}条尚未分类` : '';
  const persons = o.aboutPersons ? `；涉及党员个人的${o.aboutPersons}条已通知本人` : '';
  return `${from}共收回征求意见表${o.responses}份，梳理意见建议${o.items}条${unclassified}，采纳${o.adopted}条${persons}。`;
}

function listsText(l: MeetingReportFacts['lists']): string {
  const branch = l.branchApproved ? '党支部问题自查清单已审定' : '党支部问题自查清单尚未审定';
  return `${branch}；党员个人问题自查清单应有${l.expected}份，经支部书记审核通过${l.approved}份。`;
}

function talksText(t: MeetingReportFacts['talks'], members: number): string {
  const plan = t.planned ? `谈心谈话计划${t.planned}次，已完成${t.plannedDone}次` : '未制定谈心谈话计划';
  if (t.held === 0) return `${plan}，尚未登记谈心谈话记录。`;
  const kinds = t.byKind.filter((k) => k.count > 0).map((k) => `${k.label}${k.count}次`);
  return `${plan}；共登记谈心谈话${t.held}次${kinds.length ? `（${joinList(kinds)}）` : ''}，与${t.membersTalked}名在职党员进行了谈心谈话（在职党员${members}名）。`;
}

function meetingText(f: MeetingReportFacts): string {
  const absent = f.attendance.absent.map((a) => `${orUnspecified(a.name)}（${orUnspecified(a.reason)}）`);
  const parts = [
    `支部应到党员${f.members}名，实到${f.attendance.present}名，到会率${f.attendance.pct}%${absent.length ? `，${joinList(absent)}缺席` : ''}`,
    f.secretaryReported ? '支部书记代表支部委员会报告问题自查情况' : '会议记录中未登记支部书记的报告',
    f.selfCriticisms ? `${f.selfCriticisms}名党员作了自我批评` : '会议记录中未登记自我批评',
    f.criticisms ? `开展相互批评${f.criticisms}条` : '未登记相互批评意见',
  ];
  return `${parts.join('；')}。`;
}

function overrideText(o: NonNullable<MeetingReportFacts['override']>): string {
  return `召开时尚有${joinList(o.gaps)}，经${orUnspecified(o.by)}确认召开，理由：${orUnspecified(o.reason)}。`;
}

function problemBlocks(f: MeetingReportFacts): ReportBlock[] {
  const groups = f.problems.filter((g) => g.problems.some((p) => scrub(p)));
  if (groups.length === 0) return [{ kind: 'p', text: '自查清单尚未填写问题。' }];
  return groups.flatMap((g, i) => {
    const ps = g.problems.map(scrub).filter(Boolean);
    const more = ps.length - MAX_PROBLEMS_PER_CATEGORY;
    return [
      { kind: 'h2' as const, text: `（${chinese(i + 1)}）${orUnspecified(g.category)}` },
      ...ps
        .slice(0, MAX_PROBLEMS_PER_CATEGORY)
        .map((p, j) => ({ kind: 'p' as const, text: `${j + 1}.${sentence(p)}` })),
      ...(more > 0 ? [{ kind: 'p' as const, text: `另有${more}个问题见整改清单。` }] : []),
    ];
  });
}

function rectificationBlocks(f: MeetingReportFacts): ReportBlock[] {
  const rows = f.rectification;
  if (rows.length === 0) return [{ kind: 'p', text: '整改清单尚未形成。' }];
  const withMeasures = rows.filter((r) => scrub(r.measures));
  const count = (p: (r: (typeof rows)[number]) => boolean) => rows.filter(p).length;
  const summary = `针对查摆出的${rows.length}个问题形成整改清单，已明确整改措施${withMeasures.length}个、责任人${count((r) => !!scrub(r.owner))}个、整改时限${count((r) => !!r.due)}个${f.inLedger ? `，${f.inLedger}项已纳入督办台账闭环管理` : ''}。`;
  return [
    { kind: 'p', text: summary },
    ...withMeasures.slice(0, MAX_MEASURES).map((r, j) => ({
      kind: 'p' as const,
      text: `${j + 1}.${scrub(r.measures)}（责任人：${orUnspecified(r.owner)}${r.due ? `，时限：${cnDate(r.due)}` : ''}）`,
    })),
  ];
}

/** The report's paragraphs, in order. */
export function meetingReportBlocks(f: MeetingReportFacts): ReportBlock[] {
  const place = scrub(f.place) ? `在${scrub(f.place)}` : '';
  return [
    {
      kind: 'p',
      text: `${scrub(f.unitName)}党支部于${cnDate(f.heldOn)}${place}召开${scrub(f.meetingTitle)}。现将有关情况报告如下。`,
    },
    { kind: 'h1', text: '一、会前准备情况' },
    { kind: 'h2', text: '（一）会前学习。' },
    { kind: 'p', text: studyText(f) },
    { kind: 'h2', text: '（二）征求意见和问题查摆。' },
    { kind: 'p', text: opinionsText(f.opinions) },
    { kind: 'p', text: listsText(f.lists) },
    { kind: 'h2', text: '（三）谈心谈话。' },
    { kind: 'p', text: talksText(f.talks, f.members) },
    { kind: 'h1', text: '二、会议召开情况' },
    ...(f.override ? [{ kind: 'p' as const, text: overrideText(f.override) }] : []),
    { kind: 'p', text: meetingText(f) },
    { kind: 'h1', text: '三、查摆出的主要问题' },
    ...problemBlocks(f),
    { kind: 'h1', text: '四、整改措施' },
    ...rectificationBlocks(f),
    { kind: 'p', text: '特此报告。' },
  ];
}
