import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Clock } from '../clock.js';
import { tryLease } from './lease.js';
import { sweepReminders } from './reminder-sweep.js';
import { sweepObligations } from './obligation-sweep.js';

export const SWEEP_LEASE = 'supervision-sweep';
/** Obligations are checked at most hourly: the lease is held for an hour and not renewed sooner. */
export const OBLIGATION_LEASE = 'obligation-sweep';
/** Audit checkpoints and their daily mail: taken with a fresh holder and not renewed, so each runs at most once per interval. */
export const CHECKPOINT_LEASE = 'audit-checkpoint';
export const CHECKPOINT_DIGEST_LEASE = 'audit-checkpoint-digest';
const HOUR = 3_600_000;

/** A job run at most once per `everyMs` across instances; `run` returns how many things it did. */
export interface LeasedJob {
  everyMs: number;
  run: (now: Date) => Promise<number>;
}
/** Jobs that need more than the database (the checkpoint directory, the key, SMTP); main.ts wires them. */
export interface SchedulerJobs {
  auditCheckpoint?: LeasedJob;
  auditDigest?: LeasedJob;
}

/**
 * Runs the reminder sweep every `intervalMs` on whichever instance holds the lease; the others
 * skip. The lease outlives one interval, so a crashed holder is replaced within ~2 intervals.
 */
export class Scheduler {
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db, private readonly clock: Clock, private readonly intervalMs: number,
    private readonly log: (msg: string) => void = () => undefined, private readonly jobs: SchedulerJobs = {},
  ) {}

  /** One tick: take the lease, sweep if we hold it. Returns whether this instance swept. */
  async tick(): Promise<{ swept: boolean; written: number }> {
    const now = this.clock.now();
    if (!(await tryLease(this.db, SWEEP_LEASE, this.holder, now, this.intervalMs * 2))) return { swept: false, written: 0 };
    const r = await sweepReminders(this.db, now);
    if (r.written) this.log(`催办：写入提醒 ${r.written} 条`);
    let written = r.written;
    if (await tryLease(this.db, OBLIGATION_LEASE, `${this.holder}:${now.getTime()}`, now, HOUR)) {
      const o = await sweepObligations(this.db, now);
      if (o.written) this.log(`周期任务：写入有风险提醒 ${o.written} 条`);
      written += o.written;
    }
    await this.auditCheckpointTick(now);
    await this.auditDigestTick(now);
    return { swept: true, written };
  }

  /** Signs the audit heads that moved (hourly by default). Null when it was not this instance's turn. */
  auditCheckpointTick(now: Date) {
    return this.leased(CHECKPOINT_LEASE, this.jobs.auditCheckpoint, now, '审计检查点：写入');
  }

  /** Mails the day's latest checkpoints to the audit readers (daily, when SMTP is set). */
  auditDigestTick(now: Date) {
    return this.leased(CHECKPOINT_DIGEST_LEASE, this.jobs.auditDigest, now, '审计检查点日报：发送');
  }

  /** Runs `job` if this instance takes its lease; a failure is logged, not thrown. */
  private async leased(lease: string, job: LeasedJob | undefined, now: Date, what: string): Promise<number | null> {
    if (!job || job.everyMs <= 0 || !(await tryLease(this.db, lease, `${this.holder}:${now.getTime()}`, now, job.everyMs))) return null;
    try {
      const n = await job.run(now);
      if (n) this.log(`${what} ${n} 条`);
      return n;
    } catch (err) {
      this.log(`${what}失败：${(err as Error).message}`);
      return 0;
    }
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
