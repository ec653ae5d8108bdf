import type { z } from 'zod';
import type { ResponseOf } from '../../../shared/api/endpoint';
import type { orglifeApi } from '../../../shared/api/orglife';
import type { ZEntryView } from '../../../shared/contracts/orglife';

/** What the organizational life meeting's API returns, typed from its endpoints (src/shared/api/orglife.ts). */
export type Meeting = ResponseOf<typeof orglifeApi.meeting>;
export type Attendance = Meeting['attendance'][number];
export type Entry = z.output<typeof ZEntryView>;
export type TalkKind = ResponseOf<typeof orglifeApi.talks>['plan'][number]['kind'];
export type OpinionItem = ResponseOf<typeof orglifeApi.classify>;

export const LIST_STATUS: Record<string, { label: string; color: string }> = {
  none: { label: '未填写', color: 'default' },
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '待审核', color: 'processing' },
  returned: { label: '已退回', color: 'warning' },
  approved: { label: '已审核', color: 'success' },
};
