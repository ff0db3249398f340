import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { openEventStream, SseFrame } from '@vitrine/shared/data-access';
import { Public } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { sseFrame, type LiveEvent } from '../domain/live-events';
import { LiveEventsHub } from '../application/live-events.hub';
import { LiveStateService } from '../application/live-state.service';

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
    const stream = openEventStream(req, res);
    // Frames that arrive before the snapshot is written wait, then follow it.
    const stop = await this.hub.subscribe(id, stream.listener);
    stream.onClose(stop);
    if (stream.closed) return;
    // Read after subscribing, so nothing published in between is lost.
    const state = (await this.state.snapshot(id)) ?? first;
    const snapshot: LiveEvent = { type: 'snapshot', state, serverTime: new Date().toISOString() };
    stream.start(new SseFrame(`retry: 2000\n\n${sseFrame(snapshot)}`));
  }
}
