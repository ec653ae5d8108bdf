import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { z } from 'zod';
import { shanghaiDate } from '../../../domain/civil-date.js';
import { ITEM_STATUSES, type ItemStatus } from '../../../domain/supervision.js';
import { orUnspecified, scrub } from '../../../domain/report-text/text.js';
import type { Actor } from '../../../domain/roles.js';
import { zIsoDate } from '../../../shared/contracts/calendar.js';
import { canReadItemContent } from '../../../domain/policies/item.js';
import { PERSONAL_ITEM_TITLE } from './items.service.js';
import { reportsRepo } from './reports.repo.js';
import { badRequest } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { orgRepo } from '../org/org.repo.js';

export const ZPackQuery = z.object({
  from: zIsoDate,
  to: zIsoDate,
  kind: z.enum(['weekly', 'monthly']).default('weekly'),
});

const FONT = '仿宋';
const text = (t: string, bold = false) => new TextRun({ text: t, bold, font: FONT, size: 24 });
const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [text(t, bold)] })] });
/** Column widths in twips for an A4 page (about 9000 twips wide): the title column gets the room. */
const WIDTHS = [700, 3300, 1500, 1000, 1300, 1200];
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
const heading = (t: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text: t, bold: true, font: '黑体', size: 28 })],
    spacing: { before: 240, after: 120 },
  });
const none = (t: string) => new Paragraph({ children: [text(t)] });

/**
 * 周例会/月调度材料: the items due in the period, the overdue items, and the progress reports
 * received in it, generated from the data as a .docx.
 */
export async function schedulingPack(deps: AppDeps, actor: Actor, q: z.infer<typeof ZPackQuery>): Promise<Buffer> {
  if (q.to < q.from) throw badRequest('结束日期不能早于开始日期');
  const today = shanghaiDate(deps.clock.now());
  const [unit, dueRows, overdueRows, reportRows] = await Promise.all([
    orgRepo.unit(deps.db, actor.unitId),
    reportsRepo.dueIn(deps.db, actor.unitId, q.from, q.to),
    reportsRepo.overdue(deps.db, actor.unitId, today),
    reportsRepo.reportsIn(deps.db, actor.unitId, q.from, q.to),
  ]);
  // A personal item keeps its class in the pack too (domain/policies/item.ts): a neutral title, no report text.
  const due = dueRows.map((i) => (canReadItemContent(actor, i) ? i : { ...i, title: PERSONAL_ITEM_TITLE, ref: '' }));
  const overdue = overdueRows.map((i) =>
    canReadItemContent(actor, i) ? i : { ...i, title: PERSONAL_ITEM_TITLE, ref: '' },
  );
  const reports = reportRows.map((r) =>
    canReadItemContent(actor, r) ? r : { ...r, title: PERSONAL_ITEM_TITLE, text: '（内容不可见）' },
  );
  const name = q.kind === 'weekly' ? '周工作例会' : '月重点工作调度会';
  const itemRow = (i: (typeof due)[number], n: number) => [
    String(n + 1),
    scrub(i.title) + (scrub(i.ref) ? `（${scrub(i.ref)}）` : ''),
    orUnspecified(i.dept),
    orUnspecified(i.owner),
    i.due,
    ITEM_STATUSES[i.status as ItemStatus] + (i.closedOn ? ` ${i.closedOn}` : ''),
  ];
  const doc = new Document({
    creator: 'Zuofeng',
    title: `${unit!.name}${name}督办材料`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: `${unit!.name}${name}督办事项情况`, bold: true, font: '方正小标宋简体', size: 36 }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text(`（${q.from} 至 ${q.to}，截至 ${today}）`)],
            spacing: { after: 240 },
          }),
          heading(`一、本期内截止的事项（${due.length}项）`),
          due.length
            ? table(['序号', '事项', '牵头科室', '承办人', '办理时限', '状态'], due.map(itemRow))
            : none('本期内没有截止的事项。'),
          heading(`二、逾期未办结事项（${overdue.length}项）`),
          overdue.length
            ? table(['序号', '事项', '牵头科室', '承办人', '办理时限', '状态'], overdue.map(itemRow))
            : none('无逾期未办结事项。'),
          heading(`三、本期报送的进展（${reports.length}条）`),
          reports.length
            ? table(
                ['序号', '事项', '报送人', '日期', '进度', '进展情况'],
                reports.map((r, n) => [
                  String(n + 1),
                  scrub(r.title),
                  orUnspecified(r.owner),
                  r.day,
                  `${r.percent}%`,
                  scrub(r.text) || '（未填写）',
                ]),
              )
            : none('本期未收到进展报告。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
