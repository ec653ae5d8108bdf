/**
 * The values a scheme's indicator items score, per subject: each subject's own live indicator of the item's source
 * (a reported one: the one titled as the item), valued for the scheme's period by the indicators part. A subject
 * without such an indicator gets none (its point says so); a missing value stays missing, with its reason.
 */
import type { IndicatorInput, SchemeItem } from '../../../domain/assessment.js';
import type { AppDeps } from '../../types.js';

export interface Subject {
  id: string;
  name: string;
  personId: string | null;
  departmentId: string | null;
}

export type SubjectValues = (subjects: Subject[]) => Promise<Map<string, IndicatorInput[]>>;

/** Until the indicators part is merged in, no subject has indicators. */
export async function schemeIndicatorInputs(
  _deps: AppDeps,
  _unitId: string,
  _scheme: { subjectKind: string; periodKey: string; items: SchemeItem[] },
  subjects: Subject[],
): Promise<Map<string, IndicatorInput[]>> {
  return new Map(subjects.map((s) => [s.id, []]));
}
