// The GET handler of /p/<code>/qr and /s/<code>/qr: the shared short link's QR code as a PNG.
import { NextResponse } from 'next/server';
import { shopOrigin } from './api/config';
import { isShortCode, qrPng, shareUrl, type ShortKind } from './share';

/** A short link's QR code never changes (the code is derived from the id, or is the slug): cached for a day. */
export function qrRoute(kind: ShortKind) {
  return async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
    const { code } = await params;
    if (!isShortCode(kind, code)) return new NextResponse(null, { status: 404 });
    const png = await qrPng(shareUrl(shopOrigin(), kind, code));
    return new NextResponse(new Uint8Array(png), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' } });
  };
}
