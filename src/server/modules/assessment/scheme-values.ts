/**
 * The values a scheme's indicator items score, per subject: each subject's own live indicator of the item's source
 * and of the scheme's period kind (a reported one: the one titled as the item), valued for the scheme's period by
 * the indicators part (indicatorValues). A subject without such an indicator gets none (its point says so); a
 * missing value stays missing, with its reason.
 */
import type { Direction, IndicatorInput, SchemeItem } from '../../../domain/assessment.js';
import type { AppDeps } from '../../types.js';
import { indicatorValues, type IndicatorRow } from './indicator-values.service.js';
import { schemesRepo } from './schemes.repo.js';

export interface Subject {
  id: string;
  name: string;
  personId: string | null;
  departmentId: string | null;
}

export async function schemeIndicatorInputs(
  deps: AppDeps,
  unitId: string,
  scheme: { subjectKind: string; periodKind: string; periodKey: string; items: SchemeItem[] },
  subjects: Subject[],
): Promise<Map<string, IndicatorInput[]>> {
  const all = await schemesRepo.indicatorsOf(
    deps.db,
    unitId,
    scheme.subjectKind,
    scheme.periodKind,
    subjects.map((s) => s.id),
  );
  const picked: { subjectId: string; itemId: string; indicator: IndicatorRow }[] = [];
  for (const s of subjects)
    for (const item of scheme.items) {
      if (item.kind !== 'indicator') continue;
      const indicator = all.find(
        (i) => i.ownerId === s.id && i.source === item.source && (item.source !== 'reported' || i.title === item.title),
      );
      if (indicator) picked.push({ subjectId: s.id, itemId: item.id, indicator });
    }
  const unique = [...new Map(picked.map((p) => [p.indicator.id, p.indicator])).values()];
  const values = new Map(
    (await indicatorValues(deps, unitId, unique, scheme.periodKey)).map((v) => [v.indicatorId, v]),
  );
  const out = new Map<string, IndicatorInput[]>(subjects.map((s) => [s.id, []]));
  for (const p of picked) {
    const v = values.get(p.indicator.id)!;
    out.get(p.subjectId)!.push({
      itemId: p.itemId,
      indicatorTitle: p.indicator.title,
      unitLabel: p.indicator.unitLabel,
      target: p.indicator.target,
      direction: p.indicator.direction as Direction,
      value: v.value,
      missing: v.missing,
      evidence: v.evidence,
    });
  }
  return out;
}
