import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { GBT9704, exact, mm, packOfficial, paragraph, run } from './official.js';

/**
 * A 通报 in the layout of GB/T 9704-2012: 版头 (the issuing organ's mark “…文件” in red 小标宋, the 发文字号
 * centred under it, a red rule), 标题, 主送, 正文, 署名 and 成文日期 (right, four characters in), and the 版记
 * (印发机关 and 印发日期 between two rules). Page and body as `officialDocument`.
 */
export interface NoticeDocument {
  /** 发文机关 (the organ's full name), e.g. 中共示例县民政局机关纪律检查委员会. */
  organ: string;
  docNumber: string;
  title: string;
  addressee: string;
  paragraphs: string[];
  /** 成文日期 and 印发日期 as written: 2026年12月6日. */
  date: string;
}

const RED = 'FF0000';
const WIDTH_PT = 440;
const plain = (text: string, size: number, font: string = GBT9704.body.font) =>
  new TextRun({ text, size, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' } });
const blank = () => new Paragraph({ spacing: exact, children: [] });

/** The organ's mark fills at most one line: its size shrinks with its length (at most 2 × 2号). */
function mark(organ: string) {
  const text = `${organ}文件`;
  const pt = Math.min(36, Math.floor(WIDTH_PT / text.length));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: pt * 20 + 120, lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({
        text,
        color: RED,
        size: pt * 2,
        font: { eastAsia: GBT9704.title.font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
      }),
    ],
  });
}

/** The 发文字号 with the red rule under it (4 mm below the number). */
const numberLine = (docNumber: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exact, before: GBT9704.linePitch, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 12 } },
    children: [run(docNumber, GBT9704.body)],
  });

/** 版记: the 印发 line between a thin rule above and below, in 4号 仿宋. */
const imprint = (organ: string, date: string) =>
  new Paragraph({
    spacing: { ...exact, before: GBT9704.linePitch },
    indent: { left: 280, right: 280 },
    tabStops: [{ type: 'right', position: mm(156) - 560 }],
    border: {
      top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
    },
    children: [plain(organ, 28), plain(`\t${date}印发`, 28)],
  });

/** Right-aligned lines of the signature, four characters from the right margin. */
const signed = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: exact,
    indent: { right: 640 * 2 },
    children: [run(text, GBT9704.body)],
  });

export function noticeDocument(n: NoticeDocument): Promise<Buffer> {
  return packOfficial(n.title, 'Zuofeng', [
    mark(n.organ),
    numberLine(n.docNumber),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(n.title, GBT9704.title)],
    }),
    blank(),
    new Paragraph({ spacing: exact, children: [run(`${n.addressee}：`, GBT9704.body)] }),
    ...n.paragraphs.map((text) => paragraph({ kind: 'p', text })),
    blank(),
    signed(n.organ),
    signed(n.date),
    imprint(n.organ, n.date),
  ]);
}
