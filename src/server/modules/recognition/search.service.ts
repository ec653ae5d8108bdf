/**
 * The search's sources for practices and articles (modules/search/source.ts): published, live ones for everyone
 * in the unit; drafts and withdrawn ones too for those whose policy lets them see them (the office and the
 * leadership). Each row is checked with its policy before it is returned.
 */
import { articlePolicy, maySeeDrafts } from '../../../domain/policies/article.js';
import { practicePolicy, type PracticeStatus } from '../../../domain/policies/practice.js';
import type { TSearchHit } from '../../../shared/contracts/search.js';
import type { SearchSource } from '../search/source.js';
import { articleFactsOf } from './articles.service.js';
import { seesPracticeDrafts } from './practices.service.js';
import { recognitionRepo as repo } from './recognition.repo.js';

const snippet = (text: string, words: readonly string[]) => {
  const at = Math.max(0, ...words.map((w) => text.toLowerCase().indexOf(w.toLowerCase())));
  const from = Math.max(0, at - 20);
  return `${from > 0 ? '…' : ''}${text.slice(from, from + 80)}${text.length > from + 80 ? '…' : ''}`;
};

export const practiceSearch: SearchSource = {
  kind: 'practice',
  async find(deps, actor, q) {
    const { rows } = await repo.practicesPage(
      deps.db,
      actor.unitId,
      { words: q.words, tags: q.tags },
      seesPracticeDrafts(actor),
      q.limit,
      0,
    );
    return rows
      .filter((r) => practicePolicy(actor, { ...r, status: r.status as PracticeStatus }).see)
      .map(
        (r): TSearchHit => ({
          kind: 'practice',
          id: r.id,
          title: r.title,
          snippet: snippet(`${r.problem} ${r.action} ${r.result}`, q.words),
          tags: r.tags,
          date: r.publishedOn ?? null,
          link: `/assessment?tab=practices&id=${r.id}`,
        }),
      );
  },
};

export const articleSearch: SearchSource = {
  kind: 'article',
  async find(deps, actor, q) {
    // Articles carry no tags: a search that asks for tags finds none of them.
    if (q.tags.length) return [];
    const { rows } = await repo.articlesPage(
      deps.db,
      actor.unitId,
      { words: q.words },
      maySeeDrafts(actor),
      q.limit,
      0,
    );
    return rows
      .filter((r) => articlePolicy(actor, articleFactsOf(r)).see)
      .map(
        (r): TSearchHit => ({
          kind: 'article',
          id: r.id,
          title: r.title,
          snippet: snippet(r.body, q.words),
          tags: [],
          date: r.publishedOn ?? null,
          link:
            r.status === 'published' && !r.withdrawnReason ? `/news?id=${r.id}` : `/assessment?tab=articles&id=${r.id}`,
        }),
      );
  },
};
