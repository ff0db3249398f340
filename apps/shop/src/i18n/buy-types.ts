/**
 * The buying half of the shop (cart, checkout, payment, orders, account): its texts live in
 * their own section `buy` of each dictionary (dictionaries/buy/<locale>.ts) so the two halves
 * of the shop edit different files. `{name}` placeholders are filled by `fill()`.
 */
export interface BuyDictionary {
  cart: {
    title: string;
    empty: string;
    continueShopping: string;
    /** Order `{index}` of `{count}` · sold by `{museum}` */
    orderHeading: string;
    /** Shipped by `{brand}` (co-branded lines a brand ships) */
    fulfilledByBrand: string;
    mode9610: string;
    mode1210: string;
    modeNote: string;
    quantity: string;
    decrease: string;
    increase: string;
    remove: string;
    unitPrice: string;
    goods: string;
    shipping: string;
    tax: string;
    orderTotal: string;
    grandTotal: string;
    /** Promotions (issue 22): the discount row, the list of applied promotions and the coupon form. */
    discount: string;
    promotionsTitle: string;
    /** The section's title while no promotion applies (a coupon may still be entered). */
    couponTitle: string;
    /** You save `{amount}` */
    saving: string;
    /** Funded by the platform (cross-store) */
    platformFunded: string;
    couponLabel: string;
    couponApply: string;
    couponRemove: string;
    /** Coupon `{code}` applied */
    couponApplied: string;
    /** Coupon `{code}`: */
    couponNotApplied: string;
    /** Spend `{amount}` more to use it (the minimum spend's shortfall). */
    couponSpendMore: string;
    /** `{count}` orders: one per seller and customs mode */
    splitNote: string;
    /** Customs value `{used}` of the `{limit}` per-order limit */
    orderLimit: string;
    /** `{left}` left before the per-order limit */
    orderLimitLeft: string;
    orderLimitOver: string;
    /** Yearly cross-border limit: `{limit}` per person */
    yearlyLimit: string;
    yearlyLimitNote: string;
    checkout: string;
    problemOutOfStock: string;
    /** Only `{available}` left */
    problemAvailable: string;
    problemNotListable: string;
    problemsBlock: string;
    /** One item above the yearly limit ({value}, {limit}): placeOrder's SINGLE_ITEM_OVER_LIMIT. */
    problemSingleItem: string;
    /** The cart's customs value {value} above the yearly limit {limit}: ANNUAL_LIMIT_EXCEEDED. */
    problemAnnual: string;
    checkedOut: string;
    payNow: string;
    updated: string;
  };
  quota: {
    title: string;
    intro: string;
    check: string;
    /** `{remaining}` of `{limit}` left this year for `{id}` */
    remaining: string;
    /** `{limit}` a year per person; the figures show once you ordered with this ID */
    notCounted: string;
    /** Label of the saved orderer identity picker */
    orderer: string;
    show: string;
    /** Above the saved identities' quota */
    savedIntro: string;
    /** The cart's `{value}` fits: `{left}` left after it */
    cartFits: string;
    /** The cart's `{value}` is above the identity's `{remaining}` */
    cartOver: string;
    /** Above the name + ID form, when saved identities are shown */
    otherIntro: string;
  };
  checkout: {
    title: string;
    orderer: string;
    ordererNote: string;
    /** A saved orderer identity to pick: `{name}` `{id}` (masked) */
    savedIdentity: string;
    /** The choice to type another orderer's name and ID number */
    otherIdentity: string;
    /** Under the saved identities: the number is kept by the API and not shown */
    savedIdentityNote: string;
    realName: string;
    residentId: string;
    residentIdHint: string;
    idOk: string;
    idFormat: string;
    idArea: string;
    idBirthDate: string;
    idCheckCharacter: string;
    /** `{count}` of 18 characters */
    idProgress: string;
    phone: string;
    phoneHint: string;
    address: string;
    recipient: string;
    province: string;
    city: string;
    district: string;
    choose: string;
    street: string;
    postalCode: string;
    riskTitle: string;
    riskText: string;
    riskLabel: string;
    payment: string;
    alipay: string;
    wechatPay: string;
    card: string;
    summary: string;
    placeOrder: string;
    placing: string;
    refused: string;
    fixFields: string;
    required: string;
    cartEmpty: string;
    signInHint: string;
    /** The shop's own checks, before the API sees the form */
    phoneInvalid: string;
    postalInvalid: string;
  };
  pay: {
    wechatTitle: string;
    wechatScan: string;
    wechatOpen: string;
    qrAlt: string;
    check: string;
    alipayRedirect: string;
    /** Pay before `{time}` or the goods are released */
    holdUntil: string;
  };
  /** The card step: Stripe's Payment Element, or the Stripe sandbox's card form. */
  card: {
    title: string;
    /** Over the sandbox form: no real card, no real money */
    sandboxBadge: string;
    sandboxNote: string;
    number: string;
    /** MM/YY */
    expiry: string;
    cvc: string;
    cardholderNote: string;
    /** `{amount}` */
    pay: string;
    paying: string;
    /** Under the Payment Element: the card goes to Stripe, not the shop */
    secureNote: string;
    loading: string;
    loadFailed: string;
    /** The shop has neither Stripe's publishable key nor the sandbox */
    unavailable: string;
    numberInvalid: string;
    expiryInvalid: string;
    cvcInvalid: string;
    /** Stripe refused the confirmation (the sandbox or Stripe.js) */
    confirmFailed: string;
    /** The card step's last button: to the order's page, where it can be cancelled (items back in the cart) */
    toOrder: string;
  };
  confirmation: {
    title: string;
    paid: string;
    paidBody: string;
    failed: string;
    failedBody: string;
    processing: string;
    processingBody: string;
    unpaid: string;
    unpaidBody: string;
    payByCard: string;
    cancelled: string;
    retryTitle: string;
    retryIdNote: string;
    retry: string;
    abandon: string;
    abandoned: string;
    viewOrder: string;
    /** Order `{number}` */
    orderNumber: string;
    /** Declined: `{code}` */
    declined: string;
  };
  orders: {
    title: string;
    empty: string;
    signInToSee: string;
    /** Placed on `{date}` */
    placedOn: string;
    total: string;
    items: string;
    timeline: string;
    parcel: string;
    /** Waybill `{number}` */
    waybill: string;
    recipient: string;
    orderer: string;
    customsMode: string;
    noParcel: string;
    status: Record<'PENDING_PAYMENT' | 'PAID' | 'CUSTOMS_SUBMITTED' | 'HELD' | 'CLEARED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'REFUNDED', string>;
    /** What each state means for the shopper */
    statusNote: Record<'PENDING_PAYMENT' | 'PAID' | 'CUSTOMS_SUBMITTED' | 'HELD' | 'CLEARED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'REFUNDED', string>;
    parcelStatus: Record<string, string>;
    trackingStatus: Record<string, string>;
    refresh: string;
  };
  /** The shopper's saved delivery addresses: the account's address book and checkout's picker. */
  addressBook: {
    title: string;
    note: string;
    empty: string;
    add: string;
    newTitle: string;
    editTitle: string;
    edit: string;
    delete: string;
    setDefault: string;
    /** Accessible names of a listed address's buttons: `{address}` is its recipient and street */
    editLabel: string;
    deleteLabel: string;
    setDefaultLabel: string;
    /** The question a listed address's Delete opens (`{address}`), and its button's text and accessible name */
    deleteQuestion: string;
    deleteConfirm: string;
    deleteConfirmLabel: string;
    defaultBadge: string;
    makeDefault: string;
    postalOptional: string;
    save: string;
    saving: string;
    cancel: string;
    saved: string;
    deleted: string;
    defaultSet: string;
    refused: string;
    /** `{count}` of `{max}` saved */
    count: string;
    /** Checkout: the saved addresses to choose from */
    picker: string;
    newAddress: string;
    saveToBook: string;
    manage: string;
  };
  account: {
    title: string;
    /** Signed in as `{name}` */
    signedInAs: string;
    signIn: string;
    signUp: string;
    signOut: string;
    email: string;
    password: string;
    passwordHint: string;
    displayName: string;
    noAccount: string;
    haveAccount: string;
    guestNote: string;
    orders: string;
    identities: string;
    identitiesEmpty: string;
    identitiesNote: string;
    /** Last ordered `{date}` */
    lastOrdered: string;
    numberDeleted: string;
    deletionPending: string;
    deleteIdentity: string;
    addresses: string;
    deleteAccount: string;
    deleteAccountText: string;
    deleteAccountConfirm: string;
    deletionRequested: string;
    signedOut: string;
  };
}
