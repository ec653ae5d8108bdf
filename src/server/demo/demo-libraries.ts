/**
 * The demo unit's project library and think tank (measures 6 and 7), made through the services (each write
 * audited): five projects across the stages with their funding, two of them with a task in the ledger, three
 * experts and their advice. The demo has no closed 党组会议, so adopted advice names no decision: its reason says
 * how it was taken up. Dates count back from the server's today. Seeded on first run only (seed-demo.ts), after
 * the sample work, so that the tests that count the sample work's items see only those.
 */
import { parseIsoDate, shanghaiDate, toIsoDate } from '../../domain/civil-date.js';
import { PROJECT_STAGES, type ProjectStage } from '../../domain/projects.js';
import type { Actor } from '../../domain/roles.js';
import { ZProjectBody, ZProjectTaskBody } from '../../shared/contracts/assessment-projects.js';
import { ZAdviceBody, ZAdviceOutcomeBody, ZExpertBody } from '../../shared/contracts/assessment-think-tank.js';
import type { AppDeps } from '../types.js';
import { createAdvice, recordAdviceOutcome } from '../modules/libraries/advice.service.js';
import { createExpert } from '../modules/libraries/experts.service.js';
import { getItem } from '../modules/supervision/item-view.service.js';
import { transition } from '../modules/supervision/items.service.js';
import {
  addProjectTask,
  changeProjectStage,
  createProject,
  editProject,
} from '../modules/libraries/project-writes.service.js';

interface Seeded {
  actors: Map<string, Actor>;
  deptIds: string[];
  personId: Map<string, string>;
}

const PROJECTS: {
  name: string;
  summary: string;
  stage: ProjectStage;
  sought: number;
  obtained: number | null;
  dept: number;
  owner: string;
  tags: string[];
  task?: { title: string; owner: string; days: number };
}[] = [
  {
    name: '县级养老服务中心改扩建项目',
    summary: '争取中央预算内投资，改扩建护理楼一栋，新增护理型床位 120 张。',
    stage: 'implementing',
    sought: 1200,
    obtained: 960,
    dept: 2,
    owner: '吕芳',
    tags: ['养老', '中央预算内'],
    task: { title: '完成护理楼主体工程招标', owner: '孔明亮', days: 30 },
  },
  {
    name: '困难群众救助信息化平台',
    summary: '建设低收入人口动态监测和救助一体化平台，申报省级民政专项资金。',
    stage: 'applied',
    sought: 180,
    obtained: null,
    dept: 1,
    owner: '杨帆',
    tags: ['社会救助', '信息化'],
    task: { title: '报送省级专项资金申报材料', owner: '何军', days: 20 },
  },
  {
    name: '农村互助幸福院提升工程',
    summary: '提升 12 个村级互助幸福院的助餐、日间照料功能。',
    stage: 'approved',
    sought: 350,
    obtained: 200,
    dept: 2,
    owner: '吕芳',
    tags: ['养老', '乡村振兴'],
  },
  {
    name: '婚姻登记中心标准化建设',
    summary: '按国家 4A 级婚姻登记机关标准改造登记大厅。',
    stage: 'reserve',
    sought: 60,
    obtained: null,
    dept: 3,
    owner: '曹阳',
    tags: ['社会事务'],
  },
  {
    name: '公益性公墓改造项目',
    summary: '改造县公益性公墓，完善节地生态安葬设施。',
    stage: 'completed',
    sought: 500,
    obtained: 520,
    dept: 4,
    owner: '魏东',
    tags: ['殡葬改革'],
  },
];

async function seedProject(deps: AppDeps, office: Actor, s: Seeded, p: (typeof PROJECTS)[number], today: string) {
  let row = await createProject(
    deps,
    office,
    ZProjectBody.parse({
      name: p.name,
      summary: p.summary,
      fundingSought: p.sought,
      ownerPersonId: s.personId.get(p.owner)!,
      departmentId: s.deptIds[p.dept]!,
      tags: p.tags,
    }),
  );
  // Through each stage in order, as the rule asks; funds are recorded once the project is 立项.
  for (const stage of PROJECT_STAGES.slice(1, PROJECT_STAGES.indexOf(p.stage) + 1))
    row = await changeProjectStage(deps, office, row.id, { stage, reason: null, version: row.version });
  if (p.obtained !== null) {
    row = await editProject(deps, office, row.id, {
      name: p.name,
      summary: p.summary,
      fundingSought: p.sought,
      fundingObtained: p.obtained,
      ownerPersonId: row.ownerPersonId,
      departmentId: row.departmentId,
      tags: p.tags,
      version: row.version,
    });
  }
  if (!p.task) return;
  const withTask = await addProjectTask(
    deps,
    office,
    row.id,
    ZProjectTaskBody.parse({
      title: p.task.title,
      ownerPersonId: s.personId.get(p.task.owner)!,
      explicitDue: toIsoDate(parseIsoDate(today) + p.task.days),
    }),
  );
  // Signed by its owner at once: the demo's 待签收 figures stay those of the sample work.
  const owner = [...s.actors.values()].find((a) => a.personId === s.personId.get(p.task!.owner))!;
  const itemId = withTask.tasks.at(-1)!.itemId;
  const item = await getItem(deps, office, itemId);
  await transition(deps, owner, itemId, { action: 'sign', version: item.version });
}

export async function seedDemoLibraries(deps: AppDeps, s: Seeded) {
  const office = s.actors.get('office')!;
  const today = shanghaiDate(deps.clock.now());
  const daysAgo = (n: number) => toIsoDate(parseIsoDate(today) - n);
  for (const p of PROJECTS) await seedProject(deps, office, s, p, today);
  const expert = (b: Record<string, unknown>) => createExpert(deps, office, ZExpertBody.parse(b));
  const huang = await expert({
    kind: 'outside',
    name: '黄建华',
    organisation: '省社会科学院',
    field: '社会保障政策',
    contact: '13800001234',
  });
  const zhou = await expert({
    kind: 'outside',
    name: '周敏',
    organisation: '市民政事业发展中心',
    field: '养老服务标准化',
    contact: '13900005678',
  });
  await expert({ kind: 'inside', personId: s.personId.get('吕芳')!, field: '养老服务' });
  const advice = (b: Record<string, unknown>) => createAdvice(deps, office, ZAdviceBody.parse(b));
  const monitor = await advice({
    expertId: huang.id,
    topic: '关于建立低收入人口动态监测机制的建议',
    content: '建议依托大数据比对，整合民政、医保、残联等部门数据，建立低收入人口动态监测预警机制，做到早发现、早干预。',
    receivedOn: daysAgo(40),
    tags: ['社会救助'],
  });
  await recordAdviceOutcome(
    deps,
    office,
    monitor.id,
    ZAdviceOutcomeBody.parse({
      outcome: 'adopted',
      reason: '已纳入困难群众救助信息化平台项目建设内容',
      version: monitor.version,
    }),
  );
  const beds = await advice({
    expertId: zhou.id,
    topic: '关于提高护理型床位占比的建议',
    content: '建议养老服务中心改扩建中护理型床位占比不低于 60%，并同步配建医务室。',
    receivedOn: daysAgo(25),
    tags: ['养老'],
  });
  await recordAdviceOutcome(
    deps,
    office,
    beds.id,
    ZAdviceOutcomeBody.parse({
      outcome: 'partly_adopted',
      reason: '护理型床位占比按 55% 设计；医务室待二期建设',
      version: beds.version,
    }),
  );
  await advice({
    expertId: zhou.id,
    topic: '关于推行居家养老服务“时间银行”的建议',
    content: '建议在城区两个社区试点志愿服务“时间银行”，以服务时长兑换养老服务。',
    receivedOn: daysAgo(6),
    tags: ['养老', '志愿服务'],
  });
}
