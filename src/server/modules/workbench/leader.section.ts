/**
 * 党组书记 and 班子成员: the items they lead or whose departments they are in charge of (分管), what
 * waits for their decision, their departments' standing and the campaign's obligations at risk.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { onTimeRate } from '../../../domain/item-figures.js';
import { isPartySecretary } from '../../../domain/policies/who.js';
import type { Actor } from '../../../domain/roles.js';
import { ZLedgerQuery } from '../../../shared/contracts/supervision.js';
import type { AppDeps } from '../../types.js';
import { departmentLeadersRepo } from '../org/department-leaders.repo.js';
import { orgRepo } from '../org/org.repo.js';
import { itemsRepo } from '../supervision/items.repo.js';
import { ledgerCount } from '../supervision/items.service.js';
import { campaignRisk, ledgerFigure, ledgerItems, ledgerPath } from './workbench-figures.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The departments whose standing the reader follows: all for the 党组书记, those in their charge today otherwise. */
async function followedDepartments(deps: AppDeps, actor: Actor) {
  const all = (await orgRepo.departments(deps.db, actor.unitId)).filter((d) => d.active);
  if (isPartySecretary(actor)) return all;
  const charge = await departmentLeadersRepo.onDate(deps.db, actor.unitId, shanghaiDate(deps.clock.now()));
  const mine = new Set(charge.filter((c) => c.personId === actor.personId).map((c) => c.departmentId));
  return all.filter((d) => mine.has(d.id));
}

/** 按时办结率 and 逾期 of a department, by the ledger's figures (domain/item-figures). */
async function standing(deps: AppDeps, actor: Actor, d: { id: string; name: string }) {
  const count = (q: Record<string, string>) =>
    ledgerCount(deps, actor, ZLedgerQuery.parse({ departmentId: d.id, ...q }));
  const [open, overdue, onTime, closedLate] = await Promise.all([
    count({ open: 'true' }),
    count({ figure: 'overdue' }),
    count({ figure: 'onTime' }),
    count({ figure: 'closedLate' }),
  ]);
  return {
    id: d.id,
    name: d.name,
    open,
    overdue,
    onTimeRate: onTimeRate(onTime, closedLate, overdue),
    to: ledgerPath({ departmentId: d.id, open: 'true' }),
  };
}

/** Pending extension requests this reader decides (the item policy's decideExtension), with the request. */
async function approvals(deps: AppDeps, actor: Actor) {
  const pending = await ledgerItems(deps, actor, { extensionPending: 'true' }, 50);
  const mine = pending.filter((i) => i.canDecideExtension);
  const rows = await Promise.all(
    mine.map(async (i) => {
      const req = (await itemsRepo.extensions(deps.db, actor.unitId, i.id)).find((e) => e.status === 'pending');
      // Decided between the two reads: no longer waiting, so not listed.
      if (!req) return [];
      return [
        {
          ...i,
          extension: {
            id: req.id,
            extraDays: req.extraDays,
            reason: i.personal ? '（详情请在事项中查看）' : req.reason,
          },
        },
      ];
    }),
  );
  return rows.flat();
}

export async function leaderSection(deps: AppDeps, actor: Actor) {
  const me = actor.personId ?? NOBODY;
  const f = (key: string, label: string, tone: Parameters<typeof ledgerFigure>[4], q: Record<string, string>) =>
    ledgerFigure(deps, actor, key, label, tone, q);
  const unitWide = isPartySecretary(actor);
  const followed = await followedDepartments(deps, actor);
  // The unit's obligations for the 党组书记; for a member, their own and their departments'.
  const subjects = unitWide ? undefined : [me, ...followed.map((d) => d.id)];
  const [figures, waiting, departments, campaign] = await Promise.all([
    Promise.all([
      unitWide
        ? f('overdue', '全单位逾期', 'red', { figure: 'overdue' })
        : f('chargeOverdue', '分管科室逾期', 'red', { inMyCharge: 'true', figure: 'overdue' }),
      unitWide
        ? f('dueSoon', '全单位临期', 'gold', { figure: 'dueSoon' })
        : f('chargeOpen', '分管科室在办事项', 'blue', { inMyCharge: 'true', open: 'true' }),
      f('led', '我任责任领导的在办事项', 'blue', { leaderPersonId: me, open: 'true' }),
      f('review', '待我复核', 'blue', { reviewable: 'true' }),
    ]),
    approvals(deps, actor),
    Promise.all(followed.map((d) => standing(deps, actor, d))),
    campaignRisk(deps, actor, subjects),
  ]);
  return { figures, approvals: waiting, departments, campaign };
}
