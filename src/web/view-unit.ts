import { ROLES } from '../domain/roles';
import type { Me } from './types';

/**
 * Reading a unit below as its overseer (issue 20's drill-down): while a unit is chosen, the page's requests
 * carry its id (the server runs them in that unit, read-only, as the oversight role) and the pages see the
 * reader with that role's permissions only, so they offer no write. Kept per browser tab (sessionStorage).
 */
export interface ViewedUnit {
  id: string;
  name: string;
}
const KEY = 'zf_view_unit';
export const VIEW_UNIT_HEADER = 'x-zf-view-unit';

function stored(): ViewedUnit | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ViewedUnit | null;
    return v && typeof v.id === 'string' && typeof v.name === 'string' ? v : null;
  } catch {
    return null;
  }
}
let viewed: ViewedUnit | null = typeof sessionStorage === 'undefined' ? null : stored();

export const viewedUnit = () => viewed;

export function setViewedUnit(u: ViewedUnit | null) {
  viewed = u;
  try {
    if (u) sessionStorage.setItem(KEY, JSON.stringify(u));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused: the choice lasts until the page reloads.
  }
}

/** The reader's own things (account, inbox) and the public pages stay the reader's own unit's. */
const OWN = ['/api/auth/', '/api/public/', '/api/inbox', '/api/me/'];

/** The header a request carries while a unit below is read. */
export function viewHeaders(url: string): Record<string, string> {
  if (!viewed || !url.startsWith('/api/') || OWN.some((p) => url.startsWith(p))) return {};
  return { [VIEW_UNIT_HEADER]: viewed.id };
}

/** The reader as the pages should see it while reading `u`: the drill-down role's permissions, no person. */
export function asViewer(me: Me, u: ViewedUnit): Me {
  return {
    ...me,
    user: { ...me.user, personId: null },
    unit: { ...me.unit, id: u.id, name: u.name, isDemo: false },
    grants: [],
    permissions: [...ROLES.oversight_view.permissions],
  };
}
