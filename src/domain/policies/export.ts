/**
 * An export run (导出任务: a large .xlsx written while it is read): only the account that started
 * it follows its progress. What it may contain was decided when it started, by the policy of what
 * it exports (the ledger, the roster…).
 */
import type { Actor } from '../roles.js';

export interface ExportFacts {
  unitId: string;
  userId: string;
}
export const exportPolicy = (a: Pick<Actor, 'unitId' | 'userId'>, e: ExportFacts): { see: boolean } => ({
  see: a.unitId === e.unitId && a.userId === e.userId,
});
