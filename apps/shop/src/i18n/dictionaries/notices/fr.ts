import type { NoticesDictionary } from '../../notices-types';

export const noticesFr: NoticesDictionary = {
  title: 'Messages',
  accountUnread: 'Mon compte, {count} messages non lus',
  link: 'Messages',
  empty: 'Aucun message pour l’instant.',
  unread: 'Non lu',
  older: 'Messages plus anciens',
  viewReturn: 'Voir le retour',
  viewDrop: 'Voir l’édition limitée',
  viewProduct: 'Voir l’article',
};
