import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers the linter keeps (docs/CODE_STYLE.md): for each rule, a small file that breaks it must
 * be reported, and the same file written the allowed way must not. The files are linted as if they
 * lay at the given path, so each rule is checked by the configuration CI runs.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const CASES: { rule: string; path: string; breaks: string; keeps: string; says: RegExp }[] = [
  {
    rule: 'a route does not import a repo',
    path: 'src/server/modules/fixture/fixture.routes.ts',
    breaks: "import { fixtureRepo } from './fixture.repo.js';\nexport const x = fixtureRepo;\n",
    keeps: "import { listFixtures } from './fixture.service.js';\nexport const x = listFixtures;\n",
    says: /Routes call services/,
  },
  {
    rule: 'a route does not query',
    path: 'src/server/modules/fixture/fixture.routes.ts',
    breaks: "import { sql } from 'drizzle-orm';\nexport const x = sql;\n",
    keeps: "import { z } from 'zod';\nexport const x = z;\n",
    says: /Queries live in the module's repo/,
  },
  {
    rule: 'a route does not touch the database client',
    path: 'src/server/modules/fixture/fixture.routes.ts',
    breaks: "import type { Db } from '../../db/client.js';\nexport type X = Db;\n",
    keeps: "import type { AppDeps } from '../../types.js';\nexport type X = AppDeps;\n",
    says: /Routes do not touch the database/,
  },
  {
    rule: 'a service does not query',
    path: 'src/server/modules/fixture/fixture.service.ts',
    breaks: "import { eq } from 'drizzle-orm';\nexport const x = eq;\n",
    keeps: "import { fixtureRepo } from './fixture.repo.js';\nexport const x = fixtureRepo;\n",
    says: /Queries live in the module's repo/,
  },
  {
    rule: 'a service does not use the tables',
    path: 'src/server/modules/fixture/fixture.service.ts',
    breaks: "import { people } from '../../db/schema/index.js';\nexport const x = people;\n",
    keeps: "import { peopleRepo } from '../people/people.repo.js';\nexport const x = peopleRepo;\n",
    says: /Tables are used by the module's repo only/,
  },
  {
    rule: "a repo does not import another module's repo",
    path: 'src/server/modules/fixture/fixture.repo.ts',
    breaks: "import { peopleRepo } from '../people/people.repo.js';\nexport const x = peopleRepo;\n",
    keeps:
      "import { eq } from 'drizzle-orm';\nimport { people } from '../../db/schema/index.js';\nexport const x = [eq, people];\n",
    says: /does not import another module's repo/,
  },
  {
    rule: 'the domain does no IO',
    path: 'src/domain/fixture.ts',
    breaks: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    keeps: "import { parseIsoDate } from './civil-date.js';\nexport const x = parseIsoDate;\n",
    says: /node:fs/,
  },
  {
    rule: 'the domain reads no clock',
    path: 'src/domain/fixture.ts',
    breaks: 'export const now = () => Date.now();\n',
    keeps: 'export const later = (now: Date) => new Date(now.getTime() + 1);\n',
    says: /takes `now` as an argument/,
  },
  {
    rule: 'the domain does not reach into the server',
    path: 'src/domain/fixture.ts',
    breaks: "import { badRequest } from '../server/errors.js';\nexport const x = badRequest;\n",
    keeps: "import type { Actor } from './roles.js';\nexport type X = Actor;\n",
    says: /server/,
  },
];

describe('the layers the linter keeps', () => {
  for (const c of CASES) {
    it(`${c.rule}: reported when broken, silent when kept`, async () => {
      const broken = await restricted(c.path, c.breaks);
      expect(broken.length, `${c.rule}: ${c.breaks}`).toBeGreaterThan(0);
      expect(broken.join('\n')).toMatch(c.says);
      expect(await restricted(c.path, c.keeps)).toEqual([]);
    });
  }
});
