/**
 * Fixtures of the libraries' tests: a 党组会议 of a demo unit held through the API up to one decision
 * (议定事项) — left in session or closed — so that advice can name a decision of an open or a closed meeting.
 */
import type { Client } from './helpers.js';

const LEADERS = ['李红梅', '张志强', '刘海峰', '陈静', '王建国'];

export async function heldPartyGroupMeeting(
  office: Client,
  pid: (name: string) => string,
  deptId: string,
  opts: { close: boolean; heldOn: string; text: string },
) {
  const made = await office.post('/api/decisions/meetings', {
    kind: 'party_group',
    heldOn: opts.heldOn,
    unplannedReason: '研究专家建议',
  });
  if (made.statusCode !== 200) throw new Error(`meeting: ${made.body}`);
  let m = made.json();
  m = (await office.post(`/api/decisions/meetings/${m.id}/items`, { title: '研究智库专家建议' })).json();
  m = (
    await office.post(`/api/decisions/meetings/${m.id}/open`, { presentIds: LEADERS.map(pid), version: m.version })
  ).json();
  // A later meeting opens with the follow-up report of the earlier one's decisions: ours is the item we added.
  const ours = (x: { items: { title: string }[] }) =>
    x.items.find((i) => i.title === '研究智库专家建议') as never as {
      id: string;
      version: number;
      decisions: { id: string }[];
    };
  const item = ours(m);
  for (const name of LEADERS)
    await office.post(`/api/decisions/meetings/${m.id}/items/${item.id}/positions`, {
      personId: pid(name),
      position: 'agree',
    });
  const decided = await office.post(`/api/decisions/meetings/${m.id}/items/${item.id}/decide`, {
    outcome: 'adopted',
    conclusion: '采纳专家建议',
    decisions: [{ text: opts.text, ownerPersonId: pid('周凯'), leadDepartmentId: deptId, due: '2026-12-31' }],
    version: item.version,
  });
  if (decided.statusCode !== 200) throw new Error(`decide: ${decided.body}`);
  m = (await office.get(`/api/decisions/meetings/${m.id}`)).json();
  const decisionId = ours(m).decisions[0]!.id;
  if (opts.close) {
    const closed = await office.post(`/api/decisions/meetings/${m.id}/close`, {
      durationMinutes: 60,
      version: m.version,
    });
    if (closed.statusCode !== 200) throw new Error(`close: ${closed.body}`);
  }
  return { meetingId: m.id as string, decisionId };
}
