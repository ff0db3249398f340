import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, pageSize, timeCursor, toPage, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid } from '@vitrine/shared/kernel';
import { FxRefreshRequests } from '../application/fx-refresh-requests.service';
import { FxRefreshRepository } from '../infrastructure/fx-refresh.repository';
import { FxRefreshRunPage, FxRefreshRunType, FxRefreshStatusGql } from './fx-refresh.types';

/** The operator's view of FX refreshes and their alerts. */
@Roles('PLATFORM_ADMIN')
@Resolver(() => FxRefreshRunType)
export class FxRefreshResolver {
  constructor(
    private readonly runs: FxRefreshRepository,
    private readonly requests: FxRefreshRequests,
  ) {}

  @Query(() => FxRefreshRunPage, { description: 'FX refreshes, newest first; alerts: status FAILED, unacknowledged true.' })
  async fxRefreshRuns(
    @Args() args: PageArgs,
    @Args('status', { type: () => FxRefreshStatusGql, nullable: true }) status?: FxRefreshStatusGql,
    @Args('unacknowledged', { type: () => Boolean, nullable: true }) unacknowledged?: boolean,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.runs.list({ status, unacknowledged: unacknowledged ?? false, take, after: timeCursor(args.after) });
    return toPage(rows, take, total, (r) => [r.startedAt.toISOString(), r.id]);
  }

  @Mutation(() => FxRefreshRunType, { description: 'Acknowledges a failed refresh (it stops being an alert).' })
  async acknowledgeFxRefreshRun(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    const run = isUuid(id) ? await this.runs.acknowledge(id, actor.userId) : null;
    if (!run) throw new NotFoundError('FX refresh run');
    return run;
  }

  @Mutation(() => Boolean, { description: 'Refreshes FX rates now (the worker reads the source within seconds).' })
  async refreshFxRatesNow() {
    await this.requests.request();
    return true;
  }
}
