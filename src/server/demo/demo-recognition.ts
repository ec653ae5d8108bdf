/**
 * The demo unit's 先进典型 and publicity, made through the services (each write audited): a good practice drawn
 * from the closed item 行政区划档案数字化整理 and published, its nomination as a 典型 (recommended by the 党组书记),
 * an honour a department received, and an article about the practice approved by a 班子成员 and published on
 * 工作动态. Needs the sample work (demo-work.ts): the practice comes from one of its closed items.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/roles.js';
import { shanghaiDate } from '../../domain/civil-date.js';
import {
  ZArticleBody,
  ZArticleReview,
  ZHonourBody,
  ZNominationBody,
  ZNominationReview,
  ZPracticeBody,
} from '../../shared/contracts/assessment-recognition.js';
import { supervisedItems } from '../db/schema/index.js';
import type { AppDeps } from '../types.js';
import { createArticle, reviewArticle, submitArticle } from '../modules/recognition/articles.service.js';
import { createHonour, createNomination, reviewNomination } from '../modules/recognition/nominations.service.js';
import { createPractice, practicePrefill, publishPractice } from '../modules/recognition/practices.service.js';

interface Seeded {
  actors: Map<string, Actor>;
  deptIds: string[];
}

export const DEMO_PRACTICE_ITEM = '行政区划档案数字化整理';
export const DEMO_PRACTICE_TITLE = '区划档案“扫描—校核—挂接”三步数字化';
export const DEMO_ARTICLE_TITLE = '我局完成行政区划档案数字化整理';

export async function seedDemoRecognition(deps: AppDeps, s: Seeded) {
  const office = s.actors.get('office')!;
  const [item] = await deps.db
    .select({ id: supervisedItems.id })
    .from(supervisedItems)
    .where(and(eq(supervisedItems.unitId, office.unitId), eq(supervisedItems.title, DEMO_PRACTICE_ITEM)));
  if (!item) return;
  const from = await practicePrefill(deps, office, { sourceKind: 'item', sourceId: item.id });
  const draft = await createPractice(
    deps,
    office,
    ZPracticeBody.parse({
      sourceKind: 'item',
      sourceId: item.id,
      title: DEMO_PRACTICE_TITLE,
      problem: '区划档案以纸质为主，查阅一次需到档案室翻找，易损易散。',
      action: from.action || '按卷扫描，逐页校核，与区划代码挂接。',
      result: from.result || '档案全部数字化，查阅由半天缩短到几分钟。',
      steps: '1.按卷扫描，统一分辨率和命名\n2.两人交叉校核，错漏当日更正\n3.按区划代码挂接，设置查阅权限',
      tags: ['档案管理', '数字化'],
      departmentId: from.departmentId,
    }),
  );
  const practice = await publishPractice(deps, office, draft.id, { version: draft.version });
  const nomination = await createNomination(
    deps,
    office,
    ZNominationBody.parse({
      nomineeKind: 'practice',
      nomineeId: practice.id,
      facts: '三步数字化做法使区划档案全部可在线查阅，查阅时间由半天缩短到几分钟，可在其他档案推广。',
    }),
  );
  await reviewNomination(
    deps,
    s.actors.get('secretary')!,
    nomination.id,
    ZNominationReview.parse({
      decision: 'recommended',
      reason: '做法实用、可复制，同意推荐。',
      version: nomination.version,
    }),
  );
  await createHonour(
    deps,
    office,
    ZHonourBody.parse({
      holderKind: 'department',
      holderId: s.deptIds[4],
      title: '全县档案工作先进集体',
      level: 'county',
      awardedOn: shanghaiDate(deps.clock.now()),
      issuer: '示例县档案局',
    }),
  );
  const article = await createArticle(
    deps,
    office,
    ZArticleBody.parse({
      title: DEMO_ARTICLE_TITLE,
      body: '近日，我局完成行政区划档案数字化整理工作。\n工作中采取“扫描—校核—挂接”三步法，档案全部实现在线查阅。\n下一步，将把这一做法推广到其他业务档案。',
      subjectKind: 'practice',
      subjectId: practice.id,
    }),
  );
  const submitted = await submitArticle(deps, office, article.id, { version: article.version });
  await reviewArticle(
    deps,
    s.actors.get('leader1')!,
    article.id,
    ZArticleReview.parse({ decision: 'approve', version: submitted.version }),
  );
}
