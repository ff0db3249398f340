import { Context, GraphQLISODateTime, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@vitrine/shared/graphql';
import { ReturnPhotoLinksService } from '../application/return-photo-links.service';
import { ReturnPhotosService } from '../application/return-photos.service';
import type { ReturnPhotoRecord } from '../infrastructure/return-photos.repository';
import { ReturnPhotoType } from './return-photos.types';
import { ReturnType } from './returns.types';

/** `link` is signed once per answer, so `url` and `urlExpiresAt` agree. */
type PhotoParent = ReturnPhotoType & { record: ReturnPhotoRecord; link?: { url: string; expiresAt: Date } };

/**
 * A return's photos. The return itself is already tenancy-checked by whatever answered it (the
 * shopper's own order, or museumReturn(s) for the museum of the order and the brand that
 * fulfilled it), so its photos go to the same callers and no other.
 */
@Resolver(() => ReturnType)
export class ReturnPhotosResolver {
  constructor(private readonly service: ReturnPhotosService) {}

  @ResolveField(() => [ReturnPhotoType], { description: 'Photos the shopper attached to the request, in their order.' })
  async photos(@Parent() r: ReturnType, @Context() ctx: RequestContext): Promise<PhotoParent[]> {
    const loader = ctx.loaders.get<string, PhotoParent[]>('returns.photos', async (ids) => {
      const byReturn = await this.service.ofReturns(ids);
      return ids.map((id) => (byReturn.get(id) ?? []).map((p) => ({ id: p.id, position: p.position, contentType: p.contentType, byteSize: p.byteSize, record: p })));
    });
    return loader.load(r.id);
  }
}

/** The photo's signed link: given only with the return (tenancy-checked above), working until it expires. */
@Resolver(() => ReturnPhotoType)
export class ReturnPhotoContentResolver {
  constructor(private readonly links: ReturnPhotoLinksService) {}

  @ResolveField(() => String, {
    description:
      'The image, through a signed link on the API’s origin (`/return-photos/<id>?expires=…&signature=…`) that opens without credentials until `urlExpiresAt` (RETURN_PHOTO_URL_TTL_SECONDS): 403 after, or when changed; 404 once the photo is deleted. Ask the return again for a fresh link.',
  })
  url(@Parent() p: PhotoParent): string {
    return (p.link ??= this.links.linkOf(p.id)).url;
  }

  @ResolveField(() => GraphQLISODateTime, { description: 'When `url` stops working.' })
  urlExpiresAt(@Parent() p: PhotoParent): Date {
    return (p.link ??= this.links.linkOf(p.id)).expiresAt;
  }
}
