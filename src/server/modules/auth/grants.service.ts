import type { Db } from '../../db/client.js';
import { orgRepo } from '../org/org.repo.js';
import type { ScopeNames } from './auth.presenter.js';
import { authRepo } from './auth.repo.js';

/** The names of the unit's departments and groups, and of the units below that oversight grants name: grants' scopes show them. */
export async function scopeNames(db: Db, unitId: string): Promise<ScopeNames> {
  const [ds, gs, us] = await Promise.all([
    orgRepo.departments(db, unitId),
    orgRepo.groups(db, unitId),
    authRepo.subtreeScopeNames(db, unitId),
  ]);
  return {
    departments: new Map(ds.map((d) => [d.id, d.name])),
    groups: new Map(gs.map((g) => [g.id, g.name])),
    units: new Map(us.map((u) => [u.id, u.name])),
  };
}

export const grantsOfUser = (db: Db, unitId: string, userId: string) => authRepo.activeGrants(db, unitId, [userId]);
