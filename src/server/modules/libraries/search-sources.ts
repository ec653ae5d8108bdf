/**
 * The libraries in the unit-wide search: projects (read by everyone of the unit) and advice (read by the leadership,
 * the office and department heads — never a member: domain/policies/think-tank). Withdrawn records are not found.
 */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { projectPolicy } from '../../../domain/policies/project.js';
import { advicePolicy, thinkTankPolicy } from '../../../domain/policies/think-tank.js';
import type { SearchSource } from '../search/source.js';
import { projectsRepo } from './projects.repo.js';
import { thinkTankRepo } from './think-tank.repo.js';

/** About 80 characters of `text` from a little before the first word found (plain text). */
export function excerpt(text: string, words: readonly string[]): string {
  const lower = text.toLowerCase();
  const found = words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0);
  const from = Math.max(0, (found.length ? Math.min(...found) : 0) - 20);
  return `${from > 0 ? '…' : ''}${text.slice(from, from + 80)}${from + 80 < text.length ? '…' : ''}`;
}

export const projectSearchSource: SearchSource = {
  kind: 'project',
  async find(deps, actor, q) {
    const rows = await projectsRepo.search(deps.db, actor.unitId, q);
    return rows
      .filter((r) => projectPolicy(actor, r).see)
      .map((r) => ({
        kind: 'project' as const,
        id: r.id,
        title: r.name,
        snippet: excerpt(`${r.name} ${r.summary}`, q.words),
        tags: r.tags,
        date: shanghaiDate(r.updatedAt),
        link: `/assessment?tab=projects&id=${r.id}`,
      }));
  },
};

export const adviceSearchSource: SearchSource = {
  kind: 'advice',
  // The think tank's readers only: for anyone else the kind is not even named among those searched.
  mayUse: (actor) => thinkTankPolicy(actor).see,
  async find(deps, actor, q) {
    if (!thinkTankPolicy(actor).see) return [];
    const rows = await thinkTankRepo.searchAdvice(deps.db, actor.unitId, q);
    return rows
      .filter((r) => advicePolicy(actor, r).see)
      .map((r) => ({
        kind: 'advice' as const,
        id: r.id,
        title: r.topic,
        snippet: excerpt(r.content, q.words),
        tags: r.tags,
        date: r.receivedOn,
        link: `/assessment?tab=thinktank&id=${r.id}`,
      }));
  },
};
