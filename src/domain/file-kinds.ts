/**
 * The attachment types Zuofeng accepts, recognised by their content (magic bytes) and checked
 * against the file name's extension: a renamed executable is refused, whatever it is called.
 */
export const FILE_KINDS = {
  pdf: { ext: ['pdf'], mime: 'application/pdf' },
  ofd: { ext: ['ofd'], mime: 'application/ofd' },
  doc: { ext: ['doc'], mime: 'application/msword' },
  xls: { ext: ['xls'], mime: 'application/vnd.ms-excel' },
  docx: { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  jpg: { ext: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  png: { ext: ['png'], mime: 'image/png' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The kind of a file from its first bytes and its name, or null when they do not agree or it is not allowed. */
export function detectFileKind(head: Uint8Array, fileName: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const byExt = (Object.keys(FILE_KINDS) as FileKind[]).find((k) =>
    (FILE_KINDS[k].ext as readonly string[]).includes(ext),
  );
  if (!byExt) return null;
  const content = starts(head, [0x25, 0x50, 0x44, 0x46])
    ? ['pdf']
    : starts(head, [0xff, 0xd8, 0xff])
      ? ['jpg']
      : starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        ? ['png']
        : starts(head, OLE)
          ? ['doc', 'xls']
          : starts(head, ZIP)
            ? ['docx', 'xlsx', 'ofd']
            : [];
  return content.includes(byExt) ? byExt : null;
}
