import { shanghaiDate } from '../../../domain/civil-date.js';
import { URGENCY_LABELS, type Urgency } from '../../../domain/deadlines.js';
import { COLOUR_LABELS } from '../../../domain/item-figures.js';
import { ITEM_STATUSES, type ItemStatus } from '../../../domain/supervision.js';
import type { Actor } from '../../../domain/roles.js';
import { reportsRepo } from './reports.repo.js';
import type { AppDeps } from '../../types.js';
import { ledger, ledgerBatches } from './items.service.js';

const BATCH = 1000;

/** 收文登记台账 in the layout offices use, in receipt order. */
export async function* documentRegisterRows(deps: AppDeps, actor: Actor): AsyncIterable<unknown[][]> {
  let n = 0;
  for (let offset = 0; ; offset += BATCH) {
    const rows = await reportsRepo.documentRegister(deps.db, actor.unitId, BATCH, offset);
    if (rows.length === 0) return;
    yield rows.map((r) => [
      ++n,
      r.doc.receivedOn,
      r.doc.docNo,
      r.doc.issuer,
      r.doc.title,
      URGENCY_LABELS[r.doc.urgency as Urgency],
      r.department ?? '',
      r.due,
      r.closedOn ?? '',
      ITEM_STATUSES[r.status as ItemStatus],
    ]);
    if (rows.length < BATCH) return;
  }
}

export const DOCUMENT_REGISTER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '收文日期', width: 12 },
  { header: '文号', width: 22 },
  { header: '来文单位', width: 18 },
  { header: '标题', width: 40 },
  { header: '紧急程度', width: 10 },
  { header: '承办科室', width: 16 },
  { header: '办理时限', width: 12 },
  { header: '办结日期', width: 12 },
  { header: '状态', width: 10 },
];

/** The supervision ledger with the same filters as the page, batch by batch. */
export async function* ledgerRows(
  deps: AppDeps,
  actor: Actor,
  q: Parameters<typeof ledger>[2],
): AsyncIterable<unknown[][]> {
  let n = 0;
  for await (const items of ledgerBatches(deps, actor, q)) {
    yield items.map((i) => [
      ++n,
      COLOUR_LABELS[i.colour],
      i.title,
      i.sourceRef,
      i.departmentName ?? '',
      i.ownerName ?? '',
      i.due + (i.provisional ? '（暂定）' : ''),
      ITEM_STATUSES[i.status],
      i.closedOn ?? '',
    ]);
  }
}

export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '三色', width: 8 },
  { header: '事项', width: 40 },
  { header: '文号/来源', width: 20 },
  { header: '牵头科室', width: 16 },
  { header: '承办人', width: 10 },
  { header: '办理时限', width: 16 },
  { header: '状态', width: 10 },
  { header: '办结日期', width: 12 },
];

export const exportStamp = (deps: AppDeps) => shanghaiDate(deps.clock.now()).replaceAll('-', '');
