import { activityPolicy } from '../../../domain/policies/activity.js';
import { isDisciplineStaff } from '../../../domain/policies/who.js';
import { hasPermission } from '../../../domain/roles.js';
import { matchedText, snippetOf } from '../../../domain/search-text.js';
import { findActivities } from './search.repo.js';
import type { SearchSource } from './source.js';

/**
 * 活动记录: title and minutes, of the records the reader sees and reads in full (domain/policies/activity): a
 * confidential (discipline) record only for the discipline staff, its recorder and the people it names.
 * Withdrawn records are not searched. Activities carry no tags: a search by tags finds none.
 */
export const activitySource: SearchSource = {
  kind: 'activity',
  async find(deps, actor, q) {
    if (q.tags.length > 0) return [];
    const rows = await findActivities(deps.db, {
      unitId: actor.unitId,
      words: q.words,
      limit: q.limit,
      userId: actor.userId,
      personId: actor.personId,
      campaignReader: hasPermission(actor, 'campaign.read'),
      disciplineStaff: isDisciplineStaff(actor),
    });
    return rows
      .filter((r) => {
        const can = activityPolicy(actor, r);
        return can.see && can.readDetails;
      })
      .map((r) => ({
        kind: 'activity' as const,
        id: r.id,
        title: r.title,
        snippet: snippetOf(matchedText([r.minutes, r.title], q.words), q.words),
        tags: [],
        date: r.heldOn,
        link: r.campaignId ? `/campaigns/${r.campaignId}?tab=activities` : '/campaigns',
      }));
  },
};
