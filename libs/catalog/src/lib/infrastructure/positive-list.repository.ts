import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

export interface PositiveListRow {
  hsPrefix: string;
  description: string;
}

/** How long this process reuses the positive list for checkout reads (ms). */
const PREFIX_CACHE_MS = Number(process.env['POSITIVE_LIST_CACHE_MS'] ?? 5_000);

@Injectable()
export class PositiveListRepository {
  private cached: { expires: number; value: Promise<string[]> } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  /**
   * The prefixes as read at most POSITIVE_LIST_CACHE_MS ago: the list changes rarely and is read on every
   * cart view and checkout. Changes made through this repository drop the copy at once; other processes
   * see them within the TTL.
   */
  cachedPrefixes(): Promise<string[]> {
    const now = Date.now();
    if (this.cached && this.cached.expires > now) return this.cached.value;
    const value = this.prefixes();
    const entry = { expires: now + PREFIX_CACHE_MS, value };
    this.cached = entry;
    value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return value;
  }

  /** Every allowed HS prefix; the list is a few hundred lines at most. */
  async prefixes(): Promise<string[]> {
    const rows = await this.prisma.positiveListEntry.findMany({ select: { hsPrefix: true } });
    return rows.map((r) => r.hsPrefix);
  }

  list(): Promise<PositiveListRow[]> {
    return this.prisma.positiveListEntry.findMany({ orderBy: { hsPrefix: 'asc' }, select: { hsPrefix: true, description: true } });
  }

  async upsert(row: PositiveListRow): Promise<PositiveListRow> {
    this.cached = null;
    const saved = await this.prisma.positiveListEntry.upsert({
      where: { hsPrefix: row.hsPrefix },
      create: row,
      update: { description: row.description },
      select: { hsPrefix: true, description: true },
    });
    this.cached = null;
    return saved;
  }

  async remove(hsPrefix: string): Promise<boolean> {
    this.cached = null;
    const { count } = await this.prisma.positiveListEntry.deleteMany({ where: { hsPrefix } });
    this.cached = null;
    return count === 1;
  }
}
