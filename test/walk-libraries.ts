/**
 * The walks' part for the project library and the think tank (issue 19): the objects they walk (a project of
 * 综合科 owned by 周凯, an outside expert, advice), the ids of their paths, bodies that pass validation and
 * change nothing (a stale version, or an id that is nobody's), and the policy each route answers by.
 */
import { projectPolicy, projectsPolicy } from '../src/domain/policies/project.js';
import { advicePolicy, expertPolicy, thinkTankPolicy } from '../src/domain/policies/think-tank.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { projectsRepo } from '../src/server/modules/libraries/projects.repo.js';
import { thinkTankRepo } from '../src/server/modules/libraries/think-tank.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

const ZERO = '00000000-0000-4000-8000-000000000000';
const STALE = 999_999;
const PREFIX = '/api/assessment/';

export async function seedLibraryObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const project = (
    await office.post('/api/assessment/projects', {
      name: '巡检项目',
      fundingSought: 10,
      ownerPersonId: unit.personId.get('周凯')!,
      departmentId: unit.deptIds[0]!,
    })
  ).json();
  const expert = (
    await office.post('/api/assessment/experts', {
      kind: 'outside',
      name: '巡检专家',
      organisation: '巡检大学',
      contact: '13900009999',
    })
  ).json();
  const advice = (
    await office.post('/api/assessment/advice', {
      expertId: expert.id,
      topic: '巡检建议',
      content: '巡检建议内容',
      receivedOn: '2026-11-20',
    })
  ).json();
  return { project: project.id as string, expert: expert.id as string, advice: advice.id as string };
}

/** The fixture id kind of a library path, or null for other paths. */
export function libraryKind(path: string): string | null {
  if (!path.startsWith(PREFIX)) return null;
  return { projects: 'project', experts: 'expert', advice: 'advice' }[path.split('/')[3]!] ?? null;
}

/** Bodies that pass validation, so that the answer is the service's; nothing is created or changed. */
export function libraryBody(method: string, path: string): unknown {
  if (!libraryKind(path)) return undefined;
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: STALE };
  if (path === '/api/assessment/projects')
    return { name: '巡检新项目', fundingSought: 1, ownerPersonId: ZERO, departmentId: ZERO };
  if (path === '/api/assessment/projects/{id}')
    return { name: '巡检项目', fundingSought: 1, ownerPersonId: ZERO, departmentId: ZERO, version: STALE };
  if (path.endsWith('/stage')) return { stage: 'applied', version: STALE };
  if (path.endsWith('/tasks')) return { title: '巡检任务', ownerPersonId: ZERO };
  if (path === '/api/assessment/experts') return { kind: 'inside', personId: ZERO };
  if (path === '/api/assessment/experts/{id}' && method === 'PUT')
    return { name: '巡检专家', organisation: '巡检大学', version: STALE };
  if (path === '/api/assessment/advice' || path === '/api/assessment/advice/{id}')
    return {
      expertId: ZERO,
      topic: '巡检建议',
      content: '巡检建议内容',
      receivedOn: '2026-11-20',
      ...(method === 'PUT' ? { version: STALE } : {}),
    };
  if (path.endsWith('/outcome')) return { outcome: 'pending', version: STALE };
  return {};
}

type Verdict = { allowed: boolean; seen: boolean };

/** The policy each route of this part answers by, on the facts as stored. */
export function libraryPolicies(db: () => Db, unit: () => string, ids: () => Record<string, string>) {
  const everyone = async () => ({ allowed: true, seen: true });
  const project = (action: 'see' | 'edit' | 'changeStage' | 'withdraw' | 'addTask') => async (a: Actor) => {
    const can = projectPolicy(a, (await projectsRepo.byId(db(), unit(), ids().project!))!);
    return { allowed: can[action], seen: can.see };
  };
  const tank = (action: 'see' | 'manage') => async (a: Actor) => ({
    allowed: thinkTankPolicy(a)[action],
    seen: true,
  });
  const expert = (action: 'edit' | 'withdraw') => async (a: Actor) => {
    const can = expertPolicy(a, (await thinkTankRepo.expert(db(), unit(), ids().expert!))!);
    return { allowed: can[action], seen: can.see };
  };
  const advice = (action: 'see' | 'edit' | 'withdraw' | 'recordOutcome') => async (a: Actor) => {
    const can = advicePolicy(a, (await thinkTankRepo.advice(db(), unit(), ids().advice!))!);
    return { allowed: can[action], seen: can.see };
  };
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/assessment/projects': everyone,
    'GET /api/assessment/projects/summary': everyone,
    'GET /api/assessment/projects.xlsx': everyone,
    'POST /api/assessment/projects': async (a) => ({ allowed: projectsPolicy(a).create, seen: true }),
    'GET /api/assessment/projects/{id}': project('see'),
    'PUT /api/assessment/projects/{id}': project('edit'),
    'POST /api/assessment/projects/{id}/stage': project('changeStage'),
    'POST /api/assessment/projects/{id}/withdraw': project('withdraw'),
    'POST /api/assessment/projects/{id}/tasks': project('addTask'),
    'GET /api/assessment/experts': tank('see'),
    'POST /api/assessment/experts': tank('manage'),
    'PUT /api/assessment/experts/{id}': expert('edit'),
    'POST /api/assessment/experts/{id}/withdraw': expert('withdraw'),
    'GET /api/assessment/advice': tank('see'),
    'GET /api/assessment/advice/decisions': tank('manage'),
    'POST /api/assessment/advice': tank('manage'),
    'GET /api/assessment/advice/{id}': advice('see'),
    'PUT /api/assessment/advice/{id}': advice('edit'),
    'POST /api/assessment/advice/{id}/withdraw': advice('withdraw'),
    'POST /api/assessment/advice/{id}/outcome': advice('recordOutcome'),
  };
  return policies;
}

/** The objects' `can` as the page receives it. */
export const libraryCanShown = (db: () => Db, unit: () => string, ids: () => Record<string, string>) => ({
  'GET /api/assessment/projects/{id}': async (a: Actor) =>
    projectPolicy(a, (await projectsRepo.byId(db(), unit(), ids().project!))!),
  'GET /api/assessment/advice/{id}': async (a: Actor) =>
    advicePolicy(a, (await thinkTankRepo.advice(db(), unit(), ids().advice!))!),
});
