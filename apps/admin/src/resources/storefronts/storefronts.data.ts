import { gql } from '../../api/graphql';
import { LOCALIZED, toTextInput, type LocalizedText } from '../../data/localized';
import type { ResourceHandler } from '../../data/resource-handler';

export type StorefrontStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
/** A museum's storefront; the record id is the museum id (one storefront per museum). */
export interface StorefrontRecord {
  id: string;
  storefrontId: string;
  museumId: string;
  slug: string;
  name: LocalizedText;
  story: LocalizedText;
  bannerUrl: string | null;
  featuredCollectionIds: string[];
  status: StorefrontStatus;
  /** Cleared parcels booked with the carrier at once (true) or handed over from the order page. */
  autoBookCarrier: boolean;
  /** The museum's China customs registration as e-commerce enterprise (10 characters) and its registered name; without them it cannot sell to China. */
  customsCode: string | null;
  customsName: string | null;
}
type ApiStorefront = Omit<StorefrontRecord, 'storefrontId'>;
const FIELDS = `id museumId slug status bannerUrl name { ${LOCALIZED} } story { ${LOCALIZED} } featuredCollectionIds autoBookCarrier customsCode customsName`;

const fromApi = (s: ApiStorefront): StorefrontRecord => ({ ...s, id: s.museumId, storefrontId: s.id });

export const storefrontsData: ResourceHandler = {
  async getOne({ id }) {
    const r = await gql<{ managedStorefront: ApiStorefront }>(
      `query ManagedStorefront($museumId: ID!) { managedStorefront(museumId: $museumId) { ${FIELDS} } }`,
      { museumId: id },
    );
    return { data: fromApi(r.managedStorefront) };
  },
  async update({ id, data }) {
    const r = await gql<{ updateStorefront: ApiStorefront }>(
      `mutation UpdateStorefront($input: UpdateStorefrontInput!) { updateStorefront(input: $input) { ${FIELDS} } }`,
      {
        input: {
          museumId: id,
          name: toTextInput(data.name),
          story: toTextInput(data.story),
          bannerUrl: data.bannerUrl?.trim() || null,
          featuredCollectionIds: data.featuredCollectionIds ?? [],
          status: data.status,
          autoBookCarrier: data.autoBookCarrier ?? true,
          // Both or neither: empty fields remove the registration.
          customsCode: data.customsCode?.trim().toUpperCase() || null,
          customsName: data.customsName?.trim() || null,
        },
      },
    );
    return { data: fromApi(r.updateStorefront) };
  },
};
