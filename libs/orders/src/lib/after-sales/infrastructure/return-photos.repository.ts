import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@vitrine/shared/data-access';

export interface ReturnPhotoRecord {
  id: string;
  returnId: string;
  position: number;
  contentType: string;
  byteSize: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

const select = { id: true, returnId: true, position: true, contentType: true, byteSize: true, sha256: true, storageKey: true, createdAt: true } as const;

/** A return's photo rows (the bytes are ReturnPhotoStorage's): plain data access. */
@Injectable()
export class ReturnPhotosRepository {
  constructor(private readonly prisma: PrismaService) {}

  async add(tx: Tx, rows: readonly Omit<ReturnPhotoRecord, 'id' | 'createdAt'>[]): Promise<void> {
    if (rows.length) await tx.orderReturnPhoto.createMany({ data: [...rows] });
  }

  /** The photos of these returns, in their order (one statement for a page of returns). */
  async ofReturns(returnIds: readonly string[]): Promise<Map<string, ReturnPhotoRecord[]>> {
    const rows = returnIds.length ? await this.prisma.orderReturnPhoto.findMany({ where: { returnId: { in: [...returnIds] } }, select, orderBy: [{ returnId: 'asc' }, { position: 'asc' }] }) : [];
    const out = new Map<string, ReturnPhotoRecord[]>(returnIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.returnId)?.push(r);
    return out;
  }

  find(id: string): Promise<ReturnPhotoRecord | null> {
    return this.prisma.orderReturnPhoto.findUnique({ where: { id }, select });
  }

  /** Deletes these photo rows of the return (its bytes are removed by the caller); answers how many went. */
  async remove(tx: Tx, returnId: string, ids: readonly string[]): Promise<number> {
    return (await tx.orderReturnPhoto.deleteMany({ where: { returnId, id: { in: [...ids] } } })).count;
  }

  /** Returns in one of `statuses` that still have photos, oldest decision first. */
  async returnsWithPhotos(statuses: readonly string[], take: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT r.id::text AS id FROM order_returns r
      WHERE r.status::text = ANY(${[...statuses]}::text[]) AND EXISTS (SELECT 1 FROM order_return_photos p WHERE p.return_id = r.id)
      ORDER BY r.updated_at LIMIT ${take}`;
    return rows.map((r) => r.id);
  }
}
