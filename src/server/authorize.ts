import { forbidden } from './errors.js';

/**
 * The one check a service makes before acting on an object: the object's policy (domain/policies)
 * answered `can`; seeing was checked when the object was loaded (404 for those who may not see it),
 * so here a missing action is a 403 with the reason given.
 */
export function authorize<K extends string>(can: Record<K, boolean>, action: K, refusal: string): void {
  if (!can[action]) throw forbidden(refusal);
}
