import {
  ADMONITION_KIND_LABELS,
  ADMONITION_STATUSES,
  isDelivered,
  type AdmonitionKind,
  type AdmonitionStatus,
} from '../../../domain/admonitions.js';
import { canSeeAdmonition, readsAllAdmonitions } from '../../../domain/policies/admonition.js';
import { kindsTagged, matchedText, snippetOf } from '../../../domain/search-text.js';
import { findAdmonitions } from './search.repo.js';
import type { SearchSource } from './source.js';

const DELIVERED = ADMONITION_STATUSES.filter(isDelivered);

/**
 * 提醒谈话·诫勉·函询: confidential by design (domain/policies/admonition) — searched only by their readers: the
 * discipline staff and the 党组书记, and the person concerned for their own once delivered. Nobody else, not
 * even through a count. Withdrawn records are not searched. The kind is the tag.
 */
export const admonitionSource: SearchSource = {
  kind: 'admonition',
  mayUse: (actor) => readsAllAdmonitions(actor) || actor.personId !== null,
  async find(deps, actor, q) {
    const rows = await findAdmonitions(deps.db, {
      unitId: actor.unitId,
      words: q.words,
      limit: q.limit,
      personId: actor.personId,
      readsAll: readsAllAdmonitions(actor),
      delivered: DELIVERED,
      kinds: kindsTagged(q.tags, ADMONITION_KIND_LABELS) ?? undefined,
    });
    return rows
      .filter(({ r }) => canSeeAdmonition(actor, { ...r, status: r.status as AdmonitionStatus }))
      .map(({ r, personName }) => {
        const label = ADMONITION_KIND_LABELS[r.kind as AdmonitionKind] ?? r.kind;
        return {
          kind: 'admonition' as const,
          id: r.id,
          title: `${label}（${personName ?? '—'}）：${r.reason}`,
          snippet: snippetOf(matchedText([r.content, r.reason], q.words), q.words),
          tags: [label],
          date: r.onDate,
          link: '/discipline?tab=admonitions',
        };
      });
  },
};
