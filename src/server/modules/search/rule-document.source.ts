import { shanghaiDate } from '../../../domain/civil-date.js';
import { canSeeRuleDocument } from '../../../domain/policies/rule-document.js';
import { RULE_DOCUMENT_KIND_LABELS, type RuleDocumentKind } from '../../../domain/rule-documents.js';
import { kindsTagged, matchedText, snippetOf } from '../../../domain/search-text.js';
import { findRuleDocuments } from './search.repo.js';
import type { SearchSource } from './source.js';

/** The document's tag: the unit's own name of an 'other' rule, else its kind's label. */
const tagOf = (kind: string, kindName: string | null) =>
  kindName ?? RULE_DOCUMENT_KIND_LABELS[kind as RuleDocumentKind] ?? kind;

/**
 * 制度: the title and the text in force today. Everyone of the unit reads the rules (domain/policies/rule-
 * document); a withdrawn document is not searched, nor a version withdrawn or not yet in force.
 */
export const ruleDocumentSource: SearchSource = {
  kind: 'rule_document',
  async find(deps, actor, q) {
    if (q.tags.length > 1) return [];
    const kinds = kindsTagged(q.tags, RULE_DOCUMENT_KIND_LABELS);
    const rows = await findRuleDocuments(deps.db, {
      unitId: actor.unitId,
      words: q.words,
      limit: q.limit,
      today: shanghaiDate(deps.clock.now()),
      tag: kinds ? { kinds, name: q.tags[0]! } : undefined,
    });
    return rows
      .filter((r) => canSeeRuleDocument(actor, { unitId: r.unitId, withdrawn: false }))
      .map((r) => ({
        kind: 'rule_document' as const,
        id: r.id,
        title: r.title,
        snippet: snippetOf(matchedText([r.text, r.title], q.words), q.words),
        tags: [tagOf(r.kind, r.kindName)],
        date: r.effectiveFrom ?? shanghaiDate(new Date(r.updatedAt)),
        link: `/decisions?tab=rules&doc=${r.id}`,
      }));
  },
};
