/**
 * 待完善: what a campaign copied from its template still holds of the source plan and has to be
 * adapted by the office — redactions (`*`, `**`) that are not parameters, years other than the
 * campaign's, and terms of the forestry sector the built-in plan was written for. Each leftover
 * says where it is, what it is and why it is flagged; its key is stable while the text holds it, so
 * a “keep as is” decision stays attached, and editing the text away resolves it. Pure.
 */

export type LeftoverSourceKind = 'category' | 'measure' | 'phase' | 'requirement';
export interface LeftoverSource {
  kind: LeftoverSourceKind;
  no: number;
  /** Where the office finds it, e.g. “措施12”. */
  label: string;
  text: string;
  /** Indexes of the `*` runs that are parameters (filled with a number, not leftovers). */
  paramRuns?: readonly number[];
}

export interface Leftover {
  key: string;
  kind: LeftoverSourceKind;
  no: number;
  where: string;
  /** The text as found (“**”, “2022年”, “涉林”). */
  match: string;
  occurrences: number;
  reason: string;
}

/**
 * Terms of the forestry sector in the built-in plan (a 林草 bureau's plan): kept explicit so each
 * flag can be explained, and not flagged for a unit whose name says it is of that sector.
 */
export const FORESTRY_TERMS = ['涉林', '林草', '国土绿化', '绿化委', '生态保护', '储备林', '林业'] as const;

const REDACTION_REASON = '原方案中被隐去的内容（人名、地名、单位名或数字），请填写本单位的实际内容';
const yearReason = (year: number) => `年份与本活动年度（${year}年）不符，可能是原方案的年份`;
const SECTOR_REASON = '林草系统的用语（原方案出自林草部门），本单位不属该行业时请改为本行业的表述';

function redactions(s: LeftoverSource): number {
  const params = new Set(s.paramRuns ?? []);
  return [...s.text.matchAll(/\*+/g)].filter((_, i) => !params.has(i)).length;
}

function found(s: LeftoverSource, match: string, occurrences: number, reason: string): Leftover {
  return { key: `${s.kind}:${s.no}:${match}`, kind: s.kind, no: s.no, where: s.label, match, occurrences, reason };
}

function ofSource(s: LeftoverSource, year: number, sectorTerms: readonly string[]): Leftover[] {
  const out: Leftover[] = [];
  const stars = redactions(s);
  if (stars) out.push(found(s, '**', stars, REDACTION_REASON));
  const years = new Map<string, number>();
  for (const m of s.text.matchAll(/(?<!\d)(\d{4})年/g))
    if (Number(m[1]) !== year) years.set(m[0], (years.get(m[0]) ?? 0) + 1);
  for (const [y, k] of years) out.push(found(s, y, k, yearReason(year)));
  for (const t of sectorTerms) {
    const k = s.text.split(t).length - 1;
    if (k) out.push(found(s, t, k, SECTOR_REASON));
  }
  return out;
}

/** The leftovers of a campaign's texts, in the order of the sources. */
export function findLeftovers(o: { year: number; unitName: string; sources: readonly LeftoverSource[] }): Leftover[] {
  const sectorTerms = o.unitName.includes('林') ? [] : FORESTRY_TERMS;
  return o.sources.flatMap((s) => ofSource(s, o.year, sectorTerms));
}

/** The leftovers still to do: those not kept as they are (a keep names the leftover's key). */
export const openLeftovers = (all: readonly Leftover[], keptKeys: ReadonlySet<string>) =>
  all.filter((l) => !keptKeys.has(l.key));
