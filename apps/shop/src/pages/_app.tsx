// The Pages Router's app: only the product page lives in pages/ (ADR 0027); it is rendered
// without client JavaScript, so this runs on the server only. The same global CSS as the App Router's layout.
import type { AppProps } from 'next/app';
import '../app/globals.css';

export default function ShopApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
