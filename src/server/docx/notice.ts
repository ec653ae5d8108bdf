import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { GBT9704, exact, packOfficial, paragraph, run } from './official.js';
import { blankLine as blank, imprint, numberLine, redMark } from './masthead.js';

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
    redMark(`${n.organ}文件`),
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
