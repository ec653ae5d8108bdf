import type { OpinionItem } from './types';

/** How an opinion item's status is shown. */
export const STATUS: Record<OpinionItem['status'], { label: string; color: string }> = {
  new: { label: '待处理', color: 'processing' },
  adopted: { label: '已采纳', color: 'success' },
  not_adopted: { label: '不予采纳', color: 'default' },
  merged: { label: '已合并', color: 'default' },
};
/** Whom an opinion item is about: the choices of the classify form and of the filter. */
export const TARGETS = [
  { value: 'branch', label: '党支部' },
  { value: 'leadership', label: '领导班子' },
  { value: 'department', label: '科室（中心）' },
  { value: 'person', label: '党员个人' },
];
