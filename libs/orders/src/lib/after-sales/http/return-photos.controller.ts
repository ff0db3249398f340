import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@vitrine/shared/graphql';
import { ReturnPhotoLinksService } from '../application/return-photo-links.service';

/**
 * GET /return-photos/:id?expires=…&signature=… — a return photo through the signed link that
 * ReturnPhoto.url gave someone allowed to see the return. No credentials: the link is the
 * permission, until it expires. 403 for a link not signed by us or expired, 404 once the photo
 * is deleted (its return refused or closed).
 */
@Controller('return-photos')
export class ReturnPhotosController {
  constructor(private readonly links: ReturnPhotoLinksService) {}

  @Public()
  @Get(':id')
  async photo(@Param('id') id: string, @Query('expires') expires: unknown, @Query('signature') signature: unknown, @Res() res: Response): Promise<void> {
    const now = new Date();
    const photo = await this.links.open(id, expires, signature, now);
    res.status(200);
    res.setHeader('content-type', photo.contentType);
    res.setHeader('content-length', String(photo.data.length));
    // Kept by the browser no longer than the link works, and by no shared cache.
    res.setHeader('cache-control', `private, max-age=${Math.max(0, Math.floor((photo.expiresAt.getTime() - now.getTime()) / 1000))}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.setHeader('referrer-policy', 'no-referrer');
    res.end(photo.data);
  }
}
