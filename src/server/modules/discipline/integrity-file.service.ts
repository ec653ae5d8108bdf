import { admonitionScope, mayReadIntegrityFile } from '../../../domain/policies/admonition.js';
import type { Actor } from '../../../domain/roles.js';
import { TALK_KIND_LABELS, type TalkKind } from '../../../domain/talk-plan.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { admonitionsRepo } from './admonitions.repo.js';
import { presenterFor } from './admonitions.service.js';
import { integrityFileRepo } from './integrity-file.repo.js';

const EDUCATION_LABELS: Record<string, string> = {
  warning_education: '警示教育',
  party_law_study: '党内法规学习',
  political_home_visit: '政治家访',
};

/**
 * 廉政档案 of one cadre: leave, findings, talks, 提醒谈话 / 诫勉 / 函询 and integrity education, for the
 * discipline staff and the 党组书记, and for the person (their own; only delivered records). Everyone
 * else gets 404, as for a record they may not see.
 */
export async function integrityFile(deps: AppDeps, actor: Actor, personId: string) {
  const u = actor.unitId;
  const person = await integrityFileRepo.person(deps.db, u, personId);
  if (!person || !mayReadIntegrityFile(actor, personId)) throw notFound('廉政档案');
  const [leave, findings, talks, admonitions, education] = await Promise.all([
    integrityFileRepo.leave(deps.db, u, personId),
    integrityFileRepo.findings(deps.db, u, personId),
    integrityFileRepo.talks(deps.db, u, personId),
    admonitionsRepo.ofPerson(deps.db, u, admonitionScope(actor), personId),
    integrityFileRepo.education(deps.db, u, personId),
  ]);
  const present = await presenterFor(deps, actor, admonitions);
  const talkNames = await admonitionsRepo.names(
    deps.db,
    u,
    talks.map((t) => (t.aPersonId === personId ? t.bPersonId : t.aPersonId)),
  );
  return {
    person,
    leave,
    findings,
    talks: talks.map((t) => ({
      id: t.id,
      kind: TALK_KIND_LABELS[t.kind as TalkKind] ?? t.kind,
      heldOn: t.heldOn,
      withName: talkNames.get(t.aPersonId === personId ? t.bPersonId : t.aPersonId) ?? '（已离开）',
    })),
    admonitions: admonitions.map(present),
    education: education.map((e) => ({
      id: e.id,
      type: EDUCATION_LABELS[e.kind] ?? e.kind,
      title: e.title,
      heldOn: e.heldOn,
    })),
  };
}
