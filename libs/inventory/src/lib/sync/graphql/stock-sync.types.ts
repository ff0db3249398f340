import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';

export enum FeedFormatGql {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(FeedFormatGql, { name: 'WarehouseFeedFormat', description: 'CSV with a header (sku, location, quantity) or JSON ([{ sku, location, quantity }]).' });

@ObjectType('WarehouseFeed', { description: 'A museum warehouse’s stock feed, fetched on a schedule.' })
export class WarehouseFeedType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) name!: string;
  @Field(() => FeedFormatGql) format!: FeedFormatGql;
  @Field(() => String) url!: string;
  @Field(() => Int) everyMinutes!: number;
  @Field(() => Date) nextRunAt!: Date;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('StockSyncRowError', { description: 'A feed row that was not applied, and why.' })
export class StockSyncRowErrorType {
  @Field(() => Int, { description: 'CSV: the line in the file (header = 1). JSON: the item’s position from 1.' }) line!: number;
  @Field(() => String, { nullable: true }) sku!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { description: 'INVALID_ROW, INVALID_QUANTITY, UNKNOWN_SKU, UNKNOWN_LOCATION, DUPLICATE_ROW or BELOW_RESERVED.' }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('StockSyncRun', { description: 'One reconciliation of a feed with marketplace stock.' })
export class StockSyncRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) feedId!: string | null;
  @Field(() => ID) museumId!: string;
  @Field(() => String, { description: 'SCHEDULE, MANUAL or UPLOAD.' }) trigger!: string;
  @Field(() => FeedFormatGql) format!: FeedFormatGql;
  @Field(() => String, { description: 'QUEUED, RUNNING, SUCCEEDED, PARTIAL (some rows rejected) or FAILED.' }) status!: string;
  @Field(() => Int) rowsTotal!: number;
  @Field(() => Int, { description: 'Rows whose on-hand quantity changed (one ledger entry each).' }) changed!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [StockSyncRowErrorType], { description: 'Rejected rows, by line (the first 1,000).' }) errors!: StockSyncRowErrorType[];
  @Field(() => String, { nullable: true, description: 'Why nothing was applied (feed unreachable or unreadable).' }) failure!: string | null;
  @Field(() => Date) queuedAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}
export const StockSyncRunPage = Paginated(StockSyncRunType, 'StockSyncRunPage');

@ObjectType('StockWebhook', { description: 'Where marketplace stock changes are pushed (POST, signed in the x-vitrine-signature header).' })
export class StockWebhookType {
  @Field(() => ID) museumId!: string;
  @Field(() => String) url!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('ConfiguredStockWebhook')
export class ConfiguredStockWebhookType {
  @Field(() => StockWebhookType) webhook!: StockWebhookType;
  @Field(() => String, { description: 'HMAC-SHA256 key of the signatures: shown only now; configuring again replaces it.' }) secret!: string;
}

@ObjectType('StockWebhookDelivery')
export class StockWebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'PENDING, DELIVERED or FAILED.' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Int) levelCount!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
}
export const StockWebhookDeliveryPage = Paginated(StockWebhookDeliveryType, 'StockWebhookDeliveryPage');

@InputType()
export class ConnectWarehouseFeedInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) name!: string;
  @Field(() => FeedFormatGql) format!: FeedFormatGql;
  @Field(() => String) url!: string;
  @Field(() => Int) everyMinutes!: number;
}

@InputType()
export class UpdateWarehouseFeedInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => FeedFormatGql, { nullable: true }) format?: FeedFormatGql;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => Int, { nullable: true }) everyMinutes?: number;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
}

@InputType()
export class UploadStockFeedInput {
  @Field(() => ID) museumId!: string;
  @Field(() => FeedFormatGql) format!: FeedFormatGql;
  @Field(() => String, { description: 'The CSV or JSON document (at most 5 MB).' }) content!: string;
}

@InputType()
export class ConfigureStockWebhookInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) url!: string;
}
