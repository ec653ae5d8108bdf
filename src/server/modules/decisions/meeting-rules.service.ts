/**
 * The 议事规则 parameters in force for a unit on a date, and where they come from: the version of the unit's
 * 党组议事规则 in force that day (a 局长办公会 keeps its own 局长办公会议事规则 when the unit has adopted one, else
 * the 党组议事规则). Until the unit adopts a version with parameters, the defaults of domain/decision-rules apply
 * and `source` is null (the page says so).
 */
import { DEFAULT_MEETING_RULES, type MeetingKind, type MeetingRules } from '../../../domain/decision-rules.js';
import { rulesKindsFor } from '../../../domain/rule-documents.js';
import type { AppDeps } from '../../types.js';
import { ruleDocumentsRepo } from './rule-documents.repo.js';

export interface MeetingRulesSource {
  ruleDocumentId: string;
  versionId: string;
  /** e.g. 中共示例县民政局党组议事规则（2026年修订） */
  title: string;
  effectiveFrom: string;
}

export async function meetingRulesFor(
  deps: AppDeps,
  unitId: string,
  onDate: string,
  meetingKind: MeetingKind,
): Promise<{ rules: MeetingRules; source: MeetingRulesSource | null }> {
  for (const kind of rulesKindsFor(meetingKind)) {
    const found = await ruleDocumentsRepo.paramsInForce(deps.db, unitId, kind, onDate);
    if (!found?.version.params) continue;
    const v = found.version;
    return {
      rules: v.params!,
      source: {
        ruleDocumentId: v.documentId,
        versionId: v.id,
        title: `${found.title}（${v.label}）`,
        effectiveFrom: v.effectiveFrom,
      },
    };
  }
  return { rules: DEFAULT_MEETING_RULES, source: null };
}
