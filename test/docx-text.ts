import JSZip from 'jszip';
import { paragraphFlaws } from '../src/domain/report-text/text.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The non-empty paragraphs of a .docx (word/document.xml without its tags), table cells included. */
export async function docxParagraphs(file: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => m[0].replace(/<[^>]+>/g, '').replace(/&(\w+);/g, (e, n: string) => ENTITIES[n] ?? e))
    .filter((t) => t.trim());
}

/** The paragraphs that would not do in a signed document, with what is wrong with each. */
export const flawedParagraphs = (paragraphs: string[]) =>
  paragraphs.map((p) => ({ p, flaws: paragraphFlaws(p) })).filter((x) => x.flaws.length);
