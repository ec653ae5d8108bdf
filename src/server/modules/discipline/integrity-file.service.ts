import { admonitionScope, mayReadIntegrityFile } from '../../../domain/policies/admonition.js';
import type { Actor } from '../../../domain/roles.js';
import { TALK_KIND_LABELS, type TalkKind } from '../../../domain/talk-plan.js';
import { LEAVE_KINDS, LEAVE_STATUSES } from '../../../domain/leave.js';
import { observedLabel } from '../../../domain/notice-text.js';
import { FINDING_STATUS_LABELS } from '../../../domain/policies/finding.js';
import { canSeeTalk } from '../../../domain/policies/talk.js';
import { officialDocument, type Block } from '../../docx/official.js';
import { notFound } from '../../errors.js';
import type { AppDeps } from '../../types.js';
import { admonitionsRepo } from './admonitions.repo.js';
import { presenterFor } from './admonitions.service.js';
import { titleFor } from './education.service.js';
import { integrityFileRepo } from './integrity-file.repo.js';

const EDUCATION_LABELS: Record<string, string> = {
  warning_education: '警示教育',
  party_law_study: '党内法规学习',
  political_home_visit: '政治家访',
};

const FINDING_KIND_LABELS: Record<string, string> = { on_duty: '在岗检查', sifeng: '四风检查', meeting: '会风会纪' };
const label = (labels: Record<string, string>, code: string) => labels[code] ?? code;

/**
 * 廉政档案 of one cadre: leave, findings, talks, 提醒谈话 / 诫勉 / 函询 and integrity education, for the
 * discipline staff and the 党组书记, and for the person (their own; only delivered records). Everyone
 * else gets 404, as for a record they may not see.
 */
export async function integrityFile(deps: AppDeps, actor: Actor, personId: string) {
  const u = actor.unitId;
  const person = await integrityFileRepo.person(deps.db, u, personId);
  if (!person || !mayReadIntegrityFile(actor, personId)) throw notFound('廉政档案');
  const [leave, findings, allTalks, admonitions, education] = await Promise.all([
    integrityFileRepo.leave(deps.db, u, personId),
    integrityFileRepo.findings(deps.db, u, personId),
    integrityFileRepo.talks(deps.db, u, personId),
    admonitionsRepo.ofPerson(deps.db, u, admonitionScope(actor), personId),
    integrityFileRepo.education(deps.db, u, personId),
  ]);
  // A talk is personal to its sides and the few above (policies/talk): reading the file gives no more.
  const talks = allTalks.filter((t) => canSeeTalk(actor, t));
  const present = await presenterFor(deps, actor, admonitions);
  const talkNames = await admonitionsRepo.names(
    deps.db,
    u,
    talks.map((t) => (t.aPersonId === personId ? t.bPersonId : t.aPersonId)),
  );
  return {
    person,
    // The file is read by people, not programs: kinds, states and what was observed in Chinese.
    leave: leave.map((l) => ({ ...l, kind: label(LEAVE_KINDS, l.kind), status: label(LEAVE_STATUSES, l.status) })),
    findings: findings.map((f) => ({
      ...f,
      kind: label(FINDING_KIND_LABELS, f.kind),
      observed: observedLabel(f.observed),
      status: label(FINDING_STATUS_LABELS, f.status),
    })),
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
      title: titleFor(actor, e),
      heldOn: e.heldOn,
    })),
  };
}

const lines = (rows: string[], none = '无。') =>
  (rows.length ? rows : [none]).map((text) => ({ kind: 'p' as const, text }));

/** The 廉政档案 as a .docx in the official layout (GB/T 9704), for the same readers as the file itself. */
export async function integrityFileDocx(deps: AppDeps, actor: Actor, personId: string) {
  const f = await integrityFile(deps, actor, personId);
  const title = `${f.person.name}同志廉政档案`;
  const blocks: Block[] = [
    { kind: 'p', text: `姓名：${f.person.name}；所在科室：${f.person.departmentName ?? '—'}。` },
    { kind: 'h1', text: '一、提醒谈话、诫勉和函询' },
    ...lines(
      f.admonitions.map(
        (a) =>
          `${a.onDate}，${a.kindLabel}（${a.statusLabel}）：${a.reason}${a.answer ? `。答复：${a.answer}` : ''}${a.answeredLate ? '（逾期答复）' : ''}${a.followUp ? `。跟踪了解：${a.followUp}` : ''}`,
      ),
    ),
    { kind: 'h1', text: '二、发现的问题' },
    ...lines(f.findings.map((x) => `${x.onDate}，${x.observed}：${x.note || '—'}（${x.status}）`)),
    { kind: 'h1', text: '三、请销假' },
    ...lines(f.leave.map((x) => `${x.fromDate}至${x.toDate}，${x.halfDays / 2}天，${x.status}`)),
    { kind: 'h1', text: '四、谈心谈话' },
    ...lines(f.talks.map((t) => `${t.heldOn}，${t.kind}，与${t.withName}谈话`)),
    { kind: 'h1', text: '五、廉政教育' },
    ...lines(f.education.map((e) => `${e.heldOn}，${e.type}：${e.title}`)),
  ];
  return { fileName: `${title}.docx`, data: await officialDocument({ title, blocks }) };
}
