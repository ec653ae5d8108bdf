import { canReadItemContent, personalReaderOf } from '../../../domain/policies/item.js';
import { hasPermission } from '../../../domain/roles.js';
import { matchedText, snippetOf } from '../../../domain/search-text.js';
import { findItems } from './search.repo.js';
import type { SearchSource } from './source.js';

/**
 * 督办事项: title and content; the category is the item's tag. Only items whose text the reader reads
 * (domain/policies/item canReadItemContent): an item the reader sees but may not read — a member's personal
 * self-check item — never matches its words.
 */
export const itemSource: SearchSource = {
  kind: 'item',
  async find(deps, actor, q) {
    if (q.tags.length > 1) return [];
    const rows = await findItems(deps.db, {
      unitId: actor.unitId,
      words: q.words,
      limit: q.limit,
      personId: actor.personId,
      ledger: hasPermission(actor, 'supervision.read'),
      personal: personalReaderOf(actor),
      category: q.tags[0],
    });
    return rows
      .filter((r) => canReadItemContent(actor, r))
      .map((r) => ({
        kind: 'item' as const,
        id: r.id,
        title: r.title,
        snippet: snippetOf(matchedText([r.content, r.title], q.words), q.words),
        tags: r.category ? [r.category] : [],
        // The day it came in (收文/交办), as the ledger shows it; the day it was entered otherwise.
        date: r.receivedOn || r.assignedOn,
        link: `/items?item=${r.id}`,
      }));
  },
};
