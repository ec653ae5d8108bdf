/** The .docx of a 通报 (GB/T 9704), for those its policy lets read it. */
import { shanghaiDate } from '../../../domain/civil-date.js';
import { chineseDate } from '../../../domain/notice-text.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import { noticeDocument } from '../../docx/notice.js';
import type { AppDeps } from '../../types.js';
import { DEFAULT_NOTICE_PREFIX } from './discipline-settings.service.js';
import { noticesRepo } from './notices.repo.js';
import { loadNotice } from './notices.service.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The organ that issues a unit's 通报: its 机关纪委, named from the unit. */
export const issuingOrgan = (unitName: string) =>
  `${unitName.startsWith('中共') ? '' : '中共'}${unitName}机关纪律检查委员会`;

/** The .docx of a notice (GB/T 9704); a draft carries a blank number and today's date until it is issued. */
export async function noticeDocx(deps: AppDeps, actor: Actor, id: string) {
  const { n, can } = await loadNotice(deps, actor, id);
  authorize(can, 'download', '没有下载该通报的权限');
  const [unitName, settings] = await Promise.all([
    noticesRepo.unitName(deps.db, actor.unitId),
    noticesRepo.settingsRow(deps.db, actor.unitId),
  ]);
  const day = n.issuedOn ?? shanghaiDate(deps.clock.now());
  const prefix = settings?.noticePrefix ?? DEFAULT_NOTICE_PREFIX;
  const data = await noticeDocument({
    organ: issuingOrgan(unitName),
    docNumber: n.docNumber ?? `${prefix}〔${day.slice(0, 4)}〕\u3000号`,
    title: n.title,
    addressee: '各科室、全体干部职工',
    paragraphs: n.paragraphs,
    date: chineseDate(day),
  });
  return { fileName: `${n.docNumber ?? '通报草稿'}${n.title}.docx`, data };
}
