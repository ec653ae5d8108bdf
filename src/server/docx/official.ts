import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { chinese } from '../../domain/report-text/text.js';

/**
 * Documents in the layout of Party and government documents (GB/T 9704-2012): A4; margins 37 mm
 * top, 28 mm left, 26 mm right, 35 mm bottom; title in 2号 (22 pt) 小标宋; body in 3号 (16 pt) 仿宋,
 * 22 lines of 28 characters (a line grid of 579 twips, and body text condensed by 0.25 pt so that 28
 * characters fill a line — a character grid is read differently by Word and LibreOffice); headings
 * 一、 in 黑体 and （一） in 楷体; page numbers “— 1 —” in 4号 宋体, odd pages right, even pages left.
 */
export const mm = (n: number) => Math.round((n / 25.4) * 1440);
export const GBT9704 = {
  page: { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  linePitch: 579,
  /** 28 characters of 16 pt in 156 mm (442.2 pt) need a pitch of at most 15.79 pt: −0.25 pt each. */
  characterSpacing: -5,
  title: { font: '方正小标宋简体', size: 44 },
  body: { font: '仿宋_GB2312', size: 32 },
  heading1: { font: '黑体', size: 32 },
  heading2: { font: '楷体_GB2312', size: 32 },
  pageNumber: { font: '宋体', size: 28 },
} as const;

/** 1 → 一, 12 → 十二, 23 → 二十三: the numbering of headings （一）、（二）… (domain/report-text). */
export const chineseNumeral = chinese;

export type Block = { kind: 'h1' | 'h2' | 'p'; text: string } | { kind: 'p'; text: string; bold?: boolean };

export const exact = { line: GBT9704.linePitch, lineRule: LineRuleType.EXACT };
export const run = (text: string, f: { font: string; size: number }, bold = false) =>
  new TextRun({
    text,
    bold,
    size: f.size,
    characterSpacing: f.size === 32 ? GBT9704.characterSpacing : undefined,
    font: { eastAsia: f.font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  });

export function paragraph(b: Block): Paragraph {
  if (b.kind === 'h1')
    return new Paragraph({ spacing: exact, indent: { firstLine: 640 }, children: [run(b.text, GBT9704.heading1)] });
  if (b.kind === 'h2')
    return new Paragraph({ spacing: exact, indent: { firstLine: 640 }, children: [run(b.text, GBT9704.heading2)] });
  return new Paragraph({
    spacing: exact,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(b.text, GBT9704.body, 'bold' in b && b.bold)],
  });
}

export function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: GBT9704.pageNumber.size,
            font: { eastAsia: GBT9704.pageNumber.font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
          }),
        ],
      }),
    ],
  });
}

/** A titled document: the title (centred, one blank line after), an optional line under it, then the blocks. */
export function officialDocument(o: {
  title: string;
  subtitle?: string;
  blocks: Block[];
  creator?: string;
}): Promise<Buffer> {
  return packOfficial(o.title, o.creator ?? 'Zuofeng', [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(o.title, GBT9704.title)],
    }),
    ...(o.subtitle
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exact,
            children: [run(o.subtitle, GBT9704.heading2)],
          }),
        ]
      : []),
    new Paragraph({ spacing: exact, children: [] }),
    ...o.blocks.map(paragraph),
  ]);
}

/**
 * One A4 section in the GB/T 9704 page layout (margins, body font, line grid, page numbers “— n —” right on odd pages,
 * left on even ones) holding `children`: every official document (reports, 通报, 廉政档案) is packed by it.
 */
export function packOfficial(title: string, creator: string, children: Paragraph[]): Promise<Buffer> {
  const p = GBT9704.page;
  const doc = new Document({
    creator,
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: GBT9704.body.size,
            font: { eastAsia: GBT9704.body.font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: p.width, height: p.height },
            margin: {
              top: p.top,
              bottom: p.bottom,
              left: p.left,
              right: p.right,
              footer: mm(28) - 200,
              header: mm(15),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GBT9704.linePitch },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
