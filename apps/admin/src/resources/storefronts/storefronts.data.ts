import { gql } from '../../api/graphql';
import { toTextInput } from '../../data/localized';
import type { ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { StorefrontFieldsFragment, StorefrontStatus } from '../../generated/graphql';

export type { StorefrontStatus };
/**
 * A museum's storefront (StorefrontFields); the record id is the museum id (one storefront per
 * museum), the storefront's own id is `storefrontId`. `autoBookCarrier`: cleared parcels booked
 * with the carrier at once (true) or handed over from the order page; `customsCode`/`customsName`:
 * the museum's China customs registration as e-commerce enterprise (10 characters) and its
 * registered name, without which it cannot sell to China.
 */
export type StorefrontRecord = Omit<StorefrontFieldsFragment, 'id'> & { id: string; storefrontId: string };
graphql(`
  fragment StorefrontFields on ManagedStorefront {
    id
    museumId
    slug
    status
    bannerUrl
    name { fr en zhCN }
    story { fr en zhCN }
    featuredCollectionIds
    autoBookCarrier
    customsCode
    customsName
  }
`);
const MANAGED_STOREFRONT = graphql(`
  query ManagedStorefront($museumId: ID!) { managedStorefront(museumId: $museumId) { ...StorefrontFields } }
`);
const UPDATE_STOREFRONT = graphql(`
  mutation UpdateStorefront($input: UpdateStorefrontInput!) { updateStorefront(input: $input) { ...StorefrontFields } }
`);

const fromApi = (s: StorefrontFieldsFragment): StorefrontRecord => ({ ...s, id: s.museumId, storefrontId: s.id });

export const storefrontsData: ResourceHandler = {
  async getOne({ id }) {
    const r = await gql(MANAGED_STOREFRONT, { museumId: String(id) });
    return { data: fromApi(r.managedStorefront) };
  },
  async update({ id, data }) {
    const r = await gql(
      UPDATE_STOREFRONT,
      {
        input: {
          museumId: String(id),
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
