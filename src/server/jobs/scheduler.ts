import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Clock } from '../clock.js';
import { tryLease } from './lease.js';
import { sweepReminders } from './reminder-sweep.js';
import { sweepObligations } from './obligation-sweep.js';
import { sweepAllMeetingDiscipline } from '../modules/discipline/meeting-discipline.service.js';
import { sweepHolidayReminders } from '../modules/discipline/holiday-reminders.service.js';
import { activeUnitIds } from '../modules/oversight-dashboard/dashboard.repo.js';
import { refreshUnitFigures, UNIT_FIGURES_EVERY_MS } from './unit-figures-refresh.js';

export const SWEEP_LEASE = 'supervision-sweep';
/** Obligations are checked at most hourly: the lease is held for an hour and not renewed sooner. */
export const OBLIGATION_LEASE = 'obligation-sweep';
/** 节前廉政提醒 are looked for at most hourly (each is sent once whatever runs: a unique row per unit and period). */
export const HOLIDAY_LEASE = 'holiday-reminders';
/** Audit checkpoints and their daily mail: taken with a fresh holder and not renewed, so each runs about once per interval. */
export const CHECKPOINT_LEASE = 'audit-checkpoint';
export const CHECKPOINT_DIGEST_LEASE = 'audit-checkpoint-digest';
/** 会风会纪 thresholds are swept once a day (the tab sweeps too when the discipline staff open it). */
export const MEETING_DISCIPLINE_LEASE = 'meeting-discipline-sweep';
/** The cross-unit dashboard's aggregates (unit_figures) are recounted every 15 minutes, on one instance. */
export const UNIT_FIGURES_LEASE = 'unit-figures-refresh';
const HOUR = 3_600_000;

/** A job run at most once per `everyMs` across instances; `run` returns how many things it did. */
export interface LeasedJob {
  everyMs: number;
  run: (now: Date) => Promise<number>;
}
/** The checkpoint job also says when the checkpoint file last got a line: that, not the database, says whether one is due. */
export interface CheckpointJob extends LeasedJob {
  lastWrittenAt: () => Promise<Date | null>;
}
/** Jobs that need more than the database (the checkpoint directory, the key, SMTP); main.ts wires them. */
export interface SchedulerJobs {
  auditCheckpoint?: CheckpointJob;
  auditDigest?: LeasedJob;
}

/**
 * Every `intervalMs`, on each instance: the reminder sweep (and the hourly obligation sweep) on
 * whichever instance holds the sweep lease — the lease outlives one interval, so a crashed holder
 * is replaced within ~2 intervals —, then the audit checkpoints, then their daily mail. Each step
 * runs whatever became of the others: a failing sweep does not hold back the checkpoints.
 */
export class Scheduler {
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  /** Since when this instance has seen a checkpoint due with the file's last line at `last` (in memory: out of the database's reach). */
  private checkpointDue: { last: number | null; since: number } | null = null;
  private checkpointRanAt: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly log: (msg: string) => void = () => undefined,
    private readonly jobs: SchedulerJobs = {},
  ) {}

  /** One tick. Returns whether this instance swept reminders, and how many it wrote. */
  async tick(): Promise<{ swept: boolean; written: number }> {
    const now = this.clock.now();
    const swept = await this.isolated('催办扫描', () => this.sweep(now), { swept: false, written: 0 });
    await this.auditCheckpointTick(now);
    await this.auditDigestTick(now);
    return swept;
  }

  private async sweep(now: Date) {
    if (!(await tryLease(this.db, SWEEP_LEASE, this.holder, now, this.intervalMs * 2)))
      return { swept: false, written: 0 };
    const r = await this.isolated('催办：写入提醒', () => sweepReminders(this.db, now), null);
    if (r?.written) this.log(`催办：写入提醒 ${r.written} 条`);
    const o = await this.isolated(
      '周期任务：有风险提醒',
      async () =>
        (await tryLease(this.db, OBLIGATION_LEASE, `${this.holder}:${now.getTime()}`, now, HOUR))
          ? sweepObligations(this.db, now)
          : null,
      null,
    );
    if (o?.written) this.log(`周期任务：写入有风险提醒 ${o.written} 条`);
    const m = await this.isolated(
      '会风会纪：达到通报标准',
      async () =>
        (await tryLease(this.db, MEETING_DISCIPLINE_LEASE, `${this.holder}:${now.getTime()}`, now, 24 * HOUR))
          ? sweepAllMeetingDiscipline(this.db, now)
          : 0,
      0,
    );
    if (m) this.log(`会风会纪：新增达到通报标准 ${m} 人次，已加入通报草稿`);
    const h = await this.isolated(
      '节前廉政提醒',
      async () =>
        (await tryLease(this.db, HOLIDAY_LEASE, `${this.holder}:${now.getTime()}`, now, HOUR))
          ? sweepHolidayReminders(this.db, now)
          : null,
      null,
    );
    if (h?.sent) this.log(`节前廉政提醒：发送 ${h.sent} 次`);
    await this.isolated(
      '汇总看板：刷新',
      async () =>
        (await tryLease(this.db, UNIT_FIGURES_LEASE, `${this.holder}:${now.getTime()}`, now, UNIT_FIGURES_EVERY_MS))
          ? refreshUnitFigures(this.db, now, await activeUnitIds(this.db))
          : null,
      null,
    );
    return { swept: true, written: (r?.written ?? 0) + (o?.written ?? 0) + (h?.sent ?? 0) };
  }

  /** Runs `step`; a failure is logged and `fallback` returned, so that the next step still runs. */
  private async isolated<T>(what: string, step: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await step();
    } catch (err) {
      this.log(`${what}失败：${(err as Error).message}`);
      return fallback;
    }
  }

  /**
   * Signs the audit heads that moved, when a checkpoint is due: when the checkpoint file's last line
   * is an interval old (or there is none). The file decides, not the database: a database writer
   * can push the lease row forward, not the file's last line.
   *
   * Which instance writes: the one that takes the lease (held for one interval, so that while
   * nothing moves the heads are checked about once per interval, not at every tick). The lease
   * cannot hold checkpoints back: a lease set to expire further ahead than any live holder would set
   * it is taken over at once (tryLease), and an instance that has seen a checkpoint due for half an
   * interval with no new line writes anyway, at most once per interval — a lease kept renewed by
   * someone who does not write is thus passed by. Two instances never append at once whatever the
   * lease says: the writer holds the audit_checkpoints table lock, and the second finds nothing moved.
   * Returns the lines written, or null when it was not this instance's turn.
   */
  async auditCheckpointTick(now: Date): Promise<number | null> {
    const job = this.jobs.auditCheckpoint;
    if (!job || job.everyMs <= 0) return null;
    return this.isolated(
      '审计检查点：写入',
      async () => {
        const t = now.getTime();
        const last = (await job.lastWrittenAt())?.getTime() ?? null;
        if (last !== null && t >= last && t - last < job.everyMs) {
          this.checkpointDue = null;
          return null;
        }
        if (!this.checkpointDue || this.checkpointDue.last !== last) this.checkpointDue = { last, since: t };
        const waited =
          t - this.checkpointDue.since >= job.everyMs / 2 &&
          (this.checkpointRanAt === null || t - this.checkpointRanAt >= job.everyMs);
        const leased = await tryLease(this.db, CHECKPOINT_LEASE, `${this.holder}:${t}`, now, job.everyMs);
        if (!leased && !waited) return null;
        this.checkpointRanAt = t;
        const n = await job.run(now);
        if (n)
          this.log(
            leased
              ? `审计检查点：写入 ${n} 条`
              : `审计检查点：写入 ${n} 条（租约 ${CHECKPOINT_LEASE} 被占用而检查点久未写入，已越过租约；请检查 job_leases 表是否被改动）`,
          );
        return n;
      },
      0,
    );
  }

  /** Mails the day's latest checkpoints to the audit readers (daily, when SMTP is set). */
  async auditDigestTick(now: Date): Promise<number | null> {
    const job = this.jobs.auditDigest;
    if (!job || job.everyMs <= 0) return null;
    return this.isolated(
      '审计检查点日报：发送',
      async () => {
        if (!(await tryLease(this.db, CHECKPOINT_DIGEST_LEASE, `${this.holder}:${now.getTime()}`, now, job.everyMs)))
          return null;
        const n = await job.run(now);
        if (n) this.log(`审计检查点日报：发送 ${n} 条`);
        return n;
      },
      0,
    );
  }

  start() {
    const run = () => {
      this.running = this.tick().catch((err) => this.log(`催办扫描失败：${(err as Error).message}`));
    };
    this.timer = setInterval(run, this.intervalMs);
    this.timer.unref();
    run();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
