import type { Db } from '../../db/client.js';
import { orgRepo } from '../org/org.repo.js';
import type { ScopeNames } from './auth.presenter.js';
import { authRepo } from './auth.repo.js';

/** The names of the unit's departments and groups, which grants' scopes show. */
export async function scopeNames(db: Db, unitId: string): Promise<ScopeNames> {
  const [ds, gs] = await Promise.all([orgRepo.departments(db, unitId), orgRepo.groups(db, unitId)]);
  return { departments: new Map(ds.map((d) => [d.id, d.name])), groups: new Map(gs.map((g) => [g.id, g.name])) };
}

export const grantsOfUser = (db: Db, unitId: string, userId: string) => authRepo.activeGrants(db, unitId, [userId]);
