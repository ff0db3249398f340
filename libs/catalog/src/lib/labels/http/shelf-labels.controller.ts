import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { ShelfLabelsService } from '../application/shelf-labels.service';

/**
 * GET /shelf-labels.pdf?products=<id>,<id>… with the bearer token: A4 sheets of shelf labels
 * for the caller's museum's products (404 for another museum's, 400 VALIDATION_FAILED for a
 * bad list or a product not on sale).
 */
@Controller()
export class ShelfLabelsController {
  constructor(private readonly labels: ShelfLabelsService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Get('shelf-labels.pdf')
  @Header('cache-control', 'private, no-store')
  async download(@CurrentActor() actor: Actor, @Query('products') products: string | undefined, @Res() res: Response): Promise<void> {
    const ids = (products ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const sheet = await this.labels.prepare(actor, ids);
    res.status(200);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="${sheet.filename}"`);
    await sheet.write(res);
  }
}
