import type { Request, Response } from 'express';
import type { Actor } from './actor';
import { LoaderRegistry } from './loader-registry';

/** The GraphQL context: one per HTTP request. */
export interface RequestContext {
  req: Request;
  res: Response;
  actor: Actor | null;
  loaders: LoaderRegistry;
}
