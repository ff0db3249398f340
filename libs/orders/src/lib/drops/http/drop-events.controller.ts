import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { openEventStream, SseFrame } from '@vitrine/shared/data-access';
import { Public } from '@vitrine/shared/graphql';
import { NotFoundError, UnauthenticatedError } from '@vitrine/shared/kernel';
import { DropStreamService, type DropListener } from '../application/drop-stream.service';

/**
 * GET /drops/:id/events[?token=] — a drop page's update stream (Server-Sent Events): `drop`
 * (status, remaining units, sold out, draw close, seed), and with the shopper's token
 * (Drop.myStreamToken) `entry` (their place in the queue, their turn and its end, their draw
 * result), whichever API process or the worker made the change. Public, without credentials;
 * a token that is not ours, another drop's or expired is UNAUTHENTICATED.
 */
@Controller('drops')
export class DropEventsController {
  constructor(private readonly drops: DropStreamService) {}

  @Public()
  @Get(':id/events')
  async events(@Param('id') id: string, @Query('token') token: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('Drop');
    const userId = token === undefined ? null : this.drops.userOf(id, token);
    if (token !== undefined && !userId) throw new UnauthenticatedError('This drop stream token is not valid (or has expired): read the drop again');
    const listener: DropListener = (() => undefined) as DropListener;
    // Known before anything is written: an unknown or cancelled drop is NOT_FOUND.
    if (!(await this.drops.firstFrames(id, listener))) throw new NotFoundError('Drop');
    const stream = openEventStream(req, res);
    const own: DropListener = Object.assign(stream.listener, { userId });
    const stop = await this.drops.subscribe(id, own);
    stream.onClose(stop);
    if (stream.closed) return;
    // Read after subscribing, so nothing announced in between is lost.
    const first = await this.drops.firstFrames(id, own);
    stream.start(new SseFrame(`retry: 2000\n\n${first ?? ''}`));
  }
}
