/**
 * Anonymous opinions wait in a pending store before they become responses (docs/ANONYMITY.md).
 * This module holds the pure parts: the fixed-size packing of a submission (so that the sealed
 * pending rows all have one length and say nothing by their size), when a group of pending
 * submissions is written out as a shuffled batch, and how small audiences are merged for display.
 */

/** Texts of one submission, in characters (UTF-16 code units), at most. */
export const MAX_SUBMISSION_CHARS = 5000;
export const MAX_ANSWERS = 60;
const MAX_ID = 20;
const ENTRY_OVERHEAD = 1 + MAX_ID + 1 + 2; // id length, id, kind, text length or value

/** Every packed submission is exactly this long: the worst case of the limits above. */
export const PACKED_BYTES = 2 + MAX_ANSWERS * ENTRY_OVERHEAD + 2 * MAX_SUBMISSION_CHARS;

export type Answers = Record<string, string | number>;

const TEXT = 0;
const NUMBER = 1;

/**
 * Packs answers into PACKED_BYTES bytes, zero-padded: ids as ASCII, texts as UTF-16LE, numbers as
 * an unsigned 16-bit value. Throws when the answers exceed the limits (callers validate first).
 */
export function packAnswers(answers: Answers): Buffer {
  const entries = Object.entries(answers);
  if (entries.length > MAX_ANSWERS) throw new RangeError('too many answers');
  const out = Buffer.alloc(PACKED_BYTES);
  let at = out.writeUInt16LE(entries.length, 0);
  let chars = 0;
  for (const [id, value] of entries) {
    if (!/^[a-z0-9_]{1,20}$/.test(id)) throw new RangeError(`bad answer id ${id}`);
    at = out.writeUInt8(id.length, at);
    at += out.write(id, at, 'ascii');
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError('bad number');
      at = out.writeUInt8(NUMBER, at);
      at = out.writeUInt16LE(value, at);
    } else {
      chars += value.length;
      if (chars > MAX_SUBMISSION_CHARS) throw new RangeError('answers too long');
      at = out.writeUInt8(TEXT, at);
      at = out.writeUInt16LE(value.length, at);
      at += out.write(value, at, 'utf16le');
    }
  }
  return out;
}

/** The answers packAnswers packed, in the same order. */
export function unpackAnswers(packed: Buffer): Answers {
  if (packed.length !== PACKED_BYTES) throw new RangeError('packed submission has the wrong size');
  const out: Answers = {};
  const count = packed.readUInt16LE(0);
  let at = 2;
  for (let i = 0; i < count; i++) {
    const idLength = packed.readUInt8(at);
    const id = packed.toString('ascii', at + 1, at + 1 + idLength);
    at += 1 + idLength;
    const kind = packed.readUInt8(at);
    const n = packed.readUInt16LE(at + 1);
    at += 3;
    const value = kind === NUMBER ? n : packed.toString('utf16le', at, at + 2 * n);
    if (kind !== NUMBER) at += 2 * n;
    // An own property whatever the id (`out[id] =` with "__proto__" would set the prototype instead).
    Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * How many of a group's `pending` submissions (one form, one audience, one day) to write out now.
 * While the day lasts and the form is open: nothing below 2k, then all but k — so every batch holds
 * at least k, and so does the last one of the day. When the day is over or the form closed
 * (`final`): all of them (fewer than k only when the whole day's group had fewer than k).
 */
export function pendingToFlush(pending: number, k: number, final: boolean): number {
  if (pending <= 0) return 0;
  if (final) return pending;
  return pending >= 2 * k ? pending - k : 0;
}

/**
 * Results are shown per group of audiences holding at least k responses: an audience with fewer is
 * merged with the next larger group, again and again, until every group reaches k or one is left.
 * Returns, for every audience that answered, the label of the group it is shown in.
 */
export function mergeSmallAudiences(
  counts: ReadonlyMap<string, number>,
  k: number,
  labelOf: (audience: string) => string,
  order: readonly string[],
): Map<string, string> {
  let groups = [...counts].filter(([, n]) => n > 0).map(([a, n]) => ({ members: [a], n }));
  for (;;) {
    groups.sort((x, y) => x.n - y.n || order.indexOf(x.members[0]!) - order.indexOf(y.members[0]!));
    if (groups.length < 2 || groups[0]!.n >= k) break;
    const [smallest, next, ...rest] = groups;
    groups = [{ members: [...next!.members, ...smallest!.members], n: next!.n + smallest!.n }, ...rest];
  }
  const out = new Map<string, string>();
  for (const g of groups) {
    const members = [...g.members].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const label = members.map(labelOf).join('、');
    for (const a of members) out.set(a, label);
  }
  return out;
}
