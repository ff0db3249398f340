/** A product image, small and square (the list, order lines, the licensing inbox); a grey square when there is none. */
export const Thumbnail = ({ url, alt = '', size = 48 }: { url: string | null | undefined; alt?: string; size?: number }) =>
  url ? (
    <img
      src={url}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      style={{ objectFit: 'cover', borderRadius: 4, display: 'block', flexShrink: 0 }}
      data-testid="thumbnail"
    />
  ) : (
    <span style={{ width: size, height: size, borderRadius: 4, display: 'block', flexShrink: 0, background: '#eee' }} data-testid="no-thumbnail" />
  );
