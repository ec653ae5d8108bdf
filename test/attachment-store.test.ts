import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPglite } from '../src/server/db/pglite.js';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openPglite, rowsOf } from '../src/server/db/client.js';
import { storeFile } from '../src/server/files.js';
import { openFile, openFileBySha256 } from '../src/server/modules/attachments/attachments.service.js';
import { defaultConfig } from '../src/server/config.js';
import { TestClock, newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';
import { multipartFile } from './xlsx.js';

/**
 * One store for the records of attached files: an item's attachment, an activity's file and a
 * study session's material all land in `stored_files`; who may attach or download is still each
 * subject's policy; and migration 0028 moved what the three old places held.
 */
let ctx: TestContext;
let unit: Awaited<ReturnType<typeof newDemoUnit>>;
let office: Client, owner: Client, stranger: Client, branch: Client, discipline: Client;

beforeAll(async () => {
  ctx = await testApp();
  unit = await newDemoUnit(ctx);
  [office, owner, stranger, branch, discipline] = (await Promise.all(
    ['office', 'member1', 'member2', 'branch', 'discipline'].map((u) => signIn(ctx, unit.user(u))),
  )) as [Client, Client, Client, Client, Client];
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const upload = (c: Client, url: string, data: Buffer, name: string) => {
  const m = multipartFile(data, name);
  return c.request('POST', url, m.payload, m.headers);
};
const storedRows = async () =>
  rowsOf<{ id: string; subject_type: string; subject_id: string; file_name: string; size: number }>(
    await ctx.database.db.execute(
      sql`select id, subject_type, subject_id, file_name, size from stored_files where unit_id = ${unit.unit.id}`,
    ),
  );
const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

describe('the shared attachment store', () => {
  it('keeps an item attachment, an activity file and a study material in one table, each downloaded as uploaded and refused as its policy says', async () => {
    // An item's attachment: its owner attaches; someone who may not read the item gets a 404.
    const ownerId = (await owner.get('/api/auth/me')).json().user.personId;
    const dept = (await office.get('/api/departments')).json()[0].id;
    const item = (
      await office.post('/api/items', {
        title: '共用附件',
        leadDepartmentId: dept,
        ownerPersonId: ownerId,
        receivedOn: '2026-11-27',
      })
    ).json();
    const itemPdf = pdf('整改报告');
    expect((await upload(stranger, `/api/items/${item.id}/attachments`, itemPdf, 'a.pdf')).statusCode).toBe(404);
    const att = (await upload(owner, `/api/items/${item.id}/attachments`, itemPdf, '整改报告.pdf')).json();
    expect(att).toEqual({ id: expect.any(String), fileName: '整改报告.pdf', kind: 'pdf', size: itemPdf.length });
    expect((await owner.get(`/api/items/${item.id}`)).json().attachments).toEqual([att]);

    // An activity's file: its recorder attaches; a confidential one is not given to the office.
    const activity = (
      await office.post('/api/activities', { type: 'meeting', title: '周工作例会', heldOn: '2026-11-23' })
    ).json();
    const actPdf = pdf('会议纪要');
    expect((await upload(stranger, `/api/activities/${activity.id}/files`, actPdf, 'b.pdf')).statusCode).toBe(403);
    const file = (await upload(office, `/api/activities/${activity.id}/files`, actPdf, '会议纪要.pdf')).json();
    expect((await office.get(`/api/activities?ids=${activity.id}`)).json().items[0].files).toEqual([file]);
    const secret = (
      await discipline.post('/api/activities', {
        type: 'inspection',
        title: '在岗检查',
        heldOn: '2026-11-20',
        minutes: '检查情况',
      })
    ).json();
    expect(secret.confidential).toBe(true);
    const secretPdf = pdf('检查记录');
    const secretFile = (
      await upload(discipline, `/api/activities/${secret.id}/files`, secretPdf, '检查记录.pdf')
    ).json();

    // A study material: the organiser uploads; it is listed with the session's materials.
    const meeting = (await branch.post('/api/org-life', { title: '附件用会议', plannedOn: '2026-12-28' })).json();
    const session = (
      await branch.post(`/api/org-life/${meeting.id}/study`, {
        kind: 'general',
        title: '集中学习',
        heldOn: '2026-11-30',
        materials: [{ title: '党章', url: '' }],
      })
    ).json().sessions[0];
    const studyPdf = pdf('学习材料');
    expect((await upload(owner, `/api/study-sessions/${session.id}/files`, studyPdf, '讲稿.pdf')).statusCode).toBe(403);
    const view = (await upload(branch, `/api/study-sessions/${session.id}/files`, studyPdf, '讲稿.pdf')).json();
    const materials = view.sessions.find((s: { id: string }) => s.id === session.id).materials;
    expect(materials).toEqual([
      { title: '党章', url: '', file: null },
      { title: '讲稿', url: '', file: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: studyPdf.length } },
    ]);
    const sha = materials[1].file.sha256 as string;

    // All four in the one table, against their subjects.
    expect(sorted((await storedRows()).map((r) => [r.subject_type, r.subject_id, r.file_name, r.size]))).toEqual(
      sorted([
        ['item', item.id, '整改报告.pdf', itemPdf.length],
        ['activity', activity.id, '会议纪要.pdf', actPdf.length],
        ['activity', secret.id, '检查记录.pdf', secretPdf.length],
        ['study_session', session.id, '讲稿.pdf', studyPdf.length],
      ]),
    );
    const audit = rowsOf<{ entity_type: string }>(
      await ctx.database.db.execute(
        sql`select entity_type from audit_events where unit_id = ${unit.unit.id} and action = 'attach' order by seq`,
      ),
    );
    expect(audit.map((e) => e.entity_type)).toEqual(['item', 'activity', 'activity', 'study_session']); // in the order attached

    // Downloaded byte for byte by those the subject's policy lets in.
    const bytes = async (c: Client, url: string) => {
      const r = await c.get(url);
      return r.statusCode === 200 ? r.rawPayload : r.statusCode;
    };
    expect(await bytes(office, `/api/attachments/${att.id}`)).toEqual(itemPdf);
    expect(await bytes(office, `/api/activity-files/${file.id}`)).toEqual(actPdf);
    expect(await bytes(discipline, `/api/activity-files/${secretFile.id}`)).toEqual(secretPdf);
    expect(await bytes(owner, `/api/study-sessions/${session.id}/files/${sha}`)).toEqual(studyPdf);
    // Refused as before: not the item's reader, not the confidential record's, another unit.
    expect(await bytes(stranger, `/api/attachments/${att.id}`)).toBe(404);
    expect(await bytes(office, `/api/activity-files/${secretFile.id}`)).toBe(404);
    const elsewhere = await signIn(ctx, (await newDemoUnit(ctx)).user('office'));
    expect(await bytes(elsewhere, `/api/activity-files/${file.id}`)).toBe(404);
    expect(await bytes(elsewhere, `/api/study-sessions/${session.id}/files/${sha}`)).toBe(404);
    // One kind's download route does not serve another kind's file, nor another session's.
    expect(await bytes(office, `/api/attachments/${file.id}`)).toBe(404);
    expect(await bytes(office, `/api/activity-files/${att.id}`)).toBe(404);
    const other = (
      await branch.post(`/api/org-life/${meeting.id}/study`, {
        kind: 'seminar',
        title: '伪造',
        heldOn: '2026-11-30',
        materials: [
          { title: 'x', url: '', fileId: (await storedRows()).find((r) => r.subject_type === 'study_session')!.id },
        ],
      })
    ).json();
    const forged = other.sessions.find((s: { title: string }) => s.title === '伪造');
    expect(forged.materials).toEqual([{ title: 'x', url: '', file: null }]);
    expect(await bytes(branch, `/api/study-sessions/${forged.id}/files/${sha}`)).toBe(404);
  });
});

describe('migration 0028_shared_attachment_store', () => {
  it("moves the item attachments and activity files with their ids, and the study materials' files, then drops the old tables", async () => {
    // A database at migration 0027: the migrations folder with the journal cut before 0028.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-migrations-'));
    fs.cpSync(migrationsFolder, before, { recursive: true });
    const journalFile = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag === '0028_shared_attachment_store');
    expect(at).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    const client = await createPglite();
    try {
      await migrate(drizzle(client), { migrationsFolder: before });
      const db = drizzle(client);
      const u = '11111111-1111-4111-8111-111111111111',
        uploader = '22222222-2222-4222-8222-222222222222';
      const itemId = '33333333-3333-4333-8333-333333333333',
        activityId = '44444444-4444-4444-8444-444444444444',
        sessionId = '55555555-5555-4555-8555-555555555555';
      const attId = '66666666-6666-4666-8666-666666666666',
        actFileId = '77777777-7777-4777-8777-777777777777';
      const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-files-'));
      const [a, b, c, d] = ['事项附件', '活动附件', '学习材料一', '学习材料二'].map((t) =>
        storeFile(filesDir, `${t}.pdf`, pdf(t)),
      );
      await db.execute(sql`insert into attachments (id, unit_id, item_id, sha256, file_name, kind, size, uploaded_by, created_at)
        values (${attId}, ${u}, ${itemId}, ${a!.sha256}, ${a!.fileName}, 'pdf', ${a!.size}, ${uploader}, '2026-11-01T08:00:00Z')`);
      await db.execute(sql`insert into activity_files (id, unit_id, activity_id, sha256, file_name, kind, size, uploaded_by, created_at)
        values (${actFileId}, ${u}, ${activityId}, ${b!.sha256}, ${b!.fileName}, 'pdf', ${b!.size}, ${uploader}, '2026-11-02T08:00:00Z')`);
      const materials = [
        { title: '党章', url: '' },
        { title: '学习材料一', url: '', file: c },
        { title: '链接', url: 'https://example.org/' },
        { title: '学习材料二', url: '', file: d },
      ];
      await db.execute(sql`insert into study_sessions (id, unit_id, meeting_id, kind, title, held_on, materials, created_at, updated_at)
        values (${sessionId}, ${u}, ${itemId}, 'general', '集中学习', '2026-11-30', ${JSON.stringify(materials)}::jsonb, '2026-11-03T08:00:00Z', '2026-11-04T08:00:00Z')`);
      // The first material's upload is in the audit trail (who and when); the second's is not.
      await db.execute(sql`insert into audit_events (unit_id, seq, at, actor_user_id, actor_name, entity_type, entity_id, action, after, prev_hash, hash)
        values (${u}, 1, '2026-11-03T09:00:00Z', ${uploader}, '支部书记', 'study_session', ${sessionId}, 'attach', ${JSON.stringify({ fileName: c!.fileName, sha256: c!.sha256, size: c!.size })}::jsonb, '', '')`);

      await migrate(drizzle(client), { migrationsFolder });

      const rows = rowsOf<{
        id: string;
        subject_type: string;
        subject_id: string;
        sha256: string;
        file_name: string;
        kind: string;
        size: number;
        uploaded_by: string;
        created_at: string;
      }>(
        await db.execute(
          sql`select id, subject_type, subject_id, sha256, file_name, kind, size, uploaded_by, created_at::text from stored_files order by created_at`,
        ),
      );
      expect(
        rows.map((r) => [
          r.id === attId || r.id === actFileId ? r.id : 'new',
          r.subject_type,
          r.subject_id,
          r.sha256,
          r.file_name,
          r.kind,
          r.size,
          r.uploaded_by,
          r.created_at,
        ]),
      ).toEqual([
        [attId, 'item', itemId, a!.sha256, '事项附件.pdf', 'pdf', a!.size, uploader, '2026-11-01 08:00:00+00'],
        [
          actFileId,
          'activity',
          activityId,
          b!.sha256,
          '活动附件.pdf',
          'pdf',
          b!.size,
          uploader,
          '2026-11-02 08:00:00+00',
        ],
        [
          'new',
          'study_session',
          sessionId,
          c!.sha256,
          '学习材料一.pdf',
          'pdf',
          c!.size,
          uploader,
          '2026-11-03 09:00:00+00',
        ],
        [
          'new',
          'study_session',
          sessionId,
          d!.sha256,
          '学习材料二.pdf',
          'pdf',
          d!.size,
          '00000000-0000-0000-0000-000000000000',
          '2026-11-04 08:00:00+00',
        ],
      ]);
      const [s] = rowsOf<{ materials: unknown }>(
        await db.execute(sql`select materials from study_sessions where id = ${sessionId}`),
      );
      expect(s!.materials).toEqual([
        { title: '党章', url: '' },
        { title: '学习材料一', url: '', fileId: rows[2]!.id },
        { title: '链接', url: 'https://example.org/' },
        { title: '学习材料二', url: '', fileId: rows[3]!.id },
      ]);
      const old = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from information_schema.tables where table_name in ('attachments', 'activity_files')`,
        ),
      );
      expect(old[0]!.n).toBe(0);

      // The old links resolve through the new table: the item's and the activity's by id, the material by sha256.
      const deps = { db: openPglite(client).db, clock: new TestClock(), config: { ...defaultConfig, filesDir } };
      expect((await openFile(deps, u, 'item', attId, async (id) => id === itemId)).data).toEqual(pdf('事项附件'));
      expect((await openFile(deps, u, 'activity', actFileId, async (id) => id === activityId)).data).toEqual(
        pdf('活动附件'),
      );
      await expect(openFile(deps, u, 'item', actFileId, async () => true)).rejects.toMatchObject({ status: 404 });
      expect((await openFileBySha256(deps, u, { type: 'study_session', id: sessionId }, d!.sha256)).data).toEqual(
        pdf('学习材料二'),
      );
    } finally {
      await client.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
