// Forms that post to route handlers (the product page's, which has no client JavaScript and so
// no server actions: ADR 0027). The answer is a 303 to the page, with the outcome in its URL.
import { NextResponse, type NextRequest } from 'next/server';

/** See Other, to a path on the shop (relative: right behind any proxy). */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path, 'cache-control': 'private, no-store' } });
}

/**
 * A post from the shop's own pages: browsers send Origin with every form post, and it must name
 * the host the request came to (as Next checks for server actions). No Origin: not a browser's form.
 */
export function fromOwnPage(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
