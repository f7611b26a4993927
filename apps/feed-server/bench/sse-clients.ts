/**
 * One client process of the load benchmark (forked by sse-load.ts): opens `count` SSE streams
 * on `url` and records, for every `changed` event, its change id, when it arrived and how long
 * after the server's commit. Spreading the clients over processes keeps the readers' own queueing
 * out of the latency figures.
 *
 * Messages: parent → `{ type: 'report' }`; child → `{ type: 'opened' }`, `{ type: 'delivered', total }`
 * (every 100 ms), `{ type: 'report', deliveries, fromCommit }`.
 */
import { request } from 'node:http';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);

/** Change id and arrival time of every delivery, flat: [id0, at0, id1, at1, …]. */
const deliveries: number[] = [];
const fromCommit: number[] = [];
let delivered = 0;

const send = (message: object) => {
  if (process.connected) process.send?.(message);
};

function openStream(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url!, { agent: false, headers: { Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const now = performance.timeOrigin + performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.includes('event: changed')) continue;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!data) continue;
          const change = JSON.parse(data) as { id: number; at: number };
          fromCommit.push(now - change.at);
          deliveries.push(change.id, now);
          delivered += 1;
        }
      });
      resolve();
    });
    req.on('error', reject);
    req.end();
  });
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'report') {
    clearInterval(progress);
    // Exit once the (large) report has been handed to the channel, not before.
    process.send?.({ type: 'report', deliveries, fromCommit }, () => process.exit(0));
  }
});

for (let i = 0; i < count; i += 100) {
  await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => openStream()));
}
send({ type: 'opened' });
const progress = setInterval(() => send({ type: 'delivered', total: delivered }), 100);
