/**
 * The walks' part for the rule documents (制度) of issue 18: the objects they walk (the 党组议事规则 kept by the
 * office, with a version in force and a revision not yet in force), the ids of its paths, valid bodies (stale
 * versions: an allowed write stops at 409) and the policy each route answers by.
 */
import { mayAddRuleDocument, ruleDocumentPolicy, ruleVersionPolicy } from '../src/domain/policies/rule-document.js';
import { shanghaiDate } from '../src/domain/civil-date.js';
import type { Actor } from '../src/domain/roles.js';
import type { Db } from '../src/server/db/client.js';
import { ruleDocumentsRepo } from '../src/server/modules/decisions/rule-documents.repo.js';
import { signIn, type newDemoUnit, type TestContext } from './helpers.js';

type Verdict = { allowed: boolean; seen: boolean };
const PARAMS = { materialsLeadDays: 3, quorumOver: [1, 2], cadreQuorumAtLeast: [2, 3], largeFundsFrom: 10 };
const STALE = 999_999;

export async function seedRuleDocumentObjects(ctx: TestContext, unit: Awaited<ReturnType<typeof newDemoUnit>>) {
  const office = await signIn(ctx, unit.user('office'));
  const doc = (
    await office.post('/api/decisions/rule-documents', { kind: 'meeting_rules', title: '巡检党组议事规则' })
  ).json();
  const version = (text: string, label: string, effectiveFrom: string, v: number) =>
    office.post(`/api/decisions/rule-documents/${doc.id}/versions`, {
      label,
      text,
      effectiveFrom,
      params: PARAMS,
      version: v,
    });
  const first = (await version('第一条 巡检。', '2024年印发', '2024-03-01', doc.version)).json();
  const second = (await version('第一条 巡检修订。', '2027年修订', '2027-06-01', first.version)).json();
  return { ruleDocument: doc.id as string, ruleVersion: second.versions[1].id as string };
}

/** The fixture id kind of a rule document path, or null for other paths. */
export function ruleDocumentKind(path: string): string | null {
  if (path.startsWith('/api/decisions/rule-documents')) return 'ruleDocument';
  if (path.startsWith('/api/decisions/rule-versions')) return 'ruleVersion';
  return null;
}

/** Bodies that pass validation, so that the answer is the service's; versions stale. */
export function ruleDocumentBody(path: string): unknown {
  if (path === '/api/decisions/rule-documents') return { kind: 'other', kindName: '巡检制度', title: '巡检制度' };
  if (path.endsWith('/versions'))
    return { label: '巡检修订', text: '第一条 巡检。', effectiveFrom: '2099-01-01', params: PARAMS, version: STALE };
  if (path.endsWith('/withdraw')) return { reason: '测试原因', version: STALE };
  return undefined;
}

export function ruleDocumentPolicies(
  db: () => Db,
  unit: () => string,
  ids: () => Record<string, string>,
  today: () => string = () => shanghaiDate(new Date()),
) {
  const inUnit = (a: Actor) => a.unitId === unit();
  const doc = async (a: Actor) => {
    const d = (await ruleDocumentsRepo.byId(db(), unit(), ids().ruleDocument!))!;
    return { d, can: ruleDocumentPolicy(a, { unitId: d.unitId, withdrawn: !!d.withdrawnReason }) };
  };
  const onDocument = (action: 'see' | 'addVersion' | 'withdraw') => async (a: Actor) => {
    const { can } = await doc(a);
    return { allowed: can[action], seen: can.see };
  };
  const policies: Record<string, (a: Actor) => Promise<Verdict>> = {
    'GET /api/decisions/rule-documents': async () => ({ allowed: true, seen: true }),
    'POST /api/decisions/rule-documents': async (a) => ({ allowed: mayAddRuleDocument(a), seen: true }),
    'GET /api/decisions/rule-documents/adoptable-items': async (a) => ({ allowed: mayAddRuleDocument(a), seen: true }),
    'GET /api/decisions/meeting-rules': async () => ({ allowed: true, seen: true }),
    'GET /api/decisions/rule-documents/{id}': onDocument('see'),
    'GET /api/decisions/rule-documents/{id}/diff': onDocument('see'),
    'POST /api/decisions/rule-documents/{id}/versions': onDocument('addVersion'),
    'POST /api/decisions/rule-documents/{id}/withdraw': onDocument('withdraw'),
    'POST /api/decisions/rule-versions/{id}/withdraw': async (a) => {
      const { d, can } = await doc(a);
      const v = (await ruleDocumentsRepo.version(db(), unit(), ids().ruleVersion!))!;
      const facts = { id: v.id, effectiveFrom: v.effectiveFrom, withdrawn: !!v.withdrawnReason };
      const may = ruleVersionPolicy(a, { unitId: d.unitId, withdrawn: !!d.withdrawnReason }, facts, today());
      return { allowed: inUnit(a) && may.withdraw, seen: can.see };
    },
  };
  return policies;
}

/** The `can` the document's page receives, as its policy gives it. */
export const ruleDocumentCan =
  (db: () => Db, unit: () => string, ids: () => Record<string, string>) => async (a: Actor) => {
    const d = (await ruleDocumentsRepo.byId(db(), unit(), ids().ruleDocument!))!;
    return ruleDocumentPolicy(a, { unitId: d.unitId, withdrawn: !!d.withdrawnReason });
  };
