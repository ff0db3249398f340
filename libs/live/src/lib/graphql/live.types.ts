import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';

export enum LiveSessionPhaseGql {
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  ENDED = 'ENDED',
  /** Cancelled before it started (managers only: viewers get NOT_FOUND). */
  CANCELLED = 'CANCELLED',
}
registerEnumType(LiveSessionPhaseGql, { name: 'LiveSessionPhase' });

export enum LiveStreamPlayerKindGql {
  /** The shop embeds the partner's player (an iframe on the live page). */
  EMBED = 'EMBED',
  /** The shop links to the stream on the partner platform. */
  LINK = 'LINK',
}
registerEnumType(LiveStreamPlayerKindGql, { name: 'LiveStreamPlayerKind' });

export enum LiveStreamUrlProblemGql {
  NOT_A_URL = 'NOT_A_URL',
  NOT_HTTPS = 'NOT_HTTPS',
  HAS_CREDENTIALS = 'HAS_CREDENTIALS',
}
registerEnumType(LiveStreamUrlProblemGql, { name: 'LiveStreamUrlProblem', description: 'Why a stream URL is refused (STREAM_URL_NOT_ALLOWED’s `problem`).' });

@ObjectType('LiveStreamPlayer', { description: 'How the shop shows the stream, derived from its URL and the allowed partner players (LIVE_EMBED_PLATFORMS).' })
export class LiveStreamPlayerType {
  @Field(() => LiveStreamPlayerKindGql) kind!: LiveStreamPlayerKindGql;
  @Field(() => String, { nullable: true, description: 'The iframe’s src, for EMBED.' }) embedUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'The allowed player’s name (bilibili, youku, tencent-video…), for EMBED.' }) platform!: string | null;
}

@ObjectType('LiveStreamUrlCheck', { description: 'What saving this stream URL would do: the player, or why it is refused.' })
export class LiveStreamUrlCheckType {
  @Field(() => LiveStreamPlayerType, { nullable: true, description: 'Null when refused.' }) player!: LiveStreamPlayerType | null;
  @Field(() => LiveStreamUrlProblemGql, { nullable: true }) problem!: LiveStreamUrlProblemGql | null;
}

@ObjectType('LiveFlashPrice', { description: 'A flash price of a bag product: CNY fen, for lines added from the live page while it runs.' })
export class LiveFlashPriceType {
  @Field(() => ID) productId!: string;
  @Field(() => Int) priceMinor!: number;
  @Field(() => String) currency!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}

@ObjectType('LiveAnnouncement')
export class LiveAnnouncementType {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('LiveVariant')
export class LiveVariantType {
  @Field(() => ID) variantId!: string;
  @Field(() => String) sku!: string;
  @Field(() => Int, { description: 'CNY fen, before any flash price.' }) priceMinor!: number;
  @Field(() => Int) available!: number;
}

@ObjectType('LiveProduct', { description: 'A bag product as viewers see it.' })
export class LiveProductType {
  @Field(() => ID) productId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'The lowest variant price, CNY fen, before any flash price.' }) priceMinor!: number;
  @Field(() => String) currency!: string;
  @Field(() => Int, { description: 'Units available now across the museum’s stock locations.' }) available!: number;
  @Field(() => [LiveVariantType]) variants!: LiveVariantType[];
}

@ObjectType('LiveProductSales', { description: 'A product’s sales from the live page: orders placed (neither cancelled nor refunded), units and goods revenue in CNY fen.' })
export class LiveProductSalesType {
  @Field(() => ID) productId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) orders!: number;
  @Field(() => Int) units!: number;
  @Field(() => Int) revenueMinor!: number;
}

@ObjectType('LiveSession', {
  description:
    'A museum’s live session on a partner platform. Viewers follow it live on GET /live/{id}/events (Server-Sent Events: snapshot, pin, flash, announcement, stock).',
})
export class LiveSessionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The stream’s link or embed URL on the partner platform (https).' }) streamUrl!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => LiveSessionPhaseGql) phase!: LiveSessionPhaseGql;
  @Field(() => ID, { nullable: true }) pinnedProductId!: string | null;
  @Field(() => [ID], { description: 'The bag, in the host’s order.' }) productIds!: string[];
}

export const LiveSessionPage = Paginated(LiveSessionType, 'LiveSessionPage');

@InputType({ description: 'The console’s session list filters; all optional, combined with AND.' })
export class LiveSessionFilterInput {
  @Field(() => LiveSessionPhaseGql, { nullable: true, description: 'The phase now (as LiveSession.phase reads it).' }) phase?: LiveSessionPhaseGql | null;
  @Field(() => Date, { nullable: true, description: 'Starting at or after.' }) startsFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Starting before.' }) startsBefore?: Date | null;
}

@ObjectType('LiveCartLine', { description: 'The line as the cart prices it now (the flash price while it runs).' })
export class LiveCartLineType {
  @Field(() => ID) cartId!: string;
  @Field(() => String, { nullable: true, description: 'A guest’s new cart token, to send back on later cart calls.' }) cartToken!: string | null;
  @Field(() => ID) variantId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) unitPriceMinor!: number;
  @Field(() => String) currency!: string;
}

@InputType()
export class ScheduleLiveSessionInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) streamUrl!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [ID], { description: 'Products of the same museum, at most 50.' }) productIds!: string[];
}

@InputType({ description: 'Changes a scheduled session; fields left out (or null) keep their value. The bag changes with setLiveSessionBag.' })
export class UpdateLiveSessionInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) streamUrl?: string | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
}

@InputType()
export class CancelLiveSessionInput {
  @Field(() => ID) sessionId!: string;
}

@InputType()
export class SetLiveSessionBagInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => [ID]) productIds!: string[];
}

@InputType()
export class PinLiveProductInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => ID, { nullable: true, description: 'null unpins.' }) productId!: string | null;
}

@InputType()
export class StartLiveFlashPriceInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => Int, { description: 'CNY fen, below every variant’s current price.' }) priceMinor!: number;
  @Field(() => Int, { description: 'How long it runs, 10 s to 4 h (the console offers whole minutes); it ends with the session at the latest.' }) durationSeconds!: number;
}

@InputType()
export class PostLiveAnnouncementInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => String, { description: 'At most 140 characters.' }) body!: string;
}

@InputType()
export class AddLiveCartLineInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String, { nullable: true }) cartToken?: string | null;
}
