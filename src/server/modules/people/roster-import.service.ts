import { findDuplicateRows, validateRosterRow, type RosterRow, type RowError } from '../../../domain/roster.js';
import { hasUnitWide, type Actor } from '../../../domain/roles.js';
import type { TRosterImport } from '../../../shared/contracts/people.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { STALE_IMPORT_MS, startNextImport } from './roster-import-queue.js';
import { rosterImportRepo, type RosterImportRow } from './roster-import.repo.js';
import { parseRoster } from './roster-xlsx.js';

async function present(deps: AppDeps, r: RosterImportRow): Promise<TRosterImport> {
  return {
    id: r.id,
    fileName: r.fileName,
    status: r.status as TRosterImport['status'],
    queuePosition: r.status === 'queued' ? await rosterImportRepo.ahead(deps.db, r) : null,
    total: r.total,
    processed: r.processed,
    created: r.created,
    updated: r.updated,
    errors: r.errors as RowError[],
  };
}

function requireImporter(actor: Actor) {
  if (!hasUnitWide(actor, 'people.write')) throw forbidden('只有单位范围的人员管理员可以导入花名册');
}

/**
 * Dry run: reads and checks the whole file. The import is stored as `invalid` with every bad
 * row, or `validated` with the rows, ready to apply. Nothing touches the roster yet.
 */
export async function checkRosterFile(deps: AppDeps, actor: Actor, fileName: string, file: Buffer) {
  requireImporter(actor);
  const sheet = await parseRoster(file, { unitId: actor.unitId, config: deps.config });
  if (sheet.length === 0) throw badRequest('文件中没有人员数据');
  const departments = await orgRepo.departments(deps.db, actor.unitId);
  const activeNames = new Set(departments.filter((d) => d.active).map((d) => d.name));
  const errors: RowError[] = [];
  const valid: { rowNumber: number; row: RosterRow }[] = [];
  for (const { rowNumber, cells } of sheet) {
    const r = validateRosterRow(cells, rowNumber, activeNames);
    if (r.row) valid.push({ rowNumber, row: r.row });
    else errors.push(...r.errors);
  }
  errors.push(...findDuplicateRows(valid));
  errors.sort((a, b) => a.row - b.row);
  const imp = await rosterImportRepo.insert(deps.db, {
    unitId: actor.unitId,
    createdBy: actor.userId,
    fileName: fileName.slice(0, 200),
    status: errors.length ? 'invalid' : 'validated',
    total: sheet.length,
    rows: errors.length ? [] : valid.map((v) => v.row),
    errors,
    createdAt: deps.clock.now(),
  });
  return present(deps, imp);
}

/** An import and, while it waits, its place in the unit's queue; a poll also resumes an abandoned one. */
export async function getRosterImport(deps: AppDeps, actor: Actor, id: string) {
  const imp = await rosterImportRepo.byId(deps.db, actor.unitId, id);
  if (!imp) throw notFound('导入任务');
  const staleBefore = new Date(deps.clock.now().getTime() - STALE_IMPORT_MS);
  if (imp.status === 'queued' || (imp.status === 'running' && rosterImportRepo.isStale(imp, staleBefore))) {
    await startNextImport(deps, actor.unitId);
  }
  return present(deps, (await rosterImportRepo.byId(deps.db, actor.unitId, id))!);
}

/** Puts a validated import in its unit's queue; two clicks cannot queue it twice. */
export async function queueRosterImport(deps: AppDeps, actor: Actor, id: string) {
  requireImporter(actor);
  const imp = await rosterImportRepo.byId(deps.db, actor.unitId, id);
  if (!imp) throw notFound('导入任务');
  if (imp.status === 'invalid') throw badRequest('文件有错误，请修正后重新上传');
  if (!(await rosterImportRepo.enqueue(deps.db, actor.unitId, id, deps.clock.now(), auditActorOf(actor))))
    throw badRequest('该导入已在排队、进行或已完成');
}

/**
 * Applies a validated import: it joins the unit's queue and starts at once when the unit has no
 * other import running (roster-import-queue.ts).
 */
export async function applyRosterImport(deps: AppDeps, actor: Actor, id: string) {
  await queueRosterImport(deps, actor, id);
  await startNextImport(deps, actor.unitId);
  return present(deps, (await rosterImportRepo.byId(deps.db, actor.unitId, id))!);
}
