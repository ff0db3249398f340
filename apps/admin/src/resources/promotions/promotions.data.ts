import { gql } from '../../api/graphql';
import type { ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { PromotionDiscountType, PromotionFieldsFragment, PromotionInput, PromotionKind } from '../../generated/graphql';
import { getCurrentMuseumId } from '../../museum/current-museum';

/** A promotion as the API answers it (PromotionFields); `tierTerms`: the tiers in fen as answered (the form edits `tiers` in yuan). */
export type PromotionRecord = PromotionFieldsFragment & { tierTerms?: PromotionFieldsFragment['tiers'] };

/** The form's shape: amounts in yuan, percentages in %, tiers as rows. */
export interface PromotionForm {
  museumId?: string | null;
  platformWide?: boolean;
  kind: PromotionKind;
  name: string;
  code?: string | null;
  tiers?: { minYuan: number; offYuan: number }[];
  every?: boolean;
  discountType?: PromotionDiscountType | null;
  percent?: number | null;
  amountOffYuan?: number | null;
  minSpendYuan?: number | null;
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

const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);
const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
const iso = (v: unknown) => new Date(String(v instanceof Date ? v.toISOString() : v)).toISOString();

/** Form values (yuan, %) to the API's input (fen, basis points). */
export function toInput(f: PromotionForm, museumId: string | null): PromotionInput {
  const coupon = f.kind === 'COUPON';
  return {
    museumId,
    kind: f.kind,
    name: f.name,
    code: coupon ? (f.code ?? null) : null,
    tiers: coupon ? [] : (f.tiers ?? []).map((t) => ({ minMinor: fen(t.minYuan), offMinor: fen(t.offYuan) })),
    every: !coupon && Boolean(f.every),
    discountType: coupon ? (f.discountType ?? null) : null,
    percentBps: coupon && f.discountType === 'PERCENT' && f.percent != null ? Math.round(Number(f.percent) * 100) : null,
    amountOffMinor: coupon && f.discountType === 'AMOUNT' && f.amountOffYuan != null ? fen(f.amountOffYuan) : null,
    minSpendMinor: coupon && f.minSpendYuan ? fen(f.minSpendYuan) : 0,
    perShopperLimit: num(f.perShopperLimit),
    totalLimit: num(f.totalLimit),
    productIds: f.productIds?.length ? f.productIds : null,
    startsAt: iso(f.startsAt),
    endsAt: iso(f.endsAt),
  };
}

/** A record as the form edits it. */
export function toForm(p: PromotionRecord): PromotionRecord & PromotionForm {
  return {
    ...p,
    platformWide: p.museumId === null,
    tierTerms: p.tiers,
    tiers: p.tiers.map((t) => ({ minYuan: t.minMinor / 100, offYuan: t.offMinor / 100 })),
    percent: p.percentBps != null ? p.percentBps / 100 : null,
    amountOffYuan: p.amountOffMinor != null ? p.amountOffMinor / 100 : null,
    minSpendYuan: p.minSpendMinor / 100,
  } as PromotionRecord & PromotionForm;
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
