import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import { refreshFxRatesJob } from '../jobs/fx-refresh.jobs';

/** Requests a refresh now, through the outbox (the worker runs it). */
@Injectable()
export class FxRefreshRequests {
  constructor(private readonly prisma: PrismaService) {}

  async request(): Promise<string> {
    const trigger = `manual-${randomUUID()}`;
    await this.prisma.$transaction((tx) => enqueueJob(tx, refreshFxRatesJob, { trigger }));
    return trigger;
  }
}
