import { canSeeAdmonition } from '../../../domain/policies/admonition.js';
import type { AdmonitionStatus } from '../../../domain/admonitions.js';
import type { Actor } from '../../../domain/roles.js';
import { authorize } from '../../authorize.js';
import type { AppDeps } from '../../types.js';
import * as store from '../attachments/attachments.service.js';
import { admonitionsRepo } from './admonitions.repo.js';
import { admonitionOr404, getAdmonition } from './admonitions.service.js';

/** Checked before the upload is read: the record is a 404 to those who may not see it; the staff attach while it is open. */
export async function checkCanAttachToAdmonition(deps: AppDeps, actor: Actor, id: string) {
  const { can } = await admonitionOr404(deps.db, actor, id);
  authorize(can, 'attach', '只有纪检人员可以为未办结的记录上传附件');
}

/** A record's files (谈话记录的扫描件、函询及答复材料) are kept in the shared file store; the event is the record's ('attach'). */
export async function attachToAdmonition(deps: AppDeps, actor: Actor, id: string, fileName: string, data: Buffer) {
  await checkCanAttachToAdmonition(deps, actor, id);
  await store.attach(deps, actor, { type: 'discipline_admonition', id }, fileName, data);
  return getAdmonition(deps, actor, id);
}

/** A file of a record, for those who see the record; everyone else gets a 404 (they do not learn it exists). */
export async function openAdmonitionFile(deps: AppDeps, actor: Actor, fileId: string) {
  return store.openFile(
    deps,
    actor.unitId,
    'discipline_admonition',
    fileId,
    async (id) => {
      const r = await admonitionsRepo.byId(deps.db, actor.unitId, id);
      return !!r && canSeeAdmonition(actor, { ...r, status: r.status as AdmonitionStatus });
    },
    '附件',
  );
}
