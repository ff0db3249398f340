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
  kinds: {
    DROP_OPEN: 'A drop you follow has opened.',
    DROP_TURN: 'It is your turn: pay for your limited edition before your time ends.',
    DROP_WON: 'You were drawn: pay for your limited edition before your time ends.',
    DROP_TURN_EXPIRED: 'Your turn in the drop ended before payment.',
    DROP_NOT_SELECTED: 'You were not selected in this drop.',
    BACK_IN_STOCK: 'An item you asked about is back in stock.',
  },
};
