/**
 * The walks' part for 上报 and 上级交办 (issue 20). The walked demo unit has no unit above or below it, so no
 * request of its own exists and nothing is addressed to it: every route on one request or one incoming target
 * answers 404 or a refusal to every reader (the real answers are in test/upward.test.ts, on a city with counties).
 * The lists and the issuing answer by domain/policies/oversight and domain/policies/upward.
 */
import { oversightPolicy } from '../src/domain/policies/oversight.js';
import { incomingPolicy } from '../src/domain/policies/upward.js';
import type { Actor } from '../src/domain/roles.js';

const ZERO = '00000000-0000-4000-8000-000000000000';
const STALE = 999_999;

/** Bodies that pass validation, so that the answer is the service's; nothing is created or changed. */
export function upwardBody(path: string): unknown {
  if (!/^\/api\/(oversight\/requests|upward\/)/.test(path)) return undefined;
  if (path === '/api/oversight/requests')
    return { kind: 'form', docNo: '巡检文号', title: '巡检报表', workingDays: 1, targetUnitIds: [ZERO] };
  if (path.endsWith('/chase')) return { message: '巡检催办' };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: STALE };
  if (path.endsWith('/register'))
    return { handlingDepartmentId: ZERO, ownerPersonId: ZERO, notClassified: true, version: STALE };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

export function upwardPolicies(): Record<string, (a: Actor) => Promise<Verdict>> {
  const nothingThere = async () => ({ allowed: false, seen: false });
  return {
    'GET /api/oversight/requests': async (a) => ({ allowed: oversightPolicy(a).read, seen: true }),
    'POST /api/oversight/requests': async (a) => ({ allowed: oversightPolicy(a).manage, seen: true }),
    'GET /api/oversight/requests/{id}': nothingThere,
    'GET /api/oversight/requests/{id}/targets': nothingThere,
    'POST /api/oversight/requests/{id}/chase': nothingThere,
    'POST /api/oversight/requests/{id}/withdraw': nothingThere,
    'GET /api/oversight/requests/{id}/archive.zip': nothingThere,
    'GET /api/oversight/requests/{id}/targets/{targetId}/file': nothingThere,
    // The dashboard's 刷新 is reached by every overseer; only the 督查室 may (policies/oversight).
    'POST /api/oversight/dashboard/refresh': async (a) => ({ allowed: oversightPolicy(a).manage, seen: true }),
    'GET /api/upward/incoming': async (a) => ({ allowed: incomingPolicy(a).see, seen: true }),
    'POST /api/upward/incoming/{id}/register': nothingThere,
    'POST /api/upward/incoming/{id}/submission': nothingThere,
    'GET /api/upward/incoming/{id}/file': nothingThere,
  };
}
