/**
 * The 议事规则 parameters in force for a unit on a date. Until the unit adopts a version of its 议事规则 with
 * parameters (the rule documents), the defaults of domain/decision-rules apply.
 */
import { DEFAULT_MEETING_RULES, type MeetingRules } from '../../../domain/decision-rules.js';
import type { AppDeps } from '../../types.js';

export async function meetingRulesFor(_deps: AppDeps, _unitId: string, _onDate: string): Promise<MeetingRules> {
  return DEFAULT_MEETING_RULES;
}
