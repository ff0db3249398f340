/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment MuseumFields on ManagedMuseum {\n    id\n    slug\n    legalName\n    country\n    storefront { id status name { fr en zhCN } }\n  }\n": typeof types.MuseumFieldsFragmentDoc,
    "\n  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {\n    museums(first: $first, after: $after, search: $search) {\n      nodes { id ...MuseumFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.MuseumsDocument,
    "\n  query MyMuseums { myMuseums { ...MuseumFields } }\n": typeof types.MyMuseumsDocument,
    "\n  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }\n": typeof types.MuseumDocument,
    "\n  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }\n": typeof types.CreateMuseumDocument,
    "\n  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }\n": typeof types.UpdateMuseumDocument,
};
const documents: Documents = {
    "\n  fragment MuseumFields on ManagedMuseum {\n    id\n    slug\n    legalName\n    country\n    storefront { id status name { fr en zhCN } }\n  }\n": types.MuseumFieldsFragmentDoc,
    "\n  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {\n    museums(first: $first, after: $after, search: $search) {\n      nodes { id ...MuseumFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.MuseumsDocument,
    "\n  query MyMuseums { myMuseums { ...MuseumFields } }\n": types.MyMuseumsDocument,
    "\n  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }\n": types.MuseumDocument,
    "\n  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }\n": types.CreateMuseumDocument,
    "\n  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }\n": types.UpdateMuseumDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MuseumFields on ManagedMuseum {\n    id\n    slug\n    legalName\n    country\n    storefront { id status name { fr en zhCN } }\n  }\n"): typeof import('./graphql').MuseumFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {\n    museums(first: $first, after: $after, search: $search) {\n      nodes { id ...MuseumFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MuseumsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMuseums { myMuseums { ...MuseumFields } }\n"): typeof import('./graphql').MyMuseumsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }\n"): typeof import('./graphql').MuseumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }\n"): typeof import('./graphql').CreateMuseumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }\n"): typeof import('./graphql').UpdateMuseumDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
