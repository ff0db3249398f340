import { randomUUID } from 'node:crypto';
import { Args, Field, ID, Mutation, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { CurrentActor, PageArgs, Paginated, Roles, pageSize, timeCursor, toPage, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid } from '@vitrine/shared/kernel';
import { enqueueJob } from '@vitrine/shared/jobs';
import { refreshFxRatesJob } from './fx-refresh.jobs';
import { FxRefreshRepository } from './fx-refresh.repository';

export enum FxRefreshStatusGql {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(FxRefreshStatusGql, { name: 'FxRefreshStatus' });

@ObjectType('FxRefreshRun', { description: 'One FX refresh: the rate it applied, or why it failed (the last rate then stayed in force).' })
export class FxRefreshRunType {
  @Field(() => ID) id!: string;
  @Field(() => String) source!: string;
  @Field(() => FxRefreshStatusGql) status!: FxRefreshStatusGql;
  @Field(() => String) base!: string;
  @Field(() => String) quote!: string;
  @Field(() => String, { nullable: true }) rate!: string | null;
  @Field(() => String, { nullable: true, description: 'The source’s reference day.' }) referenceDate!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date) finishedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When an operator acknowledged this failure (an alert until then).' }) acknowledgedAt!: Date | null;
}
const FxRefreshRunPage = Paginated(FxRefreshRunType, 'FxRefreshRunPage');

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
