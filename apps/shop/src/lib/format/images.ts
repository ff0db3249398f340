// Responsive images: the catalogue's image hosts that resize by URL get a srcset (and WebP);
// any other URL is used as it is.

export interface ImageSources {
  src: string;
  srcSet?: string;
  webpSrcSet?: string;
  width: number;
  height: number;
}

/** picsum-style `/seed/<seed>/<w>/<h>` paths (the demo catalogue and the factories' sizes). */
const SIZED = /^(https:\/\/[^/]+\/seed\/[^/]+)\/(\d+)\/(\d+)(\.\w+)?$/;

export function imageSources(url: string, widths: readonly number[] = [400, 800], fallback: { width: number; height: number } = { width: 800, height: 800 }): ImageSources {
  const m = SIZED.exec(url);
  if (!m) return { src: url, ...fallback };
  const [, base, w, h] = m;
  const ratio = Number(h) / Number(w);
  const at = (width: number, ext = '') => `${base}/${width}/${Math.round(width * ratio)}${ext}`;
  const largest = widths[widths.length - 1] ?? Number(w);
  return {
    src: at(largest),
    srcSet: widths.map((width) => `${at(width)} ${width}w`).join(', '),
    webpSrcSet: widths.map((width) => `${at(width, '.webp')} ${width}w`).join(', '),
    width: largest,
    height: Math.round(largest * ratio),
  };
}
