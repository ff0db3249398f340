import type { LiveDictionary } from '../../live-types';

export const liveEn: LiveDictionary = {
  title: 'Live',
  watch: 'Watch the stream',
  nothingPinned: 'The host will show a product shortly.',
  pinned: 'Now showing',
  left: '{count} left',
  soldOut: 'Sold out',
  flash: 'Flash price',
  flashEndsIn: 'Flash price ends in {time}',
  variant: 'Option',
  add: 'Add to cart',
  adding: 'Adding…',
  added: 'Added to your cart: {quantity} at {price} each',
  viewCart: 'View cart',
  announcements: 'Announcements',
  bag: 'In this live',
  scheduled: 'The live has not started yet',
  ended: 'This live has ended',
  cancelled: 'This live has been cancelled. Thank you for watching.',
  reconnecting: 'Reconnecting…',
  local: {},
};
