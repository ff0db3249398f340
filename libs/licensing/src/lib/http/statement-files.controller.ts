import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { StatementExportService } from '../application/statement-export.service';

/**
 * GET /statements/:id.csv and /statements/:id.pdf with the bearer token: the brand and the
 * museum of the agreement (and operators) download; anyone else gets 404, as in GraphQL.
 */
@Controller('statements')
export class StatementFilesController {
  constructor(private readonly exports: StatementExportService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Get(':file')
  @Header('cache-control', 'private, no-store')
  async download(@CurrentActor() actor: Actor, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const m = /^([0-9a-f-]{36})\.(csv|pdf)$/i.exec(file);
    if (!m) throw new NotFoundError('Statement');
    const f = await this.exports.prepare(actor, m[1]!, m[2]!.toLowerCase() as 'csv' | 'pdf');
    res.status(200);
    res.setHeader('content-type', f.contentType);
    res.setHeader('content-disposition', `attachment; filename="${f.filename}"`);
    await f.write(res);
  }
}
