import { imageSources } from './images';

describe('responsive images', () => {
  it('offers sized and WebP variants of resizable URLs, keeping the aspect ratio', () => {
    const s = imageSources('https://picsum.photos/seed/louvre-banner/1600/500', [390, 780]);
    expect(s.src).toBe('https://picsum.photos/seed/louvre-banner/780/244');
    expect(s.srcSet).toBe('https://picsum.photos/seed/louvre-banner/390/122 390w, https://picsum.photos/seed/louvre-banner/780/244 780w');
    expect(s.webpSrcSet).toContain('/390/122.webp 390w');
    expect({ w: s.width, h: s.height }).toEqual({ w: 780, h: 244 });
  });

  it('leaves other URLs alone', () => {
    expect(imageSources('https://img.example.test/a.jpg')).toEqual({ src: 'https://img.example.test/a.jpg', width: 800, height: 800 });
  });
});
