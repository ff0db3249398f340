import { notFound } from 'next/navigation';

/** Any path under a locale that no page matches: the translated 404. */
export default function Missing(): never {
  notFound();
}
