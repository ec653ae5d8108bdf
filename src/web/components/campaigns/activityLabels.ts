import { ACTIVITY_TYPES } from '../../../shared/contracts/campaign-activities';
/** The kinds of campaign activity and their names. */
export const ACTIVITY_LABELS: Record<string, string> = ACTIVITY_TYPES;
