import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { SettlementQueriesService } from '../application/settlement-queries.service';
import { StatementPdfService } from '../application/statement-pdf.service';

/**
 * GET /statements/settlement/<MUSEUM|BRAND>-<id>/<YYYY-MM>.pdf with the bearer token: the
 * seller's monthly statement as PDF. Same tenancy as sellerStatement: a manager their museums',
 * a brand its own, the operator any; anyone else 404 (403 for a shopper, 401 without a token);
 * a malformed month 400 VALIDATION_FAILED.
 *
 * GET /statements/settlement/all/<YYYY-MM>.csv: the operator's month-end file, every seller's
 * statement of the month in one CSV (403 for anyone else).
 */
@Controller('statements/settlement')
export class SettlementStatementFilesController {
  constructor(
    private readonly pdfs: StatementPdfService,
    private readonly queries: SettlementQueriesService,
  ) {}

  // Declared before ':seller/:file', which would take "all" for a seller.
  @Roles('PLATFORM_ADMIN')
  @Get('all/:file')
  @Header('cache-control', 'private, no-store')
  async downloadAll(@CurrentActor() actor: Actor, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const what = /^(.+)\.csv$/i.exec(file);
    if (!what) throw new NotFoundError('Statement');
    const month = what[1]!;
    // Statements are written as they are made, so the status and headers go with the first chunk (after the
    // access and month checks, whose errors are answered as usual); a failure after that cuts the download
    // short instead of ending it as if it were whole.
    const write = async (chunk: string) => {
      if (!res.headersSent) {
        res.status(200);
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="settlement-statements-${month}.csv"`);
      }
      if (res.destroyed) throw new Error('the client closed the download');
      if (!res.write(chunk)) await drained(res);
    };
    try {
      await this.queries.monthlyStatementsCsv(actor, month, write);
    } catch (error) {
      if (!res.headersSent) throw error;
      res.destroy(error as Error);
      return;
    }
    res.end();
  }

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

/** Until the response can take more, or the client has gone (a download closed midway must not hold the run). */
async function drained(res: Response): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: stop.signal }), once(res, 'close', { signal: stop.signal })]);
  } finally {
    stop.abort();
  }
}
