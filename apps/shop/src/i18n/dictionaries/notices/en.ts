import type { NoticesDictionary } from '../../notices-types';

export const noticesEn: NoticesDictionary = {
  title: 'Notices',
  accountUnread: 'My account, {count} unread notices',
  link: 'Notices',
  empty: 'No notices yet.',
  unread: 'Unread',
  older: 'Older notices',
  viewReturn: 'View the return',
  viewDrop: 'View the drop',
  viewProduct: 'View the item',
};
