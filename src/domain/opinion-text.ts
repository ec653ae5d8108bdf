import { createHash } from 'node:crypto';

/** Texts that differ only in spacing, punctuation, width or case are the same opinion. */
export function textHashOf(text: string): string {
  const core = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return createHash('sha256')
    .update(core || text)
    .digest('hex');
}
