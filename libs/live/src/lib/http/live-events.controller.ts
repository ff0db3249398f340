import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { sseFrame, type LiveEvent } from '../domain/live-events';
import { LiveEventsHub, type LiveListener } from '../application/live-events.hub';
import { LiveStateService } from '../application/live-state.service';
import { SseFrame } from '../application/sse-frame';

/** Bytes waiting in a viewer's socket beyond which it is dropped. */
const MAX_BUFFERED_BYTES = 256 * 1024;

/**
 * GET /live/:id/events — a viewer's update stream (Server-Sent Events): first `snapshot` (the
 * whole state), then `pin`, `flash`, `announcement`, `stock` as they happen, whichever API
 * process the host's mutation or the stock change reached. Public and without credentials,
 * so any origin may read it (the shop's pages open it from the browser).
 */
@Controller('live')
export class LiveEventsController {
  constructor(
    private readonly hub: LiveEventsHub,
    private readonly state: LiveStateService,
  ) {}

  @Public()
  @Get(':id/events')
  async events(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const first = /^[0-9a-f-]{36}$/i.test(id) ? await this.state.snapshot(id) : null;
    if (!first) throw new NotFoundError('Live session');
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-store, no-transform');
    res.setHeader('x-accel-buffering', 'no');
    res.setHeader('access-control-allow-origin', '*');
    res.flushHeaders();
    const socket = req.socket;
    socket.setNoDelay(true);
    socket.setTimeout(0);
    // The same encoded bytes go straight to every viewer's socket, as a chunk of this response
    // when it is chunked (HTTP/1.1), as is otherwise.
    const chunked = (res as unknown as { chunkedEncoding: boolean }).chunkedEncoding;
    const send = (frame: SseFrame) => {
      if (socket.destroyed) return;
      // A viewer that stopped reading is dropped (its EventSource reconnects and gets a snapshot) rather than buffered for.
      if (socket.writableLength > MAX_BUFFERED_BYTES) return void socket.destroy();
      socket.write(chunked ? frame.chunk() : frame.bytes());
    };

    // Frames that arrive before the snapshot is written wait, then follow it (each is safe to apply again).
    let pending: SseFrame[] | null = [];
    const listener: LiveListener = Object.assign((frame: SseFrame) => (pending ? pending.push(frame) : send(frame)), { end: () => res.end() });
    let stop: (() => void) | null = null;
    let closed = false;
    req.on('close', () => {
      closed = true;
      stop?.();
    });
    stop = await this.hub.subscribe(id, listener);
    if (closed) return stop();
    // Read after subscribing, so nothing published in between is lost.
    const state = (await this.state.snapshot(id)) ?? first;
    const snapshot: LiveEvent = { type: 'snapshot', state, serverTime: new Date().toISOString() };
    send(new SseFrame(`retry: 2000\n\n${sseFrame(snapshot)}`));
    for (const frame of pending) send(frame);
    pending = null;
  }
}
