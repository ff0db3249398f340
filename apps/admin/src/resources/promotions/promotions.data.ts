import { gql } from '../../api/graphql';
import type { ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { PromotionDiscountType, PromotionFieldsFragment, PromotionInput, PromotionKind } from '../../generated/graphql';
import { getCurrentMuseumId } from '../../museum/current-museum';

/** A promotion as the API answers it (PromotionFields). */
export type PromotionRecord = PromotionFieldsFragment;

/** The form's shape: amounts in fen as the API's (typed in yuan: MinorUnitsInput), percentages in %, tiers as rows. */
export interface PromotionForm {
  museumId?: string | null;
  platformWide?: boolean;
  kind: PromotionKind;
  name: string;
  code?: string | null;
  tiers?: { minMinor: number; offMinor: number }[];
  every?: boolean;
  discountType?: PromotionDiscountType | null;
  percent?: number | null;
  amountOffMinor?: number | null;
  minSpendMinor?: number | null;
  perShopperLimit?: number | null;
  totalLimit?: number | null;
  productIds?: string[] | null;
  startsAt: string | Date;
  endsAt: string | Date;
}

graphql(`
  fragment PromotionFields on Promotion {
    id
    museumId
    kind
    name
    code
    tiers { minMinor offMinor }
    every
    discountType
    percentBps
    amountOffMinor
    minSpendMinor
    fundedBy
    perShopperLimit
    totalLimit
    usedCount
    discountGivenMinor
    productIds
    startsAt
    endsAt
    status
  }
`);
// Current ones, or (the list's "archived" filter) only the archived, which are read-only.
const PROMOTIONS = graphql(`
  query Promotions($museumId: ID, $archivedOnly: Boolean) { promotions(museumId: $museumId, archivedOnly: $archivedOnly) { ...PromotionFields } }
`);
const PROMOTION = graphql(`
  query Promotion($id: ID!) { promotion(id: $id) { ...PromotionFields } }
`);
const CREATE_PROMOTION = graphql(`
  mutation CreatePromotion($input: PromotionInput!) { createPromotion(input: $input) { ...PromotionFields } }
`);
const UPDATE_PROMOTION = graphql(`
  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) { updatePromotion(id: $id, input: $input) { ...PromotionFields } }
`);
const ARCHIVE_PROMOTION = graphql(`
  mutation ArchivePromotion($id: ID!) { archivePromotion(id: $id) { id status } }
`);

const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
const iso = (v: unknown) => new Date(String(v instanceof Date ? v.toISOString() : v)).toISOString();

/** Form values (%) to the API's input (basis points). */
export function toInput(f: PromotionForm, museumId: string | null): PromotionInput {
  const coupon = f.kind === 'COUPON';
  return {
    museumId,
    kind: f.kind,
    name: f.name,
    code: coupon ? (f.code ?? null) : null,
    tiers: coupon ? [] : (f.tiers ?? []).map((t) => ({ minMinor: t.minMinor, offMinor: t.offMinor })),
    every: !coupon && Boolean(f.every),
    discountType: coupon ? (f.discountType ?? null) : null,
    percentBps: coupon && f.discountType === 'PERCENT' && f.percent != null ? Math.round(Number(f.percent) * 100) : null,
    amountOffMinor: coupon && f.discountType === 'AMOUNT' && f.amountOffMinor != null ? f.amountOffMinor : null,
    minSpendMinor: coupon && f.minSpendMinor ? f.minSpendMinor : 0,
    perShopperLimit: num(f.perShopperLimit),
    totalLimit: num(f.totalLimit),
    productIds: f.productIds?.length ? f.productIds : null,
    startsAt: iso(f.startsAt),
    endsAt: iso(f.endsAt),
  };
}

/** A record as the form edits it: the percentage in %. */
export function toForm(p: PromotionRecord): PromotionRecord & PromotionForm {
  return { ...p, platformWide: p.museumId === null, percent: p.percentBps != null ? p.percentBps / 100 : null };
}

/** Ends a promotion now for new carts (orders placed with it keep their discount). */
export const archivePromotion = (id: string) => gql(ARCHIVE_PROMOTION, { id });

export const promotionsData: ResourceHandler = {
  async getList(params) {
    const museumId = getCurrentMuseumId();
    const r = await gql(PROMOTIONS, { museumId, archivedOnly: params.filter?.archived === true });
    const data = r.promotions.map(toForm);
    return { data, total: data.length };
  },
  async getOne({ id }) {
    const r = await gql(PROMOTION, { id: String(id) });
    return { data: toForm(r.promotion) };
  },
  async create({ data }) {
    const f = data as PromotionForm;
    const r = await gql(CREATE_PROMOTION, {
      input: toInput(f, f.platformWide ? null : getCurrentMuseumId()),
    });
    return { data: toForm(r.createPromotion) };
  },
  async update({ id, data }) {
    const f = data as PromotionForm;
    const r = await gql(UPDATE_PROMOTION, {
      id: String(id),
      input: toInput(f, f.museumId ?? null),
    });
    return { data: toForm(r.updatePromotion) };
  },
};
