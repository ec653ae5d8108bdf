import { AppError } from './errors.js';

/**
 * Admission for uploaded-file parsing, which runs in worker threads: at most `workers` at once in
 * this process, one per unit at a time (a unit's next file waits for its previous one, and does not
 * hold up other units), and a bounded waiting line — past it an upload is turned away at once
 * rather than held in memory.
 */
export class ImportGate {
  private running = 0;
  private readonly busyUnits = new Set<string>();
  private readonly waiting: { unitId: string; start: () => void }[] = [];

  constructor(
    private readonly maxWaiting = 16,
    private readonly maxWaitingPerUnit = 4,
  ) {}

  async run<T>(unitId: string, workers: number, task: () => Promise<T>): Promise<T> {
    await this.admit(unitId, workers);
    try {
      return await task();
    } finally {
      this.running--;
      this.busyUnits.delete(unitId);
      this.next(workers);
    }
  }

  private admit(unitId: string, workers: number): Promise<void> {
    // Whatever waits belongs to a busy unit (next() starts the rest), so this file passes nobody.
    if (this.running < workers && !this.busyUnits.has(unitId)) {
      this.take(unitId);
      return Promise.resolve();
    }
    if (
      this.waiting.length >= this.maxWaiting ||
      this.waiting.filter((w) => w.unitId === unitId).length >= this.maxWaitingPerUnit
    ) {
      return Promise.reject(new AppError(503, 'busy', '正在检查的导入文件较多，请稍后再试'));
    }
    return new Promise((resolve) => this.waiting.push({ unitId, start: resolve }));
  }

  private take(unitId: string) {
    this.running++;
    this.busyUnits.add(unitId);
  }

  /** Starts the longest-waiting file whose unit has nothing running, while a worker is free. */
  private next(workers: number) {
    while (this.running < workers) {
      const i = this.waiting.findIndex((w) => !this.busyUnits.has(w.unitId));
      if (i < 0) return;
      const [w] = this.waiting.splice(i, 1);
      this.take(w!.unitId);
      w!.start();
    }
  }
}
