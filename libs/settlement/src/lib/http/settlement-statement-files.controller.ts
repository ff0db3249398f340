import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { StatementPdfService } from '../application/statement-pdf.service';

/**
 * GET /statements/settlement/<MUSEUM|BRAND>-<id>/<YYYY-MM>.pdf with the bearer token: the
 * seller's monthly statement as PDF. Same tenancy as sellerStatement: a manager their museums',
 * a brand its own, the operator any; anyone else 404 (403 for a shopper, 401 without a token);
 * a malformed month 400 VALIDATION_FAILED.
 */
@Controller('statements/settlement')
export class SettlementStatementFilesController {
  constructor(private readonly pdfs: StatementPdfService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Get(':seller/:file')
  @Header('cache-control', 'private, no-store')
  async download(@CurrentActor() actor: Actor, @Param('seller') seller: string, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const who = /^(MUSEUM|BRAND)-([0-9a-f-]{36})$/i.exec(seller);
    const what = /^(.+)\.pdf$/i.exec(file);
    if (!who || !what) throw new NotFoundError('Statement');
    const id = who[2]!;
    const f = await this.pdfs.prepare(actor, who[1]!.toUpperCase() === 'MUSEUM' ? { museumId: id, month: what[1]! } : { brandId: id, month: what[1]! });
    res.status(200);
    res.setHeader('content-type', f.contentType);
    res.setHeader('content-disposition', `attachment; filename="${f.filename}"`);
    await f.write(res);
  }
}
