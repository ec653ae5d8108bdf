import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../domain/supervision.js';

/**
 * The open statuses as a literal SQL list, `('assigned', 'in_progress', 'under_review')`, from the
 * domain's one list. Literal (not parameters) so that partial indexes and raw queries can use it.
 */
export const OPEN_STATUS_LIST = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
