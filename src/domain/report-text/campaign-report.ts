/**
 * The 专项活动工作情况报告 written from the campaign's records: the figures (counted elsewhere — the
 * overdue and on-time definitions are the supervision module's, taken here as inputs), each
 * category's progress, the periodic obligations and what follows from them. Nothing is asserted
 * that the figures do not hold. Pure.
 */
import { chinese, cnDate, joinList, orUnspecified, scrub, type ReportBlock } from './text.js';

export interface Progress {
  measures: number;
  brokenDown: number;
  items: number;
  closed: number;
  overdue: number;
}
export interface CampaignReportFacts {
  campaignName: string;
  startsOn: string;
  today: string;
  totals: Progress & { categories: number };
  leadingGroup: { name: string; leaders: { name: string; role: string }[] } | null;
  officeGroupName: string | null;
  categories: (Progress & { no: number; title: string })[];
  rules: {
    title: string;
    measureNo: number | null;
    requirement: {
      kind: 'count' | 'coverage' | 'attendance';
      period: string;
      min?: number | null;
      max?: number | null;
      percent?: number | null;
      /** Counts distinct objects (“至少联系服务*家”): the unit is 家, not 次. */
      distinctObjects?: boolean;
      absenceLimit?: number | null;
      lateLimit?: number | null;
    };
    met: number;
    atRisk: number;
    missed: number;
    over: number;
    /** Attendance rules: person-periods that reached the notice standard. */
    reached?: number;
  }[];
  /** Articles published (live) on the unit's 工作动态 from the campaign's start to today (or its end). */
  articlesPublished: number;
}

const PERIOD: Record<string, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
  campaign: '活动期间',
};

const rate = (closed: number, items: number) => `${Math.round((closed / items) * 1000) / 10}%`;

function overview(f: CampaignReportFacts): string {
  const t = f.totals;
  const started =
    f.startsOn <= f.today
      ? `${scrub(f.campaignName)}自${cnDate(f.startsOn)}开始`
      : `${scrub(f.campaignName)}定于${cnDate(f.startsOn)}开始`;
  const scope = `共${t.categories}个方面${t.measures}条措施`;
  // Items of measures withdrawn since are the campaign's too; say where they come from rather than let counts disagree.
  const ofWithdrawn = t.items - f.categories.reduce((n, c) => n + c.items, 0);
  const items = t.items
    ? `已分解措施${t.brokenDown}条，生成督办事项${t.items}项${ofWithdrawn > 0 ? `（其中${ofWithdrawn}项属于已撤销的措施）` : ''}，已办结${t.closed}项（办结率${rate(t.closed, t.items)}），逾期未办结${t.overdue}项`
    : '尚未将措施分解为督办事项';
  return `${started}，${scope}。截至${cnDate(f.today)}，${items}。`;
}

/** 宣传: the articles counted from the record; none says so rather than leave the reader to guess. */
export const publicityText = (n: number) =>
  n > 0 ? `活动期间在本单位工作动态发布宣传稿件${n}篇。` : '活动期间尚未发布宣传稿件。';

function groupText(g: NonNullable<CampaignReportFacts['leadingGroup']>, office: string | null): string {
  const heads = g.leaders.filter((m) => /组长/.test(m.role) && scrub(m.name));
  const who = heads.length ? `，${heads.map((m) => `${scrub(m.name)}任${scrub(m.role)}`).join('，')}` : '';
  return `成立${orUnspecified(g.name)}${who}${office && scrub(office) ? `；${scrub(office)}负责日常调度` : ''}。`;
}

function categoryBlocks(f: CampaignReportFacts): ReportBlock[] {
  const busy = f.categories.filter((c) => c.items > 0);
  const idle = f.categories.filter((c) => c.items === 0);
  const blocks: ReportBlock[] = busy.flatMap((c) => [
    { kind: 'h2' as const, text: `（${chinese(c.no)}）${orUnspecified(c.title)}` },
    {
      kind: 'p' as const,
      text: `${c.measures}条措施中${c.brokenDown}条已分解，督办事项${c.items}项，已办结${c.closed}项${c.overdue ? `，逾期${c.overdue}项` : ''}。`,
    },
  ]);
  if (idle.length)
    blocks.push({
      kind: 'p',
      text: `第${joinList(idle.map((c) => `（${chinese(c.no)}）`))}方面的措施尚未分解为督办事项。`,
    });
  return blocks;
}

function requirementText(r: CampaignReportFacts['rules'][number]['requirement']): string {
  const period = PERIOD[r.period] ?? '';
  if (r.kind === 'coverage') return `${period}覆盖${r.percent ?? 0}%`;
  if (r.kind === 'attendance')
    return `${period}无故不参加${r.absenceLimit ?? 1}次或迟到、早退${r.lateLimit ?? 1}次以上的予以通报`;
  const unit = r.distinctObjects ? '家' : '次';
  return `${period}${r.min ?? 0}${r.max ? `至${r.max}${unit}` : `${unit}以上`}`;
}

/** What a rule's cells add up to: met/at risk/missed, or (meeting discipline) who reached the notice standard. */
function outcomeText(r: CampaignReportFacts['rules'][number]): string {
  if (r.requirement.kind === 'attendance') return `达到通报标准${r.reached ?? 0}人次`;
  return `已达标${r.met}个、有风险${r.atRisk}个、未达标${r.missed}个${r.over ? `、超上限${r.over}个` : ''}`;
}

function ruleBlocks(f: CampaignReportFacts): ReportBlock[] {
  if (f.rules.length === 0) return [{ kind: 'p', text: '本活动未设置周期性工作要求。' }];
  return f.rules.map((r, i) => ({
    kind: 'p',
    text: `${i + 1}.${orUnspecified(r.title)}${r.measureNo ? `（措施${r.measureNo}）` : ''}，要求${requirementText(r.requirement)}：${outcomeText(r)}。`,
  }));
}

function problemBlocks(f: CampaignReportFacts): ReportBlock[] {
  const late = f.categories.filter((c) => c.overdue > 0);
  const missed = f.rules.filter((r) => r.missed > 0);
  const out: ReportBlock[] = [];
  if (f.totals.overdue)
    out.push({
      kind: 'p',
      text: `督办事项逾期未办结${f.totals.overdue}项${late.length ? `，涉及${joinList(late.map((c) => `第${chinese(c.no)}方面`))}` : ''}。`,
    });
  if (missed.length)
    out.push({
      kind: 'p',
      text: `周期性工作未达标：${missed.map((r) => `“${orUnspecified(r.title)}”${r.missed}个`).join('，')}。`,
    });
  if (out.length === 0 && f.totals.items === 0 && f.rules.length === 0)
    out.push({ kind: 'p', text: '尚无督办事项和周期性工作记录，无法评估存在的问题。' });
  else if (out.length === 0) out.push({ kind: 'p', text: '截至目前，记录中没有逾期事项和未达标的周期性工作。' });
  return out;
}

function nextSteps(f: CampaignReportFacts): ReportBlock[] {
  const t = f.totals;
  const next = [
    ...(t.overdue ? [`对逾期未办结的${t.overdue}项督办事项逐项催办，限期办结反馈。`] : []),
    ...f.rules
      .filter((r) => r.atRisk > 0)
      .map((r) => `“${orUnspecified(r.title)}”尚有${r.atRisk}个有风险，督促责任人在本周期内完成。`),
    ...(t.measures > t.brokenDown
      ? [`对尚未分解的${t.measures - t.brokenDown}条措施，明确责任领导、责任科室和责任人。`]
      : []),
  ];
  if (next.length === 0) next.push('按照工作方案持续推进，定期调度、及时反馈。');
  return next.map((text, i) => ({ kind: 'p', text: `${i + 1}.${text}` }));
}

/** The report's paragraphs, in order. */
export function campaignReportBlocks(f: CampaignReportFacts): ReportBlock[] {
  return [
    { kind: 'h1', text: '一、总体情况' },
    { kind: 'p', text: overview(f) },
    ...(f.leadingGroup ? [{ kind: 'p' as const, text: groupText(f.leadingGroup, f.officeGroupName) }] : []),
    { kind: 'p', text: publicityText(f.articlesPublished) },
    { kind: 'h1', text: '二、措施落实情况' },
    ...categoryBlocks(f),
    { kind: 'h1', text: '三、周期性工作落实情况' },
    ...ruleBlocks(f),
    { kind: 'h1', text: '四、存在的问题' },
    ...problemBlocks(f),
    { kind: 'h1', text: '五、下步打算' },
    ...nextSteps(f),
  ];
}
