import { decodeCursor } from '@vitrine/shared/graphql';
import { ValidationError, isUuid } from '@vitrine/shared/kernel';
import type { ProductCursor, ProductOrder } from '../infrastructure/product.repository';

const badCursor = () => new ValidationError([{ path: 'after', message: 'is not a valid cursor for this list and sort' }]);
const DATE_ORDERS: readonly ProductOrder[] = ['NEWEST', 'UPDATED'];

/** A product list cursor carries its sort, so a cursor from another sort is refused. */
export function productCursor(after: string | null | undefined, order: ProductOrder): ProductCursor | null {
  const values = decodeCursor(after, 3);
  if (!values) return null;
  const [sort, value, id] = values;
  if (sort !== order || !isUuid(id)) throw badCursor();
  if (DATE_ORDERS.includes(order) ? typeof value !== 'string' || Number.isNaN(Date.parse(value)) : order === 'NAME' ? typeof value !== 'string' : !Number.isInteger(value)) {
    throw badCursor();
  }
  return [value as string | number, id];
}

/** A cursor of a text key and an id, e.g. [accessionNumber, id]. */
export function keyCursor(after: string | null | undefined): [string, string] | null {
  const values = decodeCursor(after, 2);
  if (!values) return null;
  const [key, id] = values;
  if (typeof key !== 'string' || !isUuid(id)) throw badCursor();
  return [key, id];
}
