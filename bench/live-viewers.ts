// A client process of `npm run bench:live`: opens `count` SSE connections to the live stream
// and reports, over IPC, when each viewer read each `pin` and `stock` event (wall clock, ms with
// fractions: every process of the benchmark runs on this machine, so the clocks are the same).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

interface Start {
  urls: string[];
  count: number;
  batch: number;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const now = () => performance.timeOrigin + performance.now();

let open = 0;
let failed = 0;
/** Per event (its data line), the receipt times of every viewer. */
const seen = new Map<string, number[]>();

function connect(url: string): Promise<void> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        failed++;
        res.resume();
        return resolve();
      }
      open++;
      let buffer = '';
      let snapshot = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!snapshot && frame.startsWith('event: snapshot')) {
            snapshot = true;
            resolve();
          } else if (frame.startsWith('event: pin') || frame.startsWith('event: stock')) {
            // Keyed by the data line as sent (the same bytes for every viewer): parsed once, by the benchmark.
            record(frame.slice(frame.indexOf('data: ') + 6), at);
          }
        }
      });
      res.on('close', () => open--);
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
  });
}

function record(key: string, at: number): void {
  let list = seen.get(key);
  if (!list) seen.set(key, (list = []));
  list.push(at);
}

process.on('message', (msg: { type: string } & Partial<Start>) => {
  if (msg.type === 'start') {
    const { urls, count, batch } = msg as Start;
    void (async () => {
      for (let i = 0; i < count; i += batch) {
        const n = Math.min(batch, count - i);
        await Promise.all(Array.from({ length: n }, (_, k) => connect(urls[(i + k) % urls.length]!)));
      }
      process.send!({ type: 'connected', open, failed });
    })();
  } else if (msg.type === 'report') {
    process.send!({ type: 'report', open, failed, seen: Object.fromEntries(seen) });
    seen.clear();
  } else if (msg.type === 'stop') {
    process.exit(0);
  }
});
