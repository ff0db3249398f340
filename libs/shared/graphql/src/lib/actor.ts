// Actor and the tenancy helpers live in the kernel (issue 19: application services need not import GraphQL); re-exported for the resolvers and guards.
export { type Actor, type ActorRole, isPlatformAdmin, canManageMuseum, managedMuseumScope } from '@vitrine/shared/kernel';
