import type { Dictionary } from '../i18n/dictionary';

export function Footer({ dict }: { dict: Dictionary }) {
  return (
    <footer className="site-footer">
      <p>{dict.footer.tagline}</p>
      <p className="notice">{dict.footer.crossBorderNotice}</p>
    </footer>
  );
}
