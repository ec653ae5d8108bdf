import type { AppDeps } from '../../types.js';
import { healthRepo } from './health.repo.js';

/** The app is healthy when its database answers; a failed probe throws (500). */
export async function checkHealth({ db }: AppDeps) {
  await healthRepo.ping(db);
  return { status: 'ok' as const };
}
