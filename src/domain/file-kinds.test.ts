import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectFileKind } from './file-kinds.js';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('detectFileKind', () => {
  it('accepts a file whose content matches its extension', () => {
    expect(detectFileKind(bytes(0x25, 0x50, 0x44, 0x46, 0x2d), '整改报告.PDF')).toBe('pdf');
    expect(detectFileKind(bytes(0x50, 0x4b, 0x03, 0x04), '台账.xlsx')).toBe('xlsx');
    expect(detectFileKind(bytes(0x50, 0x4b, 0x03, 0x04), '公文.ofd')).toBe('ofd');
    expect(detectFileKind(bytes(0xff, 0xd8, 0xff, 0xe0), '现场.jpeg')).toBe('jpg');
  });
  it('refuses a renamed file and types not on the list', () => {
    expect(detectFileKind(bytes(0x4d, 0x5a), '报告.pdf')).toBeNull();
    expect(detectFileKind(bytes(0x25, 0x50, 0x44, 0x46), 'x.exe')).toBeNull();
    expect(detectFileKind(bytes(0x3c, 0x73, 0x76, 0x67), 'a.svg')).toBeNull();
    expect(detectFileKind(bytes(0x50, 0x4b, 0x03, 0x04), '报告.pdf')).toBeNull();
  });
  it('never throws on any bytes and name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), fc.string(), (b, n) => {
        detectFileKind(b, n);
      }),
    );
  });
});
