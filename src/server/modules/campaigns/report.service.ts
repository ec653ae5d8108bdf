import { shanghaiDate } from '../../../domain/civil-date.js';
import type { Actor } from '../../../domain/roles.js';
import { chineseNumeral, officialDocument, type Block } from '../../docx/official.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';
import { getCampaign, loadCampaign } from './campaigns.service.js';
import { campaignCompliance } from './compliance.service.js';

const cn = chineseNumeral;
const PERIOD: Record<string, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
  campaign: '活动期间',
};
const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 1000) / 10}%` : '—');

/**
 * 专项活动工作情况报告 as an official document (GB/T 9704), written from the data: overall figures,
 * each category's measures and items, the periodic obligations, the problems (overdue items, missed
 * obligations) and what follows from them.
 */
export async function campaignReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; data: Buffer }> {
  const row = await loadCampaign(deps, actor, id);
  const today = shanghaiDate(deps.clock.now());
  const [c, unit, rules] = await Promise.all([
    getCampaign(deps, actor, id),
    orgRepo.unit(deps.db, actor.unitId),
    campaignCompliance(deps.db, actor.unitId, row, today, actor),
  ]);
  const active = c.measures.filter((m) => m.active);
  const sum = (f: (m: (typeof active)[number]) => number, ms = active) => ms.reduce((n, m) => n + f(m), 0);
  // 本活动事项 as the overview and the ledger count them (domain/item-figures), whatever their measure's state.
  const { items, closed, overdue } = c.figures;
  const broken = active.filter((m) => m.progress.items > 0);
  const blocks: Block[] = [
    { kind: 'h1', text: '一、总体情况' },
    {
      kind: 'p',
      text: `本单位于${c.startsOn}启动${c.name}，对照大兴“十风”、整治“十弊”共${c.categories.length}个方面${active.length}条措施推进落实。截至${today}，已分解措施${broken.length}条，生成督办事项${items}项，已办结${closed}项（办结率${pct(closed, items)}），逾期未办结${overdue}项。`,
    },
  ];
  if (c.leadingGroup)
    blocks.push({
      kind: 'p',
      text: `成立${c.leadingGroup.name}，${c.leadingGroup.members
        .filter((m) => /组长/.test(m.role))
        .map((m) => `${m.name}任${m.role}`)
        .join('，')}${c.officeGroup ? `；${c.officeGroup.name}负责日常调度` : ''}。`,
    });
  blocks.push({ kind: 'h1', text: '二、措施落实情况' });
  const idle: string[] = [];
  for (const cat of c.categories) {
    const ms = active.filter((m) => m.categoryNo === cat.no);
    const catItems = sum((m) => m.progress.items, ms);
    if (catItems === 0) {
      idle.push(`（${cn(cat.no)}）`);
      continue;
    }
    blocks.push({ kind: 'h2', text: `（${cn(cat.no)}）${cat.title}` });
    blocks.push({
      kind: 'p',
      text: `${ms.length}条措施中${ms.filter((m) => m.progress.items > 0).length}条已分解，督办事项${catItems}项，已办结${sum((m) => m.progress.closed, ms)}项${sum((m) => m.progress.overdue, ms) ? `，逾期${sum((m) => m.progress.overdue, ms)}项` : ''}。`,
    });
  }
  if (idle.length) blocks.push({ kind: 'p', text: `第${idle.join('、')}方面的措施尚未分解为督办事项。` });
  blocks.push({ kind: 'h1', text: '三、周期性工作落实情况' });
  if (rules.length === 0) blocks.push({ kind: 'p', text: '本活动未设置周期性工作要求。' });
  rules.forEach((r, i) => {
    const s = r.summary;
    const measure = r.rule.measureNo ? `（措施${r.rule.measureNo}）` : '';
    if (r.rule.kind === 'attendance') {
      // Meeting discipline is an outcome per person and period, not a target met or missed.
      const standard = `无故不参加${r.rule.absenceLimit}次或迟到、早退${r.rule.lateLimit}次以上的通报`;
      blocks.push({
        kind: 'p',
        text: `${i + 1}.${r.rule.title}${measure}，${PERIOD[r.rule.period]}${standard}：达到通报标准${s.reached}人次。`,
      });
      return;
    }
    const unit = r.rule.distinctObjects ? '家' : '次';
    const req =
      r.rule.kind === 'coverage'
        ? `${PERIOD[r.rule.period]}覆盖${r.rule.percent}%`
        : `${PERIOD[r.rule.period]}${r.rule.min}${r.rule.max ? `至${r.rule.max}` : ''}${unit}${r.rule.max ? '' : '以上'}`;
    blocks.push({
      kind: 'p',
      text: `${i + 1}.${r.rule.title}${measure}，要求${req}：已达标${s.met}个、有风险${s.atRisk}个、未达标${s.missed}个${s.over ? `、超上限${s.over}个` : ''}。`,
    });
  });
  blocks.push({ kind: 'h1', text: '四、存在的问题' });
  const late = active.filter((m) => m.progress.overdue > 0);
  const missed = rules.filter((r) => r.summary.missed > 0);
  if (!late.length && !missed.length)
    blocks.push({ kind: 'p', text: '截至目前，未发现逾期事项和未达标的周期性工作。' });
  if (late.length)
    blocks.push({ kind: 'p', text: `督办事项逾期未办结${overdue}项，涉及措施${late.map((m) => m.no).join('、')}。` });
  if (missed.length)
    blocks.push({
      kind: 'p',
      text: `周期性工作未达标：${missed.map((r) => `“${r.rule.title}”${r.summary.missed}个`).join('，')}。`,
    });
  blocks.push({ kind: 'h1', text: '五、下步打算' });
  const risky = rules.filter((r) => r.summary.atRisk > 0);
  const next = [
    ...(overdue ? [`对逾期未办结的${overdue}项督办事项逐项催办，限期办结反馈。`] : []),
    ...risky.map((r) => `“${r.rule.title}”尚有${r.summary.atRisk}个有风险，督促责任人在本周期内完成。`),
    ...(active.length > broken.length
      ? [`对尚未分解的${active.length - broken.length}条措施，明确责任领导、责任科室和责任人。`]
      : []),
  ];
  if (next.length === 0) next.push('按照工作方案持续推进，定期调度、及时反馈。');
  next.forEach((t, i) => blocks.push({ kind: 'p', text: `${i + 1}.${t}` }));
  const title = `${unit!.name}${c.name}工作情况报告`;
  return { fileName: `${title}.docx`, data: await officialDocument({ title, subtitle: `（截至${today}）`, blocks }) };
}
