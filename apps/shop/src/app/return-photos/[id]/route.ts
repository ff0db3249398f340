// A return photo on the shop's own origin (ADR 0020): the shopper's browser never talks to the
// API, so the signed, expiring link the API gave with the return (`/return-photos/<id>?expires=…&signature=…`)
// is answered here by asking the API for the same path. The link is the permission: no cookie or
// token is sent, and the API's answer (403 for a changed or expired link, 404 once the photo is
// deleted) and its headers (private, max-age of the link's time left; nosniff; sandbox CSP) pass through.
import { NextResponse, type NextRequest } from 'next/server';
import { apiUrl } from '../../../lib/api/config';
import { isId } from '../../../lib/api/catalog';

const PASSED = ['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'content-security-policy', 'referrer-policy'];

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const expires = request.nextUrl.searchParams.get('expires');
  const signature = request.nextUrl.searchParams.get('signature');
  if (!isId(id) || !expires || !signature) return new NextResponse(null, { status: 404 });
  const target = new URL(`/return-photos/${id}`, apiUrl());
  target.searchParams.set('expires', expires);
  target.searchParams.set('signature', signature);
  let res: Response;
  try {
    res = await fetch(target, { cache: 'no-store', signal: AbortSignal.timeout(15_000) });
  } catch {
    return new NextResponse(null, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  if (res.ok) for (const name of PASSED) if (res.headers.has(name)) headers.set(name, res.headers.get(name)!);
  // A refusal's body is the API's JSON error: only its status is told.
  return new NextResponse(res.ok ? res.body : null, { status: res.status, headers });
}
