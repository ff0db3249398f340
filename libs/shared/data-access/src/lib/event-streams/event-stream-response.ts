import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamListener } from './event-stream.hub';
import { SseFrame } from './sse-frame';

/** Bytes waiting in a client's socket beyond which it is dropped (its EventSource reconnects and gets a snapshot). */
const MAX_BUFFERED_BYTES = 256 * 1024;

export interface EventStreamResponse {
  /** Writes a frame now, or after `start` when called before it. */
  listener: StreamListener;
  /** Writes the first frames (the snapshot), then the frames that arrived meanwhile (each is safe to apply again). */
  start(first: SseFrame): void;
  /** True once the client went away. */
  readonly closed: boolean;
  /** Runs when the client goes away (at once if it has). */
  onClose(run: () => void): void;
}

/**
 * Opens a `text/event-stream` response: headers for proxies (no buffering, no transform), no
 * socket timeout, and frames written as the same encoded bytes to every client's socket (a
 * chunk of this response when it is chunked, HTTP/1.1, as is otherwise). Public streams only:
 * `Access-Control-Allow-Origin: *` and no credentials.
 */
export function openEventStream(req: IncomingMessage, res: ServerResponse): EventStreamResponse {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-store, no-transform');
  res.setHeader('x-accel-buffering', 'no');
  res.setHeader('access-control-allow-origin', '*');
  res.flushHeaders();
  const socket = req.socket;
  socket.setNoDelay(true);
  socket.setTimeout(0);
  const chunked = (res as unknown as { chunkedEncoding: boolean }).chunkedEncoding;
  const send = (frame: SseFrame) => {
    if (socket.destroyed) return;
    // A client that stopped reading is dropped rather than buffered for.
    if (socket.writableLength > MAX_BUFFERED_BYTES) return void socket.destroy();
    socket.write(chunked ? frame.chunk() : frame.bytes());
  };
  let pending: SseFrame[] | null = [];
  let closed = false;
  const closers: (() => void)[] = [];
  req.on('close', () => {
    closed = true;
    for (const run of closers.splice(0)) run();
  });
  const listener: StreamListener = Object.assign((frame: SseFrame) => (pending ? pending.push(frame) : send(frame)), { end: () => res.end() });
  return {
    listener,
    start(first) {
      send(first);
      for (const frame of pending ?? []) send(frame);
      pending = null;
    },
    get closed() {
      return closed;
    },
    onClose(run) {
      if (closed) run();
      else closers.push(run);
    },
  };
}
