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
}
