/**
 * The scheme's results for 干部考核, 评先选优 and 职级晋升 (measure 24): an .xlsx with every subject and every
 * point with its source and evidence, and a .docx summary in the official layout. For the scheme's readers only.
 */
import { fromCents, GRADE_LABELS, type Grade } from '../../../domain/assessment.js';
import { schemePolicy } from '../../../domain/policies/assessment-scheme.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import { officialDocument, type Block } from '../../docx/official.js';
import type { AppDeps } from '../../types.js';
import type { XlsxColumn } from '../../xlsx-stream.js';
import { schemesRepo } from './schemes.repo.js';
import { factsOf, schemeOr404, STATUS_LABELS } from './schemes.service.js';

export const SCORECARD_COLUMNS: XlsxColumn[] = [
  { header: '考核对象', width: 16 },
  { header: '总分', width: 8 },
  { header: '等次', width: 10 },
  { header: '等次调整理由', width: 24 },
  { header: '考核项目', width: 18 },
  { header: '来源', width: 10 },
  { header: '数值', width: 10 },
  { header: '得分', width: 8 },
  { header: '满分', width: 8 },
  { header: '计分说明', width: 40 },
  { header: '依据', width: 60 },
];

async function loaded(deps: AppDeps, actor: Actor, id: string) {
  const row = await schemeOr404(deps.db, actor, id);
  authorize(schemePolicy(actor, factsOf(row)), 'export', '没有权限导出该考核方案的结果');
  return { row, cards: await schemesRepo.cards(deps.db, actor.unitId, row.id) };
}

const fileTitle = (r: { title: string; status: string }) =>
  `${r.title}${r.status === 'confirmed' ? '考核结果' : `考核结果（${STATUS_LABELS[r.status as 'draft']}）`}`;

export async function schemeSheet(deps: AppDeps, actor: Actor, id: string) {
  const { row, cards } = await loaded(deps, actor, id);
  const rows = cards.flatMap((c) =>
    c.points.map((p) => [
      c.subjectName,
      fromCents(c.totalCents),
      GRADE_LABELS[c.finalGrade as Grade],
      c.gradeReason ?? '',
      p.title,
      p.source === 'indicator' ? '指标' : '人工评分',
      p.value,
      p.points,
      p.maxPoints,
      p.reason,
      p.evidence.map((e) => `${e.title}${e.note ? `（${e.note}）` : ''}`).join('；'),
    ]),
  );
  async function* batches() {
    yield rows;
  }
  return { fileName: `${fileTitle(row)}.xlsx`, rows: batches() };
}

export async function schemeDocx(deps: AppDeps, actor: Actor, id: string) {
  const { row, cards } = await loaded(deps, actor, id);
  const title = fileTitle(row);
  const count = (g: Grade) => cards.filter((c) => c.finalGrade === g).length;
  const blocks: Block[] = [
    {
      kind: 'p',
      text: `考核期：${row.periodKey}；考核对象 ${cards.length} 个；状态：${STATUS_LABELS[row.status as 'draft']}。等次：${(
        Object.keys(GRADE_LABELS) as Grade[]
      )
        .map((g) => `${GRADE_LABELS[g]} ${count(g)} 个`)
        .join('，')}。`,
    },
    { kind: 'h1', text: '一、考核结果' },
    ...cards.map((c, i) => ({
      kind: 'p' as const,
      text: `${i + 1}. ${c.subjectName}：总分 ${fromCents(c.totalCents)} 分，等次：${GRADE_LABELS[c.finalGrade as Grade]}${c.gradeReason ? `（考核组调整：${c.gradeReason}）` : ''}。`,
    })),
    { kind: 'h1', text: '二、计分说明' },
    {
      kind: 'p',
      text: '指标得分按各考核对象自己的考核指标计算：达到目标得满分，未达目标按差距线性折算，无数据不得分并注明原因；纪律作风问题只计已印发通报中的问题。人工评分项目为考核组成员评分的平均值，每项评分均附理由。逐项得分及依据见同名 .xlsx 文件。',
    },
  ];
  return { fileName: `${title}.docx`, data: await officialDocument({ title, blocks }) };
}
