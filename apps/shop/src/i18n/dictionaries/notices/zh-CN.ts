import type { NoticesDictionary } from '../../notices-types';

export const noticesZhCN: NoticesDictionary = {
  title: '消息',
  accountUnread: '我的账户，{count} 条未读消息',
  link: '消息',
  empty: '暂无消息。',
  unread: '未读',
  older: '更早的消息',
  viewReturn: '查看退货',
  viewDrop: '查看限量发售',
  viewProduct: '查看商品',
};
