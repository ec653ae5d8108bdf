/**
 * 征求意见 on a draft (measure 21, 以文辅政): the vocabulary, the rule for an answer to a comment, and the
 * 起草说明 (drafting note) written from the record alone — who was consulted and when, how many comments came
 * from each source, each answer with its reason, and every unanswered comment listed as unanswered (never
 * filled in). Pure: the facts are arguments.
 */
import { chinese } from './report-text/text.js';

export const DRAFT_KINDS = ['policy', 'normative', 'livelihood'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
export const DRAFT_KIND_LABELS: Record<DraftKind, string> = {
  policy: '政策文件',
  normative: '规范性文件',
  livelihood: '民生事项',
};

export const DRAFT_STATUSES = ['draft', 'consulting', 'closed', 'withdrawn'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  draft: '起草中',
  consulting: '征求意见中',
  closed: '征求意见结束',
  withdrawn: '已撤销',
};

export const TARGET_KINDS = ['department', 'person', 'contact_object'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/** A comment's source: a named target, or the public through the draft's opinion form. */
export type SourceKind = TargetKind | 'public';
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  department: '科室',
  person: '个人',
  contact_object: '联系对象',
  public: '社会公众',
};
/** What the 起草说明 calls the public source (its comments carry no author). */
export const PUBLIC_SOURCE_NAME = '社会公众（网上公开征求意见）';

export const VERDICTS = ['adopted', 'partly', 'not_adopted'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '不采纳',
};

/**
 * Why an answer is refused, or null when it stands: 部分采纳 and 不采纳 must give the reason (at least two
 * characters after trimming); 采纳 may give one.
 */
export function answerRefusal(verdict: Verdict, reason: string): string | null {
  if (verdict !== 'adopted' && reason.trim().length < 2) return `${VERDICT_LABELS[verdict]}须说明理由（至少2个字）`;
  return null;
}

/** Only 民生事项 go to the public, and never a draft marked 依法需要保密: the refusal, or null. */
export function publicRefusal(d: { kind: DraftKind; confidential: boolean }): string | null {
  if (d.confidential) return '该稿标记为依法需要保密，不能向社会公众公开征求意见';
  if (d.kind !== 'livelihood') return '只有民生事项可以向社会公众公开征求意见';
  return null;
}

export interface NoteComment {
  text: string;
  receivedOn: string;
  /** Who at a contact object said it (recorded by the drafter); empty otherwise. */
  speaker: string;
  answer: { verdict: Verdict; reason: string } | null;
}
export interface NoteSource {
  kind: SourceKind;
  name: string;
  /** When it was asked (the public: the day the form was opened). */
  notifiedOn: string;
  comments: NoteComment[];
}
export interface NoteFacts {
  title: string;
  kind: DraftKind;
  departmentName: string;
  status: DraftStatus;
  openedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  /** Sources in the order consulted: departments, people, contact objects, then the public. */
  sources: NoteSource[];
}
export type NoteBlock = { kind: 'h1' | 'h2' | 'p'; text: string };
export interface NoteTally {
  total: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  unanswered: number;
}

/** How many comments there are and how each was answered. */
export function tallyOf(sources: readonly NoteSource[]): NoteTally {
  const all = sources.flatMap((s) => s.comments);
  const n = (v: Verdict) => all.filter((c) => c.answer?.verdict === v).length;
  return {
    total: all.length,
    adopted: n('adopted'),
    partly: n('partly'),
    notAdopted: n('not_adopted'),
    unanswered: all.filter((c) => !c.answer).length,
  };
}

const names = (xs: readonly NoteSource[]) => xs.map((s) => s.name).join('、');

/** 一、征求意见情况: the window, whom, and how many from each. */
function consultationBlocks(f: NoteFacts): NoteBlock[] {
  if (!f.openedOn) return [{ kind: 'p', text: '本稿尚未征求意见，暂无征求意见情况。' }];
  const of = (k: SourceKind) => f.sources.filter((s) => s.kind === k);
  const asked = [
    of('department').length ? `${of('department').length}个科室（${names(of('department'))}）` : '',
    of('person').length ? `${of('person').length}名同志（${names(of('person'))}）` : '',
    of('contact_object').length ? `${of('contact_object').length}个联系对象（${names(of('contact_object'))}）` : '',
  ].filter(Boolean);
  const publicToo = of('public').length > 0;
  const whom = [
    asked.length ? `书面征求了${asked.join('、')}的意见` : '',
    publicToo ? '通过网上意见征集表向社会公众公开征求意见' : '',
  ]
    .filter(Boolean)
    .join('，并');
  const window = f.dueOn ? `${f.openedOn}至${f.dueOn}` : `自${f.openedOn}起`;
  const tally = tallyOf(f.sources);
  const withComments = f.sources.filter((s) => s.comments.length > 0);
  const silent = f.sources.filter((s) => s.comments.length === 0);
  const counted =
    tally.total === 0
      ? '截至目前未收到意见。'
      : `共收到意见${tally.total}条，其中${withComments.map((s) => `${s.name}${s.comments.length}条`).join('，')}。`;
  const closed = f.closedOn ? `征求意见于${f.closedOn}结束。` : '征求意见尚未结束，以下为截至目前的情况。';
  return [
    { kind: 'p', text: `本稿由${f.departmentName}起草，于${window}${whom}。${closed}` },
    { kind: 'p', text: counted + (silent.length ? `${names(silent)}未提出意见。` : '') },
  ];
}

function commentLine(c: NoteComment, i: number): string {
  const who = c.speaker ? `（${c.speaker}，${c.receivedOn}）` : `（${c.receivedOn}）`;
  const answer = !c.answer
    ? '处理情况：尚未答复。'
    : `处理情况：${VERDICT_LABELS[c.answer.verdict]}。${c.answer.reason.trim() ? `理由：${c.answer.reason.trim()}` : ''}`;
  return `${i + 1}. 意见${who}：${c.text.trim()} ${answer}`;
}

/**
 * The 起草说明 as headed blocks (for the page and the GB/T 9704 .docx): 一、征求意见情况; 二、意见采纳情况 with the
 * tally and, per source that commented, each comment and its answer — unanswered ones said to be unanswered.
 */
export function draftingNote(f: NoteFacts): { title: string; blocks: NoteBlock[] } {
  const t = tallyOf(f.sources);
  const blocks: NoteBlock[] = [
    { kind: 'p', text: `《${f.title}》（${DRAFT_KIND_LABELS[f.kind]}）起草过程中征求意见及采纳情况说明如下。` },
    { kind: 'h1', text: '一、征求意见情况' },
    ...consultationBlocks(f),
    { kind: 'h1', text: '二、意见采纳情况' },
  ];
  if (t.total === 0) return { title: `关于《${f.title}》的起草说明`, blocks: [...blocks, { kind: 'p', text: '无。' }] };
  blocks.push({
    kind: 'p',
    text: `收到的${t.total}条意见中，采纳${t.adopted}条，部分采纳${t.partly}条，不采纳${t.notAdopted}条${t.unanswered ? `，尚未答复${t.unanswered}条` : ''}。`,
  });
  let no = 0;
  for (const s of f.sources.filter((x) => x.comments.length > 0)) {
    blocks.push({ kind: 'h2', text: `（${chinese(++no)}）${s.name}（${s.comments.length}条）` });
    s.comments.forEach((c, i) => blocks.push({ kind: 'p', text: commentLine(c, i) }));
  }
  return { title: `关于《${f.title}》的起草说明`, blocks };
}
