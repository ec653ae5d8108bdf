import type { AppDeps } from '../types.js';
import { flushPending, type FlushResult } from '../modules/opinions/pending.service.js';
import { pendingRepo } from '../modules/opinions/pending.repo.js';

const VACUUM_EVERY_MS = 60_000;
const PACE_MS = 50;

/**
 * Turns pending opinion submissions into responses (docs/ANONYMITY.md): poked after every
 * submission and when a form closes, and on a timer so that a day's last submissions go out once the
 * day is over. One run at a time per instance; several instances are kept apart by the group lock.
 * Every instance runs one: the work is small and any of them may hold the pending rows' group.
 */
export class OpinionFlusher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastVacuum = -Infinity;
  private removedSinceVacuum = 0;
  /** Anomalies already reported by this process: each is logged once, not every minute. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly deps: AppDeps,
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(periodMs = 60_000) {
    this.timer = setInterval(() => this.poke(), periodMs);
    this.timer.unref();
    this.poke();
  }

  /** Asks for a run soon; pokes during a run make one more run after it. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = null));
  }

  /** A run once `ms` have passed (a form just closed: its last batch waits out the grace). */
  pokeAfter(ms: number): void {
    setTimeout(() => this.poke(), ms).unref();
  }

  /** Resolves when no run is going on (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  private async loop() {
    do {
      // Under a stream of submissions, runs come at most every PACE_MS: larger batches, fewer transactions.
      if (this.again) await new Promise((r) => setTimeout(r, PACE_MS));
      this.again = false;
      try {
        const r: FlushResult = await flushPending(this.deps);
        this.report(r);
        this.removedSinceVacuum += r.responses;
        await this.vacuumNow();
      } catch (e) {
        this.log(`征求意见汇入失败：${(e as Error).message}`);
      }
    } while (this.again && !this.stopped);
  }

  private report(r: FlushResult) {
    const fresh = (ids: string[]) => ids.filter((id) => !this.reported.has(id) && this.reported.add(id));
    const unreadable = fresh(r.unreadable);
    const replayed = fresh(r.replayed);
    const held = fresh(r.held);
    if (unreadable.length)
      this.log(`征求意见待汇入记录中有 ${unreadable.length} 条无法在原位置解密（被移动、改动，或密钥不符），未汇入`);
    if (replayed.length)
      this.log(`征求意见待汇入记录中有 ${replayed.length} 条是已汇入记录的副本（从日志或备份放回），未汇入`);
    if (held.length)
      this.log(`征求意见有 ${held.length} 组在已成批汇入后只剩不足一批（有记录被取走），暂不汇入：${held.join('，')}`);
  }

  private async vacuumNow() {
    const now = performance.now();
    if (this.removedSinceVacuum === 0 || now - this.lastVacuum < VACUUM_EVERY_MS) return;
    this.lastVacuum = now;
    this.removedSinceVacuum = 0;
    await pendingRepo.vacuum(this.deps.db);
  }
}
