import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { isShortCode, qrPng, shareUrl, shortUrl } from './share';

describe('short links and their QR codes', () => {
  it('accepts only what a short code can be', () => {
    expect(isShortCode('p', '0AbCdEfGh12')).toBe(true);
    expect(isShortCode('p', '0AbCdEfGh1')).toBe(false);
    expect(isShortCode('p', '0AbCdEfGh1-')).toBe(false);
    expect(isShortCode('s', 'louvre')).toBe(true);
    expect(isShortCode('s', 'musee-d-orsay')).toBe(true);
    expect(isShortCode('s', '-louvre')).toBe(false);
    expect(isShortCode('s', 'a/b')).toBe(false);
  });

  it('builds the short link on the shop origin', () => {
    expect(shortUrl('https://shop.example.cn/', 'p', '0AbCdEfGh12')).toBe('https://shop.example.cn/p/0AbCdEfGh12');
    expect(shortUrl('https://shop.example.cn', 's', 'louvre')).toBe('https://shop.example.cn/s/louvre');
    expect(shareUrl('https://shop.example.cn', 'p', '0AbCdEfGh12')).toBe('https://shop.example.cn/p/0AbCdEfGh12?src=share-product');
    expect(shareUrl('https://shop.example.cn', 's', 'louvre')).toBe('https://shop.example.cn/s/louvre?src=share-storefront');
  });

  it('draws a QR code a camera reads back as the short link', async () => {
    const url = 'https://shop.example.cn/p/0AbCdEfGh12';
    const png = PNG.sync.read(await qrPng(url));
    expect([png.width, png.height]).toEqual([256, 256]);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
  });
});
