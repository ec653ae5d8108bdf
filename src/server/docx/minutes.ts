import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { chineseDate } from '../../domain/notice-text.js';
import type { TMinutes } from '../../shared/contracts/decisions.js';
import { GBT9704, chineseNumeral, packOfficial, paragraph, run, type Block } from './official.js';
import { blankLine as blank, imprint, numberLine, redMark as mark } from './masthead.js';

/**
 * 会议纪要 in the GB/T 9704-2012 纪要 format: the red 版头 “…党组会议纪要” and its number 〔2026〕N号 over a red
 * rule, the meeting's facts (时间、地点、主持、出席、请假、列席、记录), then per item its title, the members'
 * positions in the order they were stated (the 主要负责人 last: principalOf), the conclusion and the 议定事项; the 版记 at the end.
 * Every sentence comes from the recorded minutes; what is missing is said to be missing.
 */
const list = (names: string[], none: string) => (names.length ? names.join('、') : none);
const sentence = (s: string) => (/[。！？；]$/.test(s) ? s : `${s}。`);

/** The facts at the head of the minutes. */
function factBlocks(m: TMinutes): Block[] {
  const attendees = m.items.flatMap((i) =>
    i.attendees.length ? [`${i.attendees.join('、')}（第${i.seq}项议题）`] : [],
  );
  return [
    { kind: 'p', text: `时间：${chineseDate(m.heldOn)}${m.startsAt ? ` ${m.startsAt}` : ''}` },
    { kind: 'p', text: `地点：${m.place || '（未记录）'}` },
    { kind: 'p', text: `主持：${m.chairName}` },
    { kind: 'p', text: `出席：${list(m.presentNames, '（未记录）')}` },
    {
      kind: 'p',
      text: `请假：${list(
        m.absences.map((a) => `${a.name}（${a.reason}）`),
        '无',
      )}`,
    },
    { kind: 'p', text: `列席：${list(attendees, '无')}` },
    { kind: 'p', text: `记录：${m.recorderName ?? '（未记录）'}` },
  ];
}

/** One item: title, 回避, positions in speaking order, conclusion, 议定事项. */
function itemBlocks(i: TMinutes['items'][number], n: number): Block[] {
  const blocks: Block[] = [
    {
      kind: 'h1',
      text: `${chineseNumeral(n)}、${i.title}${i.categoryLabel !== '一般事项' ? `（${i.categoryLabel}）` : ''}`,
    },
  ];
  if (i.recused.length) blocks.push({ kind: 'p', text: `${i.recused.join('、')}回避本议题。` });
  for (const p of i.positions)
    blocks.push({ kind: 'p', text: sentence(`${p.name}${p.positionLabel}${p.remark ? `：${p.remark}` : ''}`) });
  if (!i.outcomeLabel) blocks.push({ kind: 'p', text: '（本议题尚未作出决定。）' });
  else {
    const said = i.conclusion.startsWith('会议') ? i.conclusion : `会议${i.conclusion}`;
    blocks.push({ kind: 'p', text: sentence(i.outcomeLabel === '通过' ? said : `${i.outcomeLabel}。${said}`) });
  }
  for (const [k, d] of i.decisions.entries()) {
    const who = [
      d.departmentName ? `牵头科室：${d.departmentName}` : null,
      d.ownerName ? `责任人：${d.ownerName}` : null,
      d.leaderName ? `分管领导：${d.leaderName}` : null,
      `完成时限：${chineseDate(d.due)}`,
    ].filter((s): s is string => !!s);
    const state = i.isFollowUp ? `（${d.statusLabel}${d.lastProgress ? `，${d.lastProgress.text}` : ''}）` : '';
    blocks.push({ kind: 'p', text: `（${chineseNumeral(k + 1)}）${sentence(d.text)}${who.join('，')}。${state}` });
  }
  return blocks;
}

export function minutesDocument(m: TMinutes): Promise<Buffer> {
  const items = m.items.flatMap((i, n) => itemBlocks(i, n + 1));
  const omitted: Block[] = m.omittedItems
    ? [{ kind: 'p', text: `另有${m.omittedItems}项议题不在您的阅知范围内，本份纪要未予列入。` }]
    : [];
  return packOfficial(`${m.heading}${m.minutesNo ?? ''}`, 'Zuofeng', [
    mark(m.heading),
    numberLine(m.minutesNo ?? '（尚未编号）'),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(m.title, GBT9704.title)],
    }),
    blank(),
    ...factBlocks(m).map(paragraph),
    paragraph({ kind: 'p', text: m.items.length ? '会议研究了以下事项：' : '本份纪要中没有可供阅知的议题。' }),
    ...items.map(paragraph),
    ...omitted.map(paragraph),
    blank(),
    imprint(m.issuedBy, chineseDate(m.heldOn)),
  ]);
}
