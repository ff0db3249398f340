import type { LiveDictionary } from '../../live-types';

export const liveFr: LiveDictionary = {
  title: 'Direct',
  watch: 'Regarder le direct',
  nothingPinned: 'L’animateur présentera bientôt un produit.',
  pinned: 'En ce moment',
  left: 'Plus que {count}',
  soldOut: 'Épuisé',
  flash: 'Prix flash',
  flashEndsIn: 'Prix flash encore {time}',
  variant: 'Option',
  add: 'Ajouter au panier',
  adding: 'Ajout…',
  added: 'Ajouté au panier : {quantity} à {price} l’unité',
  viewCart: 'Voir le panier',
  announcements: 'Annonces',
  bag: 'Dans ce direct',
  scheduled: 'Le direct n’a pas commencé',
  ended: 'Ce direct est terminé',
  cancelled: 'Ce direct a été annulé. Merci de votre intérêt.',
  reconnecting: 'Reconnexion…',
  local: {},
};
