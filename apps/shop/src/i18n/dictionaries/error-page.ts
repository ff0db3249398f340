import type { ShopLocale } from '../locales';
import type { Dictionary } from '../types';

/**
 * The error page's texts on their own: [locale]/error.tsx is a client component that every page
 * loads up front, and taking them from the whole dictionaries put all three locales' texts into
 * each page's first JavaScript (22.5 KB gzip). The dictionaries take theirs from here.
 */
export const ERROR_PAGE_TEXTS: Record<ShopLocale, Dictionary['errorPage']> = {
  'zh-CN': {
    title: '出错了',
    body: '页面暂时无法显示，请稍后再试。',
    retry: '重试',
    backHome: '返回首页',
  },
  en: {
    title: 'Something went wrong',
    body: 'This page cannot be shown right now. Please try again in a moment.',
    retry: 'Try again',
    backHome: 'Back to the home page',
  },
  fr: {
    title: 'Une erreur est survenue',
    body: 'Cette page ne peut pas s’afficher pour le moment. Réessayez dans un instant.',
    retry: 'Réessayer',
    backHome: 'Retour à l’accueil',
  },
};
