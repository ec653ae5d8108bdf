import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionLabel } from '../src/domain/audit-vocabulary.js';
import { ITEM_ACTIONS } from '../src/domain/supervision.js';

/**
 * The audit log reads in Chinese: every event kind and object type the server writes has a label.
 * AuditEntry takes only the vocabulary's keys (a compile error otherwise); this scan of the server's
 * source catches what the types cannot see, e.g. a value cast to string.
 */
function serverSources(dir = 'src/server'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    // The schema names the columns (action, entity_type), not codes.
    if (d.isDirectory()) return p === path.join('src', 'server', 'db') ? [] : serverSources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Codes on the lines that name an event's `action:` or `entityType:` (ternaries included). */
function codesAfter(key: 'action' | 'entityType'): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of serverSources()) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const at = line.indexOf(`${key}: `);
      if (at < 0) continue;
      for (const m of line.slice(at).matchAll(/'([a-z][a-z_]*)'/g)) found.set(m[1]!, file);
    }
  }
  return found;
}

const CHINESE = /[\u4e00-\u9fa5]/;

describe('audit vocabulary', () => {
  it('labels every event kind written in src/server', () => {
    const actions = codesAfter('action');
    expect(actions.size).toBeGreaterThan(40);
    const missing = [...actions].filter(([code]) => !(code in AUDIT_ACTIONS)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });

  it('labels every object type written in src/server', () => {
    const types = codesAfter('entityType');
    expect(types.size).toBeGreaterThan(20);
    const missing = [...types].filter(([code]) => !(code in AUDIT_ENTITY_TYPES)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });

  it('labels every item action (they reach the audit trail as the request names them)', () => {
    for (const action of Object.keys(ITEM_ACTIONS)) expect(action in AUDIT_ACTIONS, action).toBe(true);
  });

  it('has a Chinese label for each, and reads an item submission as 提交办结', () => {
    for (const label of [...Object.values(AUDIT_ACTIONS), ...Object.values(AUDIT_ENTITY_TYPES)])
      expect(label).toMatch(CHINESE);
    expect(auditActionLabel('org_life_meeting')).toBe('org_life_meeting');
    expect(AUDIT_ENTITY_TYPES.org_life_meeting).toBe('组织生活会');
    expect(auditActionLabel('hold', 'org_life_meeting')).toBe('召开');
    expect(auditActionLabel('submit', 'item')).toBe('提交办结');
    expect(auditActionLabel('close', 'opinion_form')).toBe('停止收集');
  });
});
