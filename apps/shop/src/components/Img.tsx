import { imageSources } from '../lib/format/images';

/** A responsive image: WebP and sized sources where the host resizes, lazy unless `priority`. */
export function Img({
  url,
  alt,
  sizes = '(min-width: 720px) 50vw, 100vw',
  widths,
  priority = false,
  className,
  aspect,
}: {
  url: string;
  alt: string;
  sizes?: string;
  widths?: readonly number[];
  priority?: boolean;
  className?: string;
  aspect?: { width: number; height: number };
}) {
  const s = imageSources(url, widths, aspect);
  return (
    <picture className={className}>
      {s.webpSrcSet ? <source type="image/webp" srcSet={s.webpSrcSet} sizes={sizes} /> : null}
      <img
        src={s.src}
        srcSet={s.srcSet}
        sizes={s.srcSet ? sizes : undefined}
        alt={alt}
        width={s.width}
        height={s.height}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding="async"
      />
    </picture>
  );
}
