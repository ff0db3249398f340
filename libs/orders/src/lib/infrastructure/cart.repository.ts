import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Prisma, PrismaService, isUniqueViolation, jsonTimestamp, parseJsonColumn, type CartStatus, type Tx } from '@vitrine/shared/data-access';
import { CatalogReadPort } from '@vitrine/catalog';
import { isUuid } from '@vitrine/shared/kernel';
import { z } from 'zod';

export interface CartItemRecord {
  id: string;
  variantId: string;
  quantity: number;
  createdAt: Date;
}

export interface CartRecord {
  id: string;
  status: CartStatus;
  userId: string | null;
  tokenHash: string | null;
  /** A MERGED guest cart: the shopper's cart its lines went to. */
  mergedIntoId: string | null;
  items: CartItemRecord[];
}

const cartSelect = {
  id: true,
  status: true,
  userId: true,
  tokenHash: true,
  mergedIntoId: true,
  items: { select: { id: true, variantId: true, quantity: true, createdAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.CartSelect;

/** A cart's lines as the reads below build them in SQL (json_agg of json_build_object), parsed, not cast (ADR 0023). */
const cartItemsJson = z.array(
  z.object({ id: z.string(), variantId: z.string(), quantity: z.number().int(), createdAt: jsonTimestamp }),
) satisfies z.ZodType<CartItemRecord[], unknown>;
const itemsOf = (items: unknown, where: string): CartItemRecord[] => parseJsonColumn(cartItemsJson, items, `CartRepository.${where}`, 'items');

/** Whether a variant may be sold, as the catalogue decides it (CatalogReadPort.sellableVariants); null: no such variant. */
export interface VariantSellability {
  museumId: string;
  published: boolean;
  listableForChina: boolean;
  customsRegistered: boolean;
}

/**
 * The carts `where` picks (alias c) with their lines, as findById reads them (selectByIds,
 * findByIdWith). `extra` adds aggregates over a cart's lines (alias i) and columns that read them.
 */
function cartsWithItems(where: Prisma.Sql, extra?: { columns: Prisma.Sql; aggregates: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
      SELECT c.id, c.status::text AS status, c.user_id AS "userId", c.token_hash AS "tokenHash", c.merged_into_id AS "mergedIntoId",
        COALESCE(i.items, '[]') AS items${extra?.columns ?? Prisma.empty}
      FROM carts c
      -- Per cart, through cart_items' (cart_id, variant_id) index: the generic plan PrismaService.sql keeps for every call must not hash-join the whole table.
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('id', i.id, 'variantId', i.variant_id, 'quantity', i.quantity, 'createdAt', i.created_at) ORDER BY i.created_at, i.id) AS items${extra?.aggregates ?? Prisma.empty}
        FROM cart_items i WHERE i.cart_id = c.id
      ) i ON true
      WHERE ${where}`;
}

/** addLine's answer: the cart's lines after the add, the written line in place of its old version. */
const LINES_AFTER_ADD = Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', l.id, 'variantId', l.variant_id, 'quantity', l.quantity, 'createdAt', l.created_at) ORDER BY l.created_at, l.id)
          FROM (SELECT * FROM before WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.id = before.id) UNION ALL SELECT * FROM written) l), '[]')`;

@Injectable()
export class CartRepository {
  /**
   * Carts read by id at the same moment by different requests (every checkout attempt starts
   * here; a drop sends thousands at once) come back from one statement. Batched per tick,
   * never cached (cache: false): each request sees its cart as the database has it.
   */
  private readonly byId = new DataLoader<string, CartRecord | null>((ids) => this.selectByIds(ids), { cache: false, maxBatchSize: 100 });

  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<CartRecord | null> {
    return isUuid(id) ? this.byId.load(id) : Promise.resolve(null);
  }

  private async selectByIds(ids: readonly string[]): Promise<(CartRecord | null)[]> {
    const rows = await this.prisma.sql.$queryRaw<(Omit<CartRecord, 'items'> & { items: unknown })[]>(cartsWithItems(Prisma.sql`c.id = ANY(${[...ids]}::uuid[])`));
    const byId = new Map(rows.map((row) => [row.id, { ...row, items: itemsOf(row.items, 'selectByIds') }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * The cart as findById reads it, and in the same statement what each of `riders` reads of its
   * items' variants (placeOrder: the catalogue's variants and inventory's stock, one round trip for
   * all three). Each rider gets the cart's variant ids as an expression of type uuid[] and answers
   * a scalar subquery, handed back as its text, in the order given: parsed only by a caller that
   * gets that far (a sold-out answer never parses the variants).
   */
  async findByIdWith(id: string, riders: readonly ((variantIds: Prisma.Sql) => Prisma.Sql)[]): Promise<{ cart: CartRecord; riders: unknown[] } | null> {
    if (!isUuid(id)) return null;
    // One text column per rider: rider_0, rider_1, …
    const columns = riders.map((rider, n) => Prisma.sql`, (${rider(Prisma.sql`i.variant_ids`)})::text AS ${Prisma.raw(`rider_${n}`)}`);
    const rows = await this.prisma.sql.$queryRaw<(Omit<CartRecord, 'items'> & { items: unknown } & Record<`rider_${number}`, unknown>)[]>(
      cartsWithItems(Prisma.sql`c.id = ${id}::uuid`, {
        columns: columns.length ? Prisma.join(columns, '') : Prisma.empty,
        aggregates: Prisma.sql`, array_agg(i.variant_id) AS variant_ids`,
      }),
    );
    const row = rows[0];
    if (!row) return null;
    const cart = { id: row.id, status: row.status, userId: row.userId, tokenHash: row.tokenHash, mergedIntoId: row.mergedIntoId, items: itemsOf(row.items, 'findByIdWith') };
    return { cart, riders: riders.map((_, n) => row[`rider_${n}`]) };
  }

  findOpenOfUser(userId: string): Promise<CartRecord | null> {
    return this.selectOne(Prisma.sql`c.open_user_id = ${userId}::uuid`);
  }

  findByTokenHash(tokenHash: string): Promise<CartRecord | null> {
    return this.selectOne(Prisma.sql`c.token_hash = ${tokenHash}`);
  }

  /** A cart with its items in one round trip (checkout reads it on every attempt). */
  private async selectOne(where: Prisma.Sql): Promise<CartRecord | null> {
    const rows = await this.prisma.$queryRaw<(Omit<CartRecord, 'items'> & { items: unknown })[]>`
      SELECT c.id, c.status::text AS status, c.user_id AS "userId", c.token_hash AS "tokenHash", c.merged_into_id AS "mergedIntoId",
        COALESCE(json_agg(json_build_object('id', i.id, 'variantId', i.variant_id, 'quantity', i.quantity, 'createdAt', i.created_at)
          ORDER BY i.created_at, i.id) FILTER (WHERE i.id IS NOT NULL), '[]') AS items
      FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id
      WHERE ${where}
      GROUP BY c.id`;
    const row = rows[0];
    return row ? { ...row, items: itemsOf(row.items, 'selectOne') } : null;
  }

  /**
   * The id of the user's open cart, opened now when they have none, in one statement: adding to
   * the cart needs only its id (issue 18: a signed-in shopper's first add in 3 statements, not 8).
   * A cart opened by a concurrent request after this statement's snapshot makes the insert do
   * nothing and the read miss it; the second statement then finds it.
   */
  async openCartIdOfUser(userId: string): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows = await this.prisma.sql.$queryRaw<{ id: string }[]>`
        WITH found AS (SELECT id FROM carts WHERE open_user_id = ${userId}::uuid),
        opened AS (
          INSERT INTO carts (id, user_id, open_user_id, status, created_at, updated_at)
          SELECT gen_random_uuid(), ${userId}::uuid, ${userId}::uuid, 'OPEN', now(), now() WHERE NOT EXISTS (SELECT 1 FROM found)
          ON CONFLICT (open_user_id) DO NOTHING
          RETURNING id)
        SELECT id::text FROM found UNION ALL SELECT id::text FROM opened`;
      if (rows[0]) return rows[0].id;
    }
    throw new Error(`no open cart could be found or opened for user ${userId}`);
  }

  /** The user's open cart, created on first use (a concurrent creation finds the winner's). */
  async openCartOfUser(userId: string): Promise<CartRecord> {
    const existing = await this.findOpenOfUser(userId);
    if (existing) return existing;
    try {
      return await this.prisma.cart.create({ data: { userId, openUserId: userId }, select: cartSelect });
    } catch (e) {
      if (isUniqueViolation(e)) return (await this.findOpenOfUser(userId))!;
      throw e;
    }
  }

  createGuest(tokenHash: string): Promise<CartRecord> {
    return this.prisma.cart.create({ data: { tokenHash }, select: cartSelect });
  }

  /**
   * addCartLine in one statement: the open cart (the guest cart of `find.tokenHash`, or the
   * cart `find.cartId`), or a new guest cart under `newTokenHash` when there is none; the units
   * added to the variant's line within the cart rules; the cart touched; the cart and its
   * lines as they are after. Nothing is written when the line would break a rule (`refused`),
   * except the new empty guest cart a refused first line cannot occur in (its quantity is
   * checked before). Lines are read from the statement's snapshot and the written line
   * replaces its old version.
   *
   * The cart row is locked first (FOR NO KEY UPDATE), before its line, the order a merge
   * takes them in (lockForMerge, then the lines): taking the line first deadlocked against a
   * merge into the same cart. A guest cart merged while this waited no longer matches
   * `status = 'OPEN'` once the lock is granted, so the units open a new guest cart instead of
   * landing in the closed one. A line that a concurrent write filled past the cap after this
   * statement's snapshot is refused by the upsert's own condition.
   */
  async addLine(
    find: { tokenHash: string } | { cartId: string } | null,
    newTokenHash: string | null,
    line: { variantId: string; quantity: number },
    rules: { maxLines: number; maxLineQuantity: number },
  ): Promise<{ cart: CartRecord; created: boolean; refused: 'LINES' | 'QUANTITY' | null } | null> {
    const where = !find ? Prisma.sql`false` : 'tokenHash' in find ? Prisma.sql`c.token_hash = ${find.tokenHash} AND c.user_id IS NULL` : Prisma.sql`c.id = ${find.cartId}::uuid`;
    const rows = await this.prisma.sql.$queryRaw<
      { id: string; userId: string | null; tokenHash: string | null; created: boolean; refused: 'LINES' | 'QUANTITY' | null; items: unknown }[]
    >`
      WITH found AS (
        SELECT c.id, c.user_id, c.token_hash FROM carts c WHERE ${where} AND c.status = 'OPEN' FOR NO KEY UPDATE
      ), created AS (
        INSERT INTO carts (id, token_hash, updated_at)
        SELECT gen_random_uuid(), ${newTokenHash}::text, now() WHERE ${newTokenHash}::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM found)
        RETURNING id, user_id, token_hash
      ), cart AS (
        SELECT id, user_id, token_hash, false AS created FROM found UNION ALL SELECT id, user_id, token_hash, true FROM created
      ), before AS (
        -- Per cart through cart_items' (cart_id, variant_id) index (OFFSET 0 keeps it a lookup): the
        -- generic plan kept for every call hash-joined the whole table.
        SELECT i.id, i.variant_id, i.quantity, i.created_at FROM cart CROSS JOIN LATERAL (SELECT i.id, i.variant_id, i.quantity, i.created_at FROM cart_items i WHERE i.cart_id = cart.id OFFSET 0) i
      ), ${lineVerdictAndWrite(line, rules, Prisma.sql`id, variant_id, quantity, created_at`)}, touched AS (
        UPDATE carts SET updated_at = now() WHERE id IN (SELECT id FROM found) AND EXISTS (SELECT 1 FROM written) RETURNING id
      )
      SELECT cart.id, cart.user_id AS "userId", cart.token_hash AS "tokenHash", cart.created,
        COALESCE(verdict.refused, CASE WHEN NOT EXISTS (SELECT 1 FROM written) THEN 'QUANTITY' END) AS refused,
        ${LINES_AFTER_ADD} AS items
      FROM cart, verdict`;
    const row = rows[0];
    if (!row) return null;
    const cart = { id: row.id, status: 'OPEN' as const, userId: row.userId, tokenHash: row.tokenHash, mergedIntoId: null };
    return { cart: { ...cart, items: itemsOf(row.items, 'addLine') }, created: row.created, refused: row.refused };
  }

  /**
   * The shop's add to cart in one statement (issue 18): addLine without the lines (`lines:
   * false`), and only when the catalogue says the variant may be sold
   * (CatalogReadPort.sellableVariants, read in the same statement). `variant` answers what it
   * says (null: no such variant); when it may not be sold, nothing is locked or written and
   * `added` is null, as it is when `find` opens no cart and `newTokenHash` is null. `find` may
   * also name a signed-in shopper's open cart (`openUserId`).
   */
  async addSellableLine(
    find: { tokenHash: string } | { cartId: string } | { openUserId: string } | null,
    newTokenHash: string | null,
    line: { variantId: string; quantity: number },
    rules: { maxLines: number; maxLineQuantity: number },
  ): Promise<{ variant: VariantSellability | null; added: { cart: Omit<CartRecord, 'items'>; created: boolean; refused: 'LINES' | 'QUANTITY' | null } | null }> {
    const where = !find
      ? Prisma.sql`false`
      : 'tokenHash' in find
        ? Prisma.sql`c.token_hash = ${find.tokenHash} AND c.user_id IS NULL`
        : 'cartId' in find
          ? Prisma.sql`c.id = ${find.cartId}::uuid`
          : Prisma.sql`c.open_user_id = ${find.openUserId}::uuid`;
    const rows = await this.prisma.sql.$queryRaw<
      (Partial<VariantSellability> & { id: string | null; userId: string | null; tokenHash: string | null; created: boolean | null; refused: 'LINES' | 'QUANTITY' | null })[]
    >`
      WITH variant AS (
        SELECT v.museum_id, v.published, v.listable_for_china, v.customs_registered FROM ${CatalogReadPort.sellableVariants} v WHERE v.id = ${line.variantId}::uuid
      ), sellable AS (
        SELECT 1 FROM variant WHERE published AND listable_for_china AND customs_registered
      ), found AS (
        SELECT c.id, c.user_id, c.token_hash FROM carts c WHERE ${where} AND c.status = 'OPEN' AND EXISTS (SELECT 1 FROM sellable) FOR NO KEY UPDATE
      ), created AS (
        INSERT INTO carts (id, token_hash, updated_at)
        SELECT gen_random_uuid(), ${newTokenHash}::text, now() WHERE ${newTokenHash}::text IS NOT NULL AND EXISTS (SELECT 1 FROM sellable) AND NOT EXISTS (SELECT 1 FROM found)
        RETURNING id, user_id, token_hash
      ), cart AS (
        SELECT id, user_id, token_hash, false AS created FROM found UNION ALL SELECT id, user_id, token_hash, true FROM created
      ), before AS (
        -- As addLine's: per cart through the index, never a scan of the whole table.
        SELECT i.id, i.variant_id, i.quantity FROM cart CROSS JOIN LATERAL (SELECT i.id, i.variant_id, i.quantity FROM cart_items i WHERE i.cart_id = cart.id OFFSET 0) i
      ), ${lineVerdictAndWrite(line, rules, Prisma.sql`id`)}, touched AS (
        UPDATE carts SET updated_at = now() WHERE id IN (SELECT id FROM found) AND EXISTS (SELECT 1 FROM written) RETURNING id
      )
      SELECT variant.museum_id AS "museumId", variant.published, variant.listable_for_china AS "listableForChina", variant.customs_registered AS "customsRegistered",
        cart.id, cart.user_id AS "userId", cart.token_hash AS "tokenHash", cart.created,
        COALESCE(verdict.refused, CASE WHEN cart.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM written) THEN 'QUANTITY' END) AS refused
      FROM (SELECT 1) one LEFT JOIN variant ON true LEFT JOIN (cart CROSS JOIN verdict) ON true`;
    const row = rows[0]!;
    const variant =
      row.museumId == null ? null : { museumId: row.museumId, published: row.published === true, listableForChina: row.listableForChina === true, customsRegistered: row.customsRegistered === true };
    if (row.id == null) return { variant, added: null };
    const cart = { id: row.id, status: 'OPEN' as const, userId: row.userId, tokenHash: row.tokenHash, mergedIntoId: null };
    return { variant, added: { cart, created: row.created === true, refused: row.refused } };
  }

  async countItems(cartId: string): Promise<number> {
    return this.prisma.cartItem.count({ where: { cartId } });
  }

  /** Adds to the line of this variant, or opens it. Answers the new quantity. */
  async addItem(cartId: string, variantId: string, quantity: number): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ quantity: number }[]>`
      INSERT INTO cart_items (id, cart_id, variant_id, quantity) VALUES (gen_random_uuid(), ${cartId}::uuid, ${variantId}::uuid, ${quantity})
      ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = cart_items.quantity + excluded.quantity
      RETURNING quantity`;
    await this.touch(cartId);
    return rows[0].quantity;
  }

  async setItem(cartId: string, variantId: string, quantity: number): Promise<void> {
    if (quantity === 0) await this.prisma.cartItem.deleteMany({ where: { cartId, variantId } });
    else
      await this.prisma.cartItem.upsert({
        where: { cartId_variantId: { cartId, variantId } },
        create: { cartId, variantId, quantity },
        update: { quantity },
        select: { id: true },
      });
    await this.touch(cartId);
  }

  /**
   * Locks two carts (in id order, so two merges never wait on each other crosswise) and
   * answers their status, owner and lines as they are once locked.
   */
  async lockForMerge(tx: Tx, ids: readonly string[]): Promise<Map<string, Pick<CartRecord, 'id' | 'status' | 'userId' | 'mergedIntoId' | 'items'>>> {
    const locked = await tx.$queryRaw<{ id: string; status: CartStatus; userId: string | null; mergedIntoId: string | null }[]>`
      SELECT id, status::text AS status, user_id AS "userId", merged_into_id AS "mergedIntoId" FROM carts
      WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
    const items = await tx.cartItem.findMany({
      where: { cartId: { in: locked.map((c) => c.id) } },
      select: { id: true, cartId: true, variantId: true, quantity: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return new Map(locked.map((c) => [c.id, { ...c, items: items.filter((i) => i.cartId === c.id).map(({ cartId: _cartId, ...i }) => i) }]));
  }

  /**
   * Adds the merged units to the target cart (as increments capped at `maxLineQuantity`, so a
   * concurrent addCartLine is never overwritten) and closes the guest cart as MERGED.
   */
  async applyMerge(tx: Tx, guestId: string, targetId: string, lines: readonly { variantId: string; add: number }[], maxLineQuantity: number): Promise<void> {
    for (const l of lines) {
      await tx.$executeRaw`
        INSERT INTO cart_items (id, cart_id, variant_id, quantity) VALUES (gen_random_uuid(), ${targetId}::uuid, ${l.variantId}::uuid, ${l.add})
        ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = LEAST(cart_items.quantity + excluded.quantity, ${maxLineQuantity}::int)`;
    }
    const now = new Date();
    await tx.cart.update({ where: { id: guestId }, data: { status: 'MERGED', mergedIntoId: targetId, updatedAt: now }, select: { id: true } });
    if (lines.length) await tx.cart.update({ where: { id: targetId }, data: { updatedAt: now }, select: { id: true } });
  }

  private async touch(cartId: string): Promise<void> {
    await this.prisma.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() }, select: { id: true } });
  }
}

/**
 * The CTEs `verdict` (LINES or QUANTITY when the line may not be added, from `before`: the cart's
 * lines) and `written` (the line added or its quantity raised, returning `returning`), shared by
 * addLine and addSellableLine. They read the CTE `cart`.
 */
function lineVerdictAndWrite(line: { variantId: string; quantity: number }, rules: { maxLines: number; maxLineQuantity: number }, returning: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`verdict AS (
        SELECT CASE
          WHEN NOT EXISTS (SELECT 1 FROM before WHERE variant_id = ${line.variantId}::uuid) AND (SELECT count(*) FROM before) >= ${rules.maxLines}::int THEN 'LINES'
          WHEN COALESCE((SELECT quantity FROM before WHERE variant_id = ${line.variantId}::uuid), 0) + ${line.quantity}::int > ${rules.maxLineQuantity}::int THEN 'QUANTITY'
        END AS refused
      ), written AS (
        INSERT INTO cart_items (id, cart_id, variant_id, quantity)
        SELECT gen_random_uuid(), cart.id, ${line.variantId}::uuid, ${line.quantity}::int FROM cart, verdict WHERE verdict.refused IS NULL
        ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = cart_items.quantity + excluded.quantity
          WHERE cart_items.quantity + excluded.quantity <= ${rules.maxLineQuantity}::int
        RETURNING ${returning}
      )`;
}
