import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@vitrine/shared/jobs';
import { refreshFxRatesJob } from './fx-refresh.jobs';
import { FxRefreshService } from '../application/fx-refresh.service';

@Injectable()
@HandlesJob(refreshFxRatesJob)
export class RefreshFxRatesHandler implements JobHandler<{ trigger: string }> {
  constructor(private readonly fx: FxRefreshService) {}

  async handle() {
    const outcomes = await this.fx.refresh();
    const failed = outcomes.filter((o) => o.status === 'FAILED');
    // The alert is raised already; failing the job retries it later the same day.
    if (failed.length) throw new Error(`FX refresh failed: ${failed.map((f) => `${f.quote}: ${f.detail}`).join('; ')}`);
    return outcomes;
  }
}
