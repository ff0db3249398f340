// The Pages Router's document: <html lang> of the page's locale, like [locale]/layout.tsx.
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { DEFAULT_LOCALE, isLocale, type ShopLocale } from '../i18n/locales';

export default class ShopDocument extends Document<{ lang: ShopLocale }> {
  static async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & { lang: ShopLocale }> {
    const initial = await Document.getInitialProps(ctx);
    const locale = ctx.query['locale'];
    return { ...initial, lang: typeof locale === 'string' && isLocale(locale) ? locale : DEFAULT_LOCALE };
  }

  render() {
    return (
      <Html lang={this.props.lang}>
        <Head />
        <body>
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
