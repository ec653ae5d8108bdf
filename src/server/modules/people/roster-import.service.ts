import { findDuplicateRows, rosterKey, validateRosterRow, type RosterRow, type RowError } from '../../../domain/roster.js';
import { hasUnitWide, type Actor } from '../../../domain/roles.js';
import type { TRosterImport } from '../../../shared/contracts/people.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActorOf } from '../audit-actor.js';
import { orgRepo } from '../org/org.repo.js';
import { peopleRepo } from './people.repo.js';
import { personAuditView } from './people.presenter.js';
import { parseRoster } from './roster-xlsx.js';

const CHUNK = 50;

function presentImport(r: { id: string; fileName: string; status: string; total: number; processed: number; created: number; updated: number; errors: unknown }): TRosterImport {
  return { id: r.id, fileName: r.fileName, status: r.status as TRosterImport['status'], total: r.total, processed: r.processed, created: r.created, updated: r.updated, errors: r.errors as RowError[] };
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
  const sheet = await parseRoster(file);
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
  const imp = await peopleRepo.insertImport(deps.db, {
    unitId: actor.unitId, createdBy: actor.userId, fileName: fileName.slice(0, 200),
    status: errors.length ? 'invalid' : 'validated', total: sheet.length,
    rows: errors.length ? [] : valid.map((v) => v.row), errors, createdAt: deps.clock.now(),
  });
  return presentImport(imp);
}

export async function getRosterImport(deps: AppDeps, actor: Actor, id: string) {
  const imp = await peopleRepo.importById(deps.db, actor.unitId, id);
  if (!imp) throw notFound('导入任务');
  return presentImport(imp);
}

/**
 * Applies a validated import. Rows are written in chunks, each chunk with its audit events and
 * the progress counter in one transaction, so that progress is visible and a crash resumes
 * from the last committed chunk rather than writing a row twice.
 */
export async function applyRosterImport(deps: AppDeps, actor: Actor, id: string) {
  requireImporter(actor);
  const imp = await peopleRepo.importById(deps.db, actor.unitId, id);
  if (!imp) throw notFound('导入任务');
  if (imp.status === 'invalid') throw badRequest('文件有错误，请修正后重新上传');
  if (!(await peopleRepo.claimImport(deps.db, actor.unitId, id))) throw badRequest('该导入已在进行或已完成');
  void runImport(deps, actor, id).catch(async (err) => {
    console.error('roster import failed', err);
    await peopleRepo.updateImport(deps.db, actor.unitId, id, { status: 'failed', finishedAt: deps.clock.now() });
  });
  return presentImport({ ...imp, status: 'running' });
}

/** Runs (or resumes) an import to the end. Exported for the CLI, which waits for it. */
export async function runImport(deps: AppDeps, actor: Actor, id: string) {
  const imp = (await peopleRepo.importById(deps.db, actor.unitId, id))!;
  const rows = imp.rows as RosterRow[];
  const departments = await orgRepo.departments(deps.db, actor.unitId);
  const deptId = new Map(departments.map((d) => [d.name, d.id]));
  let { processed, created, updated } = imp;
  while (processed < rows.length) {
    const chunk = rows.slice(processed, processed + CHUNK);
    const existing = await peopleRepo.byNames(deps.db, actor.unitId, [...new Set(chunk.map((r) => r.name))]);
    const byKey = new Map(existing.map((p) => [rosterKey(p), p]));
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      for (const row of chunk) {
        const { department, ...rest } = row;
        const values = { ...rest, departmentId: department ? deptId.get(department)! : null };
        const old = byKey.get(rosterKey(row));
        if (old) {
          await peopleRepo.update(tx, actor.unitId, old.id, { ...values, updatedAt: now });
          await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'person', entityId: old.id, action: 'import_update', before: personAuditView(old), after: values });
          updated++;
        } else {
          const p = await peopleRepo.insert(tx, { unitId: actor.unitId, ...values, createdAt: now, updatedAt: now });
          await recordAudit(tx, auditActorOf(actor), now, { unitId: actor.unitId, entityType: 'person', entityId: p.id, action: 'import_create', after: values });
          created++;
        }
      }
      processed += chunk.length;
      await peopleRepo.updateImport(tx, actor.unitId, id, { processed, created, updated });
    });
  }
  await peopleRepo.updateImport(deps.db, actor.unitId, id, { status: 'done', finishedAt: deps.clock.now() });
}
