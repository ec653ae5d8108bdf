/**
 * The 议事规则 parameters in force for a unit on a date, and where they come from. Until the unit adopts a
 * version of its 议事规则 with parameters (the rule documents), the defaults of domain/decision-rules apply and
 * `source` is null (the page says so).
 */
import { DEFAULT_MEETING_RULES, type MeetingRules } from '../../../domain/decision-rules.js';
import type { AppDeps } from '../../types.js';

export interface MeetingRulesSource {
  ruleDocumentId: string;
  versionId: string;
  /** e.g. 中共示例县民政局党组议事规则（2026年修订） */
  title: string;
  effectiveFrom: string;
}

export async function meetingRulesFor(
  _deps: AppDeps,
  _unitId: string,
  _onDate: string,
): Promise<{ rules: MeetingRules; source: MeetingRulesSource | null }> {
  return { rules: DEFAULT_MEETING_RULES, source: null };
}
