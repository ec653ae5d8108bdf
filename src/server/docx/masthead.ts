import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { GBT9704, exact, mm, run } from './official.js';

/**
 * The parts of a GB/T 9704-2012 document that frame its body, shared by the 通报 and the 纪要: the red 版头 mark,
 * the number under it with the red rule, and the 版记 (印发 line between two thin rules).
 */
const RED = 'FF0000';
/** The type area's width in points (156 mm): the mark shrinks to fit one line. */
const WIDTH_PT = 440;

export const blankLine = () => new Paragraph({ spacing: exact, children: [] });

/** The red mark (“…文件”, “…党组会议纪要”): one line, at most 2 × 2号, smaller as it grows longer. */
export function redMark(text: string) {
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

/** The 发文字号 (or the 纪要's number) centred, with the red rule 4 mm under it. */
export const numberLine = (no: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exact, before: GBT9704.linePitch, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 12 } },
    children: [run(no, GBT9704.body)],
  });

/** 版记: the 印发机关 and 印发日期 between a thin rule above and below, in 4号 仿宋. */
export const imprint = (organ: string, date: string) =>
  new Paragraph({
    spacing: { ...exact, before: GBT9704.linePitch },
    indent: { left: 280, right: 280 },
    tabStops: [{ type: 'right', position: mm(156) - 560 }],
    border: {
      top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
    },
    children: [
      run(organ, { font: GBT9704.body.font, size: 28 }),
      run(`\t${date}印发`, { font: GBT9704.body.font, size: 28 }),
    ],
  });
