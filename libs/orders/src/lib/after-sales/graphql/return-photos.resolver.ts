import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@vitrine/shared/graphql';
import { ReturnPhotosService } from '../application/return-photos.service';
import type { ReturnPhotoRecord } from '../infrastructure/return-photos.repository';
import { ReturnPhotoType } from './return-photos.types';
import { ReturnType } from './returns.types';

type PhotoParent = ReturnPhotoType & { record: ReturnPhotoRecord };

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

@Resolver(() => ReturnPhotoType)
export class ReturnPhotoContentResolver {
  constructor(private readonly photos: ReturnPhotosService) {}

  @ResolveField(() => String, { description: 'The image as a data: URL (read from storage only when asked).' })
  dataUrl(@Parent() p: PhotoParent): Promise<string> {
    return this.photos.dataUrl(p.record);
  }
}
