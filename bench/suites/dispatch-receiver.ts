import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The dispatch benchmark's webhook receiver (a child process): answers at once and counts notices by id. */
const seen = new Map<string, number>();
let received = 0;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    for (const n of (JSON.parse(Buffer.concat(chunks).toString('utf8')).notices ?? []) as { id: string }[]) {
      seen.set(n.id, (seen.get(n.id) ?? 0) + 1);
      received++;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
process.on('message', () => process.send!({ distinct: seen.size, received }));
