import type { TalkKind } from './types';

/** The four kinds of 谈心谈话: the options of the plan's filter and of the record form. */
export const KINDS: { value: TalkKind; label: string }[] = [
  { value: 'one_to_three', label: '班子成员“一对三”' },
  { value: 'committee_pair', label: '支部委员之间' },
  { value: 'committee_member', label: '支部委员和党员之间' },
  { value: 'member_member', label: '党员和党员之间' },
];
