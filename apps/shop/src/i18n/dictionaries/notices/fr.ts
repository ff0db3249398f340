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
  kinds: {
    DROP_OPEN: 'Une édition limitée que vous suivez a commencé.',
    DROP_TURN: 'C’est votre tour : payez votre édition limitée avant la fin du délai.',
    DROP_WON: 'Vous avez été tiré au sort : payez votre édition limitée avant la fin du délai.',
    DROP_TURN_EXPIRED: 'Votre tour a pris fin avant le paiement.',
    DROP_NOT_SELECTED: 'Vous n’avez pas été retenu pour cette édition limitée.',
    BACK_IN_STOCK: 'Un article que vous attendiez est de nouveau en stock.',
  },
};
