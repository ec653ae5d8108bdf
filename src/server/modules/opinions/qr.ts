import QRCode from 'qrcode';

/** The public link of a distribution as a QR code: SVG (for print) or PNG (for chats), medium error correction. */
export async function qrOf(url: string, format: 'svg' | 'png'): Promise<Buffer> {
  if (format === 'svg')
    return Buffer.from(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 });
}
