import { notFound } from 'next/navigation';
import { isShopApiError } from './errors';

/** The API's NOT_FOUND (or a malformed id) as the shop's translated 404; other errors go on to error.tsx. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (isShopApiError(e) && (e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT')) notFound();
    throw e;
  }
}
