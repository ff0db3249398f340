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
  kinds: {
    DROP_OPEN: '您关注的限量发售已开始。',
    DROP_TURN: '轮到您了：请在时限内为限量商品付款。',
    DROP_WON: '您已中签：请在时限内为限量商品付款。',
    DROP_TURN_EXPIRED: '您的购买时段已在付款前结束。',
    DROP_NOT_SELECTED: '很遗憾，您本次未获得购买资格。',
    BACK_IN_STOCK: '您关注的商品已补货。',
  },
};
