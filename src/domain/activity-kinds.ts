/**
 * 活动类别: the controlled vocabulary an activity is recorded with (中心组学习, 党内法规学习, 周工作例会…).
 * Each kind belongs to one broad activity type (study, meeting, visit…) and to the unit or its
 * Party branch. Templates define kinds; a unit may add its own. Rules count kinds, never broad types,
 * so a 中心组学习 cannot pass for a 党内法规学习. Every broad type has a generic kind whose code is
 * the type itself ("学习研讨（其他）"): activities recorded before kinds existed carry it.
 */
export type KindScope = 'unit' | 'branch';
export const KIND_SCOPE_LABELS: Record<KindScope, string> = { unit: '单位', branch: '党支部' };

export interface ActivityKind {
  code: string;
  label: string;
  /** The broad activity type (study, meeting, visit, …). */
  type: string;
  scope: KindScope;
  /** Meetings whose attendance is recorded per person (present, late, left early, absent with or without leave). */
  attendance?: boolean;
}

/** The generic kind of each broad type: its code is the type, its label says “other”. */
export function genericKinds(typeLabels: Readonly<Record<string, string>>): ActivityKind[] {
  return Object.entries(typeLabels).map(([type, label]) => ({
    code: type,
    label: type === 'other' ? label : `${label}（其他）`,
    type,
    scope: 'unit',
  }));
}

/**
 * The kinds a unit may record: generic ones, the built-in templates' kinds, then the unit's own
 * (active) kinds. A code defined twice keeps its first definition.
 */
export function availableKinds(...lists: readonly (readonly ActivityKind[])[]): ActivityKind[] {
  const seen = new Map<string, ActivityKind>();
  for (const list of lists) for (const k of list) if (!seen.has(k.code)) seen.set(k.code, k);
  return [...seen.values()];
}

/** Why a unit's new kind cannot be added, in Chinese, or null. */
export function checkNewKind(
  k: { code: string; label: string; type: string },
  existing: readonly ActivityKind[],
  types: readonly string[],
): string | null {
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(k.code)) return '类别代码应为 2–40 位小写字母、数字或下划线，以字母开头';
  if (!types.includes(k.type)) return '活动类型不正确';
  if (existing.some((x) => x.code === k.code)) return `类别代码“${k.code}”已存在`;
  if (existing.some((x) => x.label === k.label.trim())) return `类别“${k.label.trim()}”已存在`;
  return null;
}

/** Rules still counting a kind keep it: a kind withdrawn under them would silently stop counting. */
export function withdrawalBlocker(code: string, activeRules: readonly { title: string; kinds: readonly string[] }[]) {
  const r = activeRules.find((x) => x.kinds.includes(code));
  return r ? `规则“${r.title}”仍在计入此类别，请先修改或停用该规则` : null;
}
