/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CreateMuseumInput = {
  /** ISO 3166 alpha-2 */
  country: string;
  legalName: string;
  /** The storefront’s name. */
  name: LocalizedTextInput;
  slug: string;
};

export type LocalizedTextInput = {
  en?: string | null | undefined;
  fr?: string | null | undefined;
  zhCN?: string | null | undefined;
};

/** Only OPEN storefronts are visible to shoppers. */
export type StorefrontStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN';

export type UpdateMuseumInput = {
  country?: string | null | undefined;
  id: string | number;
  legalName?: string | null | undefined;
};

export type MuseumFieldsFragment = { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } };

export type MuseumsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  full: boolean;
}>;


export type MuseumsQuery = { museums: { totalCount: number, nodes: Array<{ id: string } & { id?: string, slug?: string, legalName?: string, country?: string, storefront?: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type MyMuseumsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyMuseumsQuery = { myMuseums: Array<{ id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } }> };

export type MuseumQueryVariables = Exact<{
  id: string | number;
}>;


export type MuseumQuery = { museum: { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } } };

export type CreateMuseumMutationVariables = Exact<{
  input: CreateMuseumInput;
}>;


export type CreateMuseumMutation = { createMuseum: { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } } };

export type UpdateMuseumMutationVariables = Exact<{
  input: UpdateMuseumInput;
}>;


export type UpdateMuseumMutation = { updateMuseum: { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MuseumFieldsFragmentDoc = new TypedDocumentString(`
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}
    `, {"fragmentName":"MuseumFields"}) as unknown as TypedDocumentString<MuseumFieldsFragment, unknown>;
export const MuseumsDocument = new TypedDocumentString(`
    query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {
  museums(first: $first, after: $after, search: $search) {
    nodes {
      id
      ...MuseumFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<MuseumsQuery, MuseumsQueryVariables>;
export const MyMuseumsDocument = new TypedDocumentString(`
    query MyMuseums {
  myMuseums {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<MyMuseumsQuery, MyMuseumsQueryVariables>;
export const MuseumDocument = new TypedDocumentString(`
    query Museum($id: ID!) {
  museum(id: $id) {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<MuseumQuery, MuseumQueryVariables>;
export const CreateMuseumDocument = new TypedDocumentString(`
    mutation CreateMuseum($input: CreateMuseumInput!) {
  createMuseum(input: $input) {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<CreateMuseumMutation, CreateMuseumMutationVariables>;
export const UpdateMuseumDocument = new TypedDocumentString(`
    mutation UpdateMuseum($input: UpdateMuseumInput!) {
  updateMuseum(input: $input) {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<UpdateMuseumMutation, UpdateMuseumMutationVariables>;