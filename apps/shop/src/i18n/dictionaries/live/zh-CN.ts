import type { LiveDictionary } from '../../live-types';

export const liveZhCN: LiveDictionary = {
  title: '直播',
  watch: '观看直播',
  nothingPinned: '主播稍后会推荐商品，请稍候。',
  pinned: '正在讲解',
  left: '还剩 {count} 件',
  soldOut: '已售罄',
  flash: '限时价',
  flashEndsIn: '限时价 {time} 后结束',
  variant: '款式',
  add: '加入购物车',
  adding: '正在加入…',
  added: '已加入购物车：{quantity} 件，单价 {price}',
  viewCart: '去购物车',
  announcements: '直播公告',
  bag: '直播间商品',
  scheduled: '直播尚未开始',
  ended: '直播已结束',
  cancelled: '本场直播已取消，感谢关注。',
  reconnecting: '正在重新连接…',
  local: {},
};
