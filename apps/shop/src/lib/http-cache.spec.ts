import { pageCacheControl, PUBLIC_PAGE_CACHE_CONTROL } from './http-cache';

const anonymous = { method: 'GET', signedIn: false, rsc: false };

describe('which pages a shared HTTP cache may replay', () => {
  it('lets the anonymous catalogue pages be replayed for 30 s (+30 s stale while revalidating)', () => {
    expect(PUBLIC_PAGE_CACHE_CONTROL).toBe('public, s-maxage=30, stale-while-revalidate=30');
    for (const pathname of ['/zh-CN', '/en/', '/zh-CN/products/7f0c1d9e-0b6a-4a3e-9a53-4d2c8f7e6a11', '/fr/m/louvre', '/en/m/louvre/works/abc', '/zh-CN/m/orsay/collections/scarves']) {
      expect(pageCacheControl({ ...anonymous, pathname })).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    }
    expect(pageCacheControl({ ...anonymous, method: 'HEAD', pathname: '/zh-CN' })).toBe(PUBLIC_PAGE_CACHE_CONTROL);
  });

  it('never for the shopper’s own pages, other locales’ lookalikes, signed-in requests, App Router navigations or writes', () => {
    for (const pathname of ['/zh-CN/cart', '/zh-CN/checkout', '/zh-CN/orders', '/zh-CN/account', '/zh-CN/session', '/zh-CN/search', '/de/products/x', '/zh-CN/products/x/y', '/zh-CN/m/louvre/other/x']) {
      expect(pageCacheControl({ ...anonymous, pathname })).toBeNull();
    }
    const product = '/zh-CN/products/7f0c1d9e-0b6a-4a3e-9a53-4d2c8f7e6a11';
    expect(pageCacheControl({ ...anonymous, pathname: product, signedIn: true })).toBeNull();
    expect(pageCacheControl({ ...anonymous, pathname: product, rsc: true })).toBeNull();
    expect(pageCacheControl({ ...anonymous, pathname: product, method: 'POST' })).toBeNull();
  });
});
