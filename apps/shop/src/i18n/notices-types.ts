/** Texts of the shopper's notices page and the header's unread badge (dictionaries/notices/<locale>.ts). */
export interface NoticesDictionary {
  title: string;
  /** The account link's accessible name with unread notices: `{count}` unread */
  accountUnread: string;
  /** The account page's link to the notices */
  link: string;
  empty: string;
  unread: string;
  older: string;
  /** Link texts */
  viewReturn: string;
  viewDrop: string;
  viewProduct: string;
}
