import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

/** The neutral title of every reminder about a 函询 (a notice may be seen over a shoulder). */
export const INQUIRY_NOTICE_TITLE = '纪检函询答复提醒';

/**
 * The reminder sweep's chase of the 函询 awaiting reply (measure 36), a confidential closed loop of its
 * own: the person is reminded in the inbox the working day before the reply is due and every working
 * day while it is overdue. Never a supervised item, so never in the ledger, rankings, figures,
 * workbench counts, reports or exports; the kinds are inbox-only (domain/dispatch-plan), so no group
 * robot and no mail carry them. Dedupe keys carry the record and the day: a rerun writes nothing twice.
 */
export async function chaseInquiries(db: Db, now: Date, today: string, tomorrow: string, units: SQL) {
  const res = await db.execute(sql`
    insert into notifications (unit_id, recipient_person_id, kind, item_id, title, body, dedupe_key, created_at)
    select a.unit_id, a.person_id,
      case when a.reply_due < ${today} then 'inquiry_overdue' else 'inquiry_due' end,
      null, ${INQUIRY_NOTICE_TITLE},
      case when a.reply_due < ${today}
        then '您收到的函询已于 ' || a.reply_due || ' 到期，尚未答复，请尽快在“纪律作风—谈话函询”中答复。'
        else '您收到的函询将于 ' || a.reply_due || ' 到期，请在“纪律作风—谈话函询”中答复。' end,
      'inquiry:' || a.id || ':' || ${today},
      ${now.toISOString()}::timestamptz
    from discipline_admonitions a
    where a.unit_id = any(${units}) and a.kind = 'inquiry' and a.status = 'awaiting_reply'
      and a.reply_due is not null and (a.reply_due < ${today} or a.reply_due = ${tomorrow})
    on conflict (unit_id, dedupe_key) do nothing
    returning id`);
  return rowsOf(res).length;
}
