import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { ImportGate } from './import-gate.js';

/** A task that runs until released, recording when it started. */
function controlled(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release,
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
  };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('ImportGate', () => {
  it('runs one file per unit at a time, in order, without holding up other units', async () => {
    const gate = new ImportGate();
    const log: string[] = [];
    const a1 = controlled(log, 'a1'),
      a2 = controlled(log, 'a2'),
      b1 = controlled(log, 'b1');
    const runs = [gate.run('A', 2, a1.task), gate.run('A', 2, a2.task), gate.run('B', 2, b1.task)];
    await tick();
    expect(log).toEqual(['a1', 'b1']);
    a1.release();
    await tick();
    expect(log).toEqual(['a1', 'b1', 'a2']);
    a2.release();
    b1.release();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'b1']);
  });

  it('keeps to the number of workers across units', async () => {
    const gate = new ImportGate();
    const log: string[] = [];
    const tasks = ['a', 'b', 'c'].map((u) => controlled(log, u));
    const runs = tasks.map((t, i) => gate.run(['A', 'B', 'C'][i]!, 1, t.task));
    await tick();
    expect(log).toEqual(['a']);
    tasks[0]!.release();
    await tick();
    expect(log).toEqual(['a', 'b']);
    tasks[1]!.release();
    tasks[2]!.release();
    await Promise.all(runs);
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('turns a file away at once when too many wait, and frees its place when a task fails', async () => {
    const gate = new ImportGate(2, 1);
    const log: string[] = [];
    const first = controlled(log, 'first');
    const running = gate.run('A', 1, first.task);
    const waiting = gate.run('A', 1, async () => 'second');
    const refused = await gate.run('A', 1, async () => 'third').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, message: '正在检查的导入文件较多，请稍后再试' });
    first.release();
    expect([await running, await waiting]).toEqual(['first', 'second']);
    await expect(
      gate.run('A', 1, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await gate.run('A', 1, async () => 'after')).toBe('after');
  });
});
