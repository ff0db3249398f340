import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';

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
export const FxRefreshRunPage = Paginated(FxRefreshRunType, 'FxRefreshRunPage');
