import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A local SMTP server (RFC 5321, the commands a client needs: EHLO/HELO, MAIL, RCPT, DATA, RSET,
 * QUIT) that keeps what it receives. `reject` makes RCPT answer 550 for an address, as a real
 * server does for a mailbox that does not exist.
 */
export async function startSmtp(opts: { reject?: string[] } = {}) {
  const received: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let from = '';
    let to: string[] = [];
    let data: string[] | null = null;
    let buffer = '';
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 localhost ESMTP test');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            received.push({ from, to, data: data.join('\r\n') });
            data = null;
            say('250 2.0.0 OK queued');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') {
          say('250-localhost');
          say('250 8BITMIME');
        } else if (cmd === 'HELO') say('250 localhost');
        else if (cmd === 'MAIL') {
          from = line.slice(10).replace(/[<>]/g, '').split(' ')[0] ?? '';
          to = [];
          say('250 2.1.0 OK');
        } else if (cmd === 'RCPT') {
          const addr = line.slice(8).replace(/[<>]/g, '').split(' ')[0] ?? '';
          if (opts.reject?.includes(addr)) say('550 5.1.1 mailbox unavailable');
          else {
            to.push(addr);
            say('250 2.1.5 OK');
          }
        } else if (cmd === 'DATA') {
          data = [];
          say('354 end data with <CR><LF>.<CR><LF>');
        } else if (cmd === 'RSET') {
          from = '';
          to = [];
          say('250 OK');
        } else if (cmd === 'NOOP') say('250 OK');
        else if (cmd === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 5.5.2 command not recognized');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The text and HTML parts of a MIME message, decoded (quoted-printable or base64). */
export function decodeParts(data: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of data.split(/\r\n--[^\r\n]+/)) {
    const type = /Content-Type: (text\/(?:plain|html))/i.exec(part)?.[1];
    if (!type) continue;
    const enc = /Content-Transfer-Encoding: ([\w-]+)/i.exec(part)?.[1]?.toLowerCase();
    const body = part.slice(part.indexOf('\r\n\r\n') + 4);
    out[type] =
      enc === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : enc === 'quoted-printable'
          ? Buffer.from(
              body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ).toString('utf8')
          : body;
  }
  return out;
}
