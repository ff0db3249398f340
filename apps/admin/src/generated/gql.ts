/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Refresh($t: String!) {\n    refreshSession(refreshToken: $t) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }\n  }\n": typeof types.RefreshDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout($t: String!) { logout(refreshToken: $t) }\n": typeof types.LogoutDocument,
    "\n  query MuseumDashboard($museumId: ID, $timeZone: String, $threshold: Int) {\n    museumDashboard(museumId: $museumId, timeZone: $timeZone, lowStockThreshold: $threshold, lowStockFirst: 8) {\n      timeZone\n      today { day orders totalCny goodsCny totalEur goodsEur }\n      month { month orders totalCny goodsCny totalEur goodsEur }\n      daily { day orders totalCny goodsCny totalEur goodsEur }\n      ordersByStatus { status count }\n      heldAtCustoms\n      lowStock { threshold totalCount levels { variantId locationId locationCode sku productName { fr en zhCN } onHand reserved available } }\n    }\n  }\n": typeof types.MuseumDashboardDocument,
    "\n  fragment ProposalContentFields on ProposalContent {\n    title { fr en zhCN }\n    concept { fr en zhCN }\n    imageUrls\n    artworkIds\n    category\n    crossBorderCategory\n    targetRetailPrice { amount currency }\n    forecastUnits\n    territory\n    channels\n    termStart\n    termEnd\n    sellOffDays\n    royaltyRateBps\n    minimumGuarantee { amount currency }\n    advance { amount currency }\n    specification { hsCode weightGrams originCountry }\n  }\n": typeof types.ProposalContentFieldsFragmentDoc,
    "\n  fragment ProposalHeadFields on Proposal {\n    id\n    museumId\n    brandId\n    brandName\n    museum { id slug name { fr en zhCN } }\n    status\n    stage\n    amendment\n    currentVersion\n    submittedVersion\n    approvedVersion\n    reviewDueAt\n    submittedAt\n    createdAt\n    updatedAt\n    allowedActions\n  }\n": typeof types.ProposalHeadFieldsFragmentDoc,
    "\n  fragment ProposalDetailFields on Proposal {\n    ...ProposalHeadFields\n    content { ...ProposalContentFields }\n    submissionProblems { path message }\n    revisions { version stage note createdAt content { ...ProposalContentFields } }\n    reviewHistory { id decision stage revisionVersion comment createdAt }\n    history { event actorRole comment createdAt fromStage toStage fromStatus toStatus revisionVersion }\n    artworks { id accessionNumber artist title { fr en zhCN } }\n    agreement { id status }\n  }\n": typeof types.ProposalDetailFieldsFragmentDoc,
    "\n  fragment ProposalResultFields on ProposalResult {\n    __typename\n    ... on Proposal { ...ProposalDetailFields }\n    ... on IllegalTransitionError { errorCode message }\n    ... on StaleRevisionError { errorCode message latestVersion }\n    ... on AgreementTermsLockedError { errorCode message lockedFields }\n  }\n": typeof types.ProposalResultFieldsFragmentDoc,
    "\n  query Proposals($filter: ProposalFilter, $first: Int, $after: String, $full: Boolean!) {\n    proposals(filter: $filter, first: $first, after: $after) {\n      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.ProposalsDocument,
    "\n  query ProposalInbox($museumId: ID!, $statuses: [ProposalStatus!], $stage: ProposalStage, $first: Int, $after: String, $full: Boolean!) {\n    proposalInbox(museumId: $museumId, statuses: $statuses, stage: $stage, first: $first, after: $after) {\n      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.ProposalInboxDocument,
    "\n  query Proposal($id: ID!) { proposal(id: $id) { ...ProposalDetailFields } }\n": typeof types.ProposalDocument,
    "\n  query ProposalDiff($id: ID!, $from: Int!, $to: Int!) { proposalDiff(id: $id, fromVersion: $from, toVersion: $to) { path kind before after } }\n": typeof types.ProposalDiffDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) { createProposal(input: $input) { ...ProposalDetailFields } }\n": typeof types.CreateProposalDocument,
    "\n  mutation ReviseProposal($input: ReviseProposalInput!) { reviseProposal(input: $input) { ...ProposalResultFields } }\n": typeof types.ReviseProposalDocument,
    "\n  mutation SubmitProposal($id: ID!, $v: Int) { submitProposal(id: $id, expectedVersion: $v) { ...ProposalResultFields } }\n": typeof types.SubmitProposalDocument,
    "\n  mutation ReviewProposal($input: ReviewProposalInput!) { reviewProposal(input: $input) { ...ProposalResultFields } }\n": typeof types.ReviewProposalDocument,
    "\n  mutation WithdrawProposal($id: ID!, $reason: String) { withdrawProposal(id: $id, reason: $reason) { ...ProposalResultFields } }\n": typeof types.WithdrawProposalDocument,
    "\n  query LicensingMuseums { licensingMuseums(first: 100) { nodes { id slug licensableWorkCount name { fr en zhCN } } } }\n": typeof types.LicensingMuseumsDocument,
    "\n  query LicensableArtworks($museumId: ID!, $search: String) {\n    licensableArtworks(museumId: $museumId, search: $search, first: 100) { nodes { id accessionNumber artist title { fr en zhCN } } }\n  }\n": typeof types.LicensableArtworksDocument,
    "\n  query Notices($first: Int) { licensingNotifications(unreadOnly: true, first: $first) { totalCount nodes { id kind message proposalId dueAt createdAt } } }\n": typeof types.NoticesDocument,
    "\n  mutation MarkNoticeRead($id: ID!) { markLicensingNotificationRead(id: $id) { id } }\n": typeof types.MarkNoticeReadDocument,
    "\n  fragment LicensedProductFields on LicensedProduct {\n    productId\n    agreementId\n    museumId\n    name { fr en zhCN }\n    status\n    publishedAt\n    delistedAt\n    delistReason\n  }\n": typeof types.LicensedProductFieldsFragmentDoc,
    "\n  fragment AgreementFields on LicenceAgreement {\n    id\n    proposalId\n    museumId\n    brandId\n    brandName\n    museum { name { fr en zhCN } }\n    status\n    approvedVersion\n    royaltyRateBps\n    currency\n    territory\n    channels\n    termStart\n    termEnd\n    sellOffDays\n    sellOffEnd\n    minimumGuarantee { amount currency }\n    advance { amount currency }\n    createdAt\n    expiredAt\n  }\n": typeof types.AgreementFieldsFragmentDoc,
    "\n  query LicenceAgreements($first: Int, $after: String, $full: Boolean!) {\n    licenceAgreements(first: $first, after: $after) {\n      nodes { id ...AgreementFields @include(if: $full) products @include(if: $full) { ...LicensedProductFields } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.LicenceAgreementsDocument,
    "\n  query LicenceAgreement($id: ID!) {\n    licenceAgreement(id: $id) { ...AgreementFields products { ...LicensedProductFields listingBlockers { code message path } } }\n  }\n": typeof types.LicenceAgreementDocument,
    "\n  mutation PublishLicensed($p: ID!) {\n    publishLicensedProduct(productId: $p) {\n      __typename\n      ... on LicensedProduct { ...LicensedProductFields }\n      ... on ListingNotAllowedError { errorCode message reasons { code message path } }\n    }\n  }\n": typeof types.PublishLicensedDocument,
    "\n  mutation UnpublishLicensed($p: ID!) { unpublishLicensedProduct(productId: $p) { ...LicensedProductFields } }\n": typeof types.UnpublishLicensedDocument,
    "\n  fragment LedgerEntryFields on RoyaltyLedgerEntry {\n    id\n    kind\n    productId\n    orderLineId\n    units\n    sale { amount currency }\n    netSales { amount currency }\n    royalty { amount currency }\n    fxRate\n    periodStart\n    occurredAt\n    statementId\n  }\n": typeof types.LedgerEntryFieldsFragmentDoc,
    "\n  query RoyaltyLedger($agreementId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    royaltyLedger(agreementId: $agreementId, first: $first, after: $after) {\n      nodes { id ...LedgerEntryFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.RoyaltyLedgerDocument,
    "\n  fragment ArtworkFields on ManagedArtwork {\n    id\n    museumId\n    accessionNumber\n    title { fr en zhCN }\n    artist\n    period\n    periodName { fr en zhCN }\n    creditLine\n    imageUrl\n    licensable\n  }\n": typeof types.ArtworkFieldsFragmentDoc,
    "\n  query Artworks($museumId: ID!, $first: Int, $after: String, $search: String, $full: Boolean!) {\n    artworksOfMuseum(museumId: $museumId, first: $first, after: $after, search: $search) {\n      nodes { id ...ArtworkFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.ArtworksDocument,
    "\n  query Artwork($id: ID!) { managedArtwork(id: $id) { ...ArtworkFields } }\n": typeof types.ArtworkDocument,
    "\n  mutation CreateArtwork($input: CreateArtworkInput!) { createArtwork(input: $input) { ...ArtworkFields } }\n": typeof types.CreateArtworkDocument,
    "\n  mutation UpdateArtwork($input: UpdateArtworkInput!) { updateArtwork(input: $input) { ...ArtworkFields } }\n": typeof types.UpdateArtworkDocument,
    "\n  mutation DeleteArtwork($id: ID!) { deleteArtwork(id: $id) }\n": typeof types.DeleteArtworkDocument,
    "\n  fragment BrandOrderFields on Order {\n    id\n    number\n    museumId\n    status\n    customsMode\n    currency\n    total\n    createdAt\n    orderer { name residentIdMasked }\n    recipient { name province city }\n    lines { id sku name quantity }\n  }\n": typeof types.BrandOrderFieldsFragmentDoc,
    "\n  query BrandOrders($first: Int, $after: String, $status: OrderStatus, $full: Boolean!) {\n    brandOrders(first: $first, after: $after, status: $status) {\n      nodes { id ...BrandOrderFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.BrandOrdersDocument,
    "\n  query BrandOrder($id: ID!) { order(id: $id) { ...BrandOrderFields } }\n": typeof types.BrandOrderDocument,
    "\n  fragment BrandLocationFields on StockLocation { id code name kind customsMode priority }\n": typeof types.BrandLocationFieldsFragmentDoc,
    "\n  query BrandStockLocations { brandStockLocations { ...BrandLocationFields } }\n": typeof types.BrandStockLocationsDocument,
    "\n  query BrandLevels($locationId: ID!) {\n    brandFulfilledVariants { variantId productId sku }\n    brandStockLevels(locationId: $locationId, first: 100) { nodes { variantId onHand reserved available } }\n  }\n": typeof types.BrandLevelsDocument,
    "\n  mutation SetBrandStockLevel($input: SetStockLevelInput!) { setBrandStockLevel(input: $input) { onHand } }\n": typeof types.SetBrandStockLevelDocument,
    "\n  mutation CreateBrandStockLocation($input: CreateBrandStockLocationInput!) { createBrandStockLocation(input: $input) { ...BrandLocationFields } }\n": typeof types.CreateBrandStockLocationDocument,
    "\n  fragment BrandFields on Brand { id slug name country createdAt }\n": typeof types.BrandFieldsFragmentDoc,
    "\n  query Brands($first: Int, $after: String, $full: Boolean!) {\n    brands(first: $first, after: $after) {\n      nodes { id ...BrandFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.BrandsDocument,
    "\n  query Brand($id: ID!) { brand(id: $id) { ...BrandFields } }\n": typeof types.BrandDocument,
    "\n  mutation CreateBrand($input: CreateBrandInput!) { createBrand(input: $input) { ...BrandFields } }\n": typeof types.CreateBrandDocument,
    "\n  fragment CollectionFields on ManagedCollection { id museumId slug name { fr en zhCN } }\n": typeof types.CollectionFieldsFragmentDoc,
    "\n  query Collections($museumId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    collectionsOfMuseum(museumId: $museumId, first: $first, after: $after) {\n      nodes { id ...CollectionFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.CollectionsDocument,
    "\n  query Collection($id: ID!) { managedCollection(id: $id) { ...CollectionFields } }\n": typeof types.CollectionDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { ...CollectionFields } }\n": typeof types.CreateCollectionDocument,
    "\n  mutation UpdateCollection($input: UpdateCollectionInput!) { updateCollection(input: $input) { ...CollectionFields } }\n": typeof types.UpdateCollectionDocument,
    "\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n": typeof types.DeleteCollectionDocument,
    "\n  fragment DropFields on Drop {\n    id\n    museumId\n    variantId\n    productId\n    mode\n    status\n    startsAt\n    registrationClosesAt\n    editionSize\n    perIdentityLimit\n    payWindowSeconds\n    seedHash\n    seed\n    drawnAt\n  }\n": typeof types.DropFieldsFragmentDoc,
    "\n  query MuseumDrops($museumId: ID, $filter: DropFilterInput, $first: Int, $after: String, $full: Boolean!) {\n    museumDrops(museumId: $museumId, filter: $filter, first: $first, after: $after) {\n      nodes { id ...DropFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.MuseumDropsDocument,
    "\n  query ManagedDrop($id: ID!) { managedDrop(id: $id) { ...DropFields } }\n": typeof types.ManagedDropDocument,
    "\n  mutation UpdateDrop($input: UpdateDropInput!) { updateDrop(input: $input) { ...DropFields } }\n": typeof types.UpdateDropDocument,
    "\n  mutation CreateDrop($input: CreateDropInput!) { createDrop(input: $input) { ...DropFields } }\n": typeof types.CreateDropDocument,
    "\n  query DropEntries($dropId: ID!, $status: String) {\n    dropEntries(dropId: $dropId, first: 100, status: $status) {\n      id\n      status\n      position\n      joinedAt\n      turnEndsAt\n      accountEmail\n      accountAgeDays\n      sameAddressEntries\n      sameShippingAddressEntries\n      voidReason\n    }\n  }\n": typeof types.DropEntriesDocument,
    "\n  mutation CancelDrop($input: CancelDropInput!) { cancelDrop(input: $input) { id status } }\n": typeof types.CancelDropDocument,
    "\n  mutation VoidEntry($input: VoidDropEntryInput!) { voidDropEntry(input: $input) { id status } }\n": typeof types.VoidEntryDocument,
    "\n  fragment FxRateFields on FxRate { id base quote rate source effectiveAt }\n": typeof types.FxRateFieldsFragmentDoc,
    "\n  query FxRates($base: String!, $quote: String!, $first: Int, $after: String, $full: Boolean!) {\n    fxRates(base: $base, quote: $quote, first: $first, after: $after) {\n      nodes { id ...FxRateFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.FxRatesDocument,
    "\n  mutation SetFxRate($input: SetFxRateInput!) { setFxRate(input: $input) { ...FxRateFields } }\n": typeof types.SetFxRateDocument,
    "\n  fragment LiveSessionFields on LiveSession { id museumId title streamUrl startsAt endsAt phase pinnedProductId productIds }\n": typeof types.LiveSessionFieldsFragmentDoc,
    "\n  query ManagedLiveSessions($museumId: ID, $filter: LiveSessionFilterInput, $first: Int, $after: String, $full: Boolean!) {\n    managedLiveSessions(museumId: $museumId, filter: $filter, first: $first, after: $after) {\n      nodes { id ...LiveSessionFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.ManagedLiveSessionsDocument,
    "\n  query ManagedLiveSession($id: ID!) {\n    managedLiveSession(id: $id) {\n      ...LiveSessionFields\n      products { productId name priceMinor currency available }\n      flashPrices { productId priceMinor startsAt endsAt }\n      announcements { id body createdAt }\n      sales { productId name orders units revenueMinor }\n    }\n  }\n": typeof types.ManagedLiveSessionDocument,
    "\n  query LiveStreamUrlCheck($url: String!) { liveStreamUrlCheck(url: $url) { player { kind platform } problem } }\n": typeof types.LiveStreamUrlCheckDocument,
    "\n  mutation ScheduleLiveSession($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { ...LiveSessionFields } }\n": typeof types.ScheduleLiveSessionDocument,
    "\n  mutation UpdateLiveSession($input: UpdateLiveSessionInput!) { updateLiveSession(input: $input) { ...LiveSessionFields } }\n": typeof types.UpdateLiveSessionDocument,
    "\n  mutation SetLiveSessionBag($input: SetLiveSessionBagInput!) { setLiveSessionBag(input: $input) { ...LiveSessionFields } }\n": typeof types.SetLiveSessionBagDocument,
    "\n  mutation CancelLiveSession($input: CancelLiveSessionInput!) { cancelLiveSession(input: $input) { id phase } }\n": typeof types.CancelLiveSessionDocument,
    "\n  mutation PinLiveProduct($input: PinLiveProductInput!) { pinLiveProduct(input: $input) { id pinnedProductId } }\n": typeof types.PinLiveProductDocument,
    "\n  mutation StartLiveFlashPrice($input: StartLiveFlashPriceInput!) { startLiveFlashPrice(input: $input) { productId priceMinor endsAt } }\n": typeof types.StartLiveFlashPriceDocument,
    "\n  mutation PostLiveAnnouncement($input: PostLiveAnnouncementInput!) { postLiveAnnouncement(input: $input) { id body } }\n": typeof types.PostLiveAnnouncementDocument,
    "\n  fragment MuseumFields on ManagedMuseum {\n    id\n    slug\n    legalName\n    country\n    storefront { id status name { fr en zhCN } }\n  }\n": typeof types.MuseumFieldsFragmentDoc,
    "\n  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {\n    museums(first: $first, after: $after, search: $search) {\n      nodes { id ...MuseumFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.MuseumsDocument,
    "\n  query MyMuseums { myMuseums { ...MuseumFields } }\n": typeof types.MyMuseumsDocument,
    "\n  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }\n": typeof types.MuseumDocument,
    "\n  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }\n": typeof types.CreateMuseumDocument,
    "\n  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }\n": typeof types.UpdateMuseumDocument,
    "\n  fragment DisputeFields on OrderDispute {\n    id\n    providerDisputeId\n    orderId\n    orderNumber\n    amount\n    disputedTotal\n    currency\n    reason\n    status\n    evidenceDueBy\n    evidenceSubmittedAt\n    acceptsEvidence\n    lostAmount\n    createdAt\n  }\n": typeof types.DisputeFieldsFragmentDoc,
    "\n  fragment OrderListFields on Order {\n    id\n    number\n    museumId\n    status\n    paymentStatus\n    customsMode\n    currency\n    goodsTotal\n    shippingTotal\n    insuranceTotal\n    taxTotal\n    total\n    createdAt\n    paidAt\n    holdExpiresAt\n    orderer { name residentIdMasked }\n    recipient { name phone province city district street postalCode }\n    refundOutstanding { amount currency }\n  }\n": typeof types.OrderListFieldsFragmentDoc,
    "\n  fragment OrderDetailFields on Order {\n    ...OrderListFields\n    discountTotal\n    returnDeadline\n    fx { rate marginBps source effectiveAt }\n    lines {\n      id\n      productId\n      variantId\n      sku\n      name\n      imageUrl\n      hsCode\n      originCountry\n      crossBorderCategory\n      quantity\n      currency\n      unitPrice\n      unitPriceEur\n      goods\n      discount\n      freight\n      insurance\n      dutiable\n      taxRate\n      tax\n      total\n    }\n    history { from to reason at }\n    refundedTotal\n    refunds { id providerRefundId amount currency status reason createdAt }\n    lostToDisputes\n    disputes { ...DisputeFields }\n    attribution { channel ref }\n    settlement {\n      parties { account ownerType ownerId component amount { amount currency } }\n      discounts { promotionId name kind code fundedBy amount { amount currency } }\n    }\n  }\n": typeof types.OrderDetailFieldsFragmentDoc,
    "\n  fragment FulfilmentFields on OrderFulfilment {\n    awaitingHandover\n    customsMessages {\n      id\n      document\n      messageType\n      businessNo\n      senderCode\n      status\n      invtNo\n      preNo\n      amendments { id status returnInfo createdAt xml }\n      attempts\n      firstSentAt\n      lastSentAt\n      lastError\n      xml\n      receipts { id status returnStatus returnInfo returnTime receivedAt }\n      transmissions { id sentAt finishedAt outcome error entries }\n    }\n    shipment {\n      carrierCode\n      logisticsNo\n      status\n      bookingRef\n      waybillIssuedAt\n      bookedAt\n      deliveredAt\n      bookingAttempts\n      lastError\n      handoverRequests\n      handoverRequestedAt\n      events { eventId status description location occurredAt }\n    }\n  }\n": typeof types.FulfilmentFieldsFragmentDoc,
    "\n  query MuseumOrders($museumId: ID, $filter: OrderFilterInput, $sort: OrderSort, $first: Int, $after: String, $full: Boolean!, $lines: Boolean!) {\n    museumOrders(museumId: $museumId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes { id ...OrderListFields @include(if: $full) lines @include(if: $lines) { sku name quantity } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.MuseumOrdersDocument,
    "\n  query Order($id: ID!) { order(id: $id) { ...OrderDetailFields } orderFulfilment(orderId: $id) { ...FulfilmentFields } }\n": typeof types.OrderDocument,
    "\n  mutation RefundOrder($id: ID!, $reason: String!, $lines: [RefundLineInput!], $idempotencyKey: String) {\n    refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $idempotencyKey) { refundId refundStatus amount replayed order { id status } }\n  }\n": typeof types.RefundOrderDocument,
    "\n  query MuseumDisputes($museumId: ID) { museumDisputes(museumId: $museumId, open: true) { ...DisputeFields } }\n": typeof types.MuseumDisputesDocument,
    "\n  mutation SubmitDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) {\n    submitDisputeEvidence(disputeId: $id, evidence: $evidence) { id status evidenceSubmittedAt }\n  }\n": typeof types.SubmitDisputeEvidenceDocument,
    "\n  mutation ShipOrder($id: ID!) { shipOrder(orderId: $id) { status ...FulfilmentFields } }\n": typeof types.ShipOrderDocument,
    "\n  query OrderFulfilment($id: ID!) { orderFulfilment(orderId: $id) { status ...FulfilmentFields } }\n": typeof types.OrderFulfilmentDocument,
    "\n  fragment ProductExportFields on ManagedProduct {\n    id\n    museumId\n    status\n    category\n    crossBorderCategory\n    name { fr en zhCN }\n    description { fr en zhCN }\n    variants { id sku options priceMinor weightGrams hsCode originCountry netContent netContentUnit available }\n    media { id url alt position }\n    artworks { id }\n    collections { id }\n    listableForChina\n    listingProblems { code path message }\n    createdAt\n    updatedAt\n    publishedAt\n  }\n": typeof types.ProductExportFieldsFragmentDoc,
    "\n  fragment ProductFields on ManagedProduct {\n    ...ProductExportFields\n    variants {\n      stockLevels { locationId onHand reserved available }\n      shopperPrice { amount currency }\n      crossBorderTax { amount currency }\n    }\n  }\n": typeof types.ProductFieldsFragmentDoc,
    "\n  fragment ProductListFields on ManagedProduct {\n    id\n    museumId\n    status\n    category\n    name { fr en zhCN }\n    variants { priceMinor available }\n    media { url position }\n    createdAt\n    updatedAt\n    publishedAt\n  }\n": typeof types.ProductListFieldsFragmentDoc,
    "\n  query ManagedProducts(\n    $museumId: ID\n    $first: Int\n    $after: String\n    $filter: ManagedProductFilter\n    $sort: ManagedProductSort\n    $rows: Boolean!\n    $export: Boolean!\n  ) {\n    managedProducts(museumId: $museumId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes { id ...ProductListFields @include(if: $rows) ...ProductExportFields @include(if: $export) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.ManagedProductsDocument,
    "\n  query ManagedProduct($id: ID!) { managedProduct(id: $id) { ...ProductFields } }\n": typeof types.ManagedProductDocument,
    "\n  mutation PublishProduct($id: ID!) { publishProduct(id: $id) { ...ProductFields } }\n": typeof types.PublishProductDocument,
    "\n  mutation UnpublishProduct($id: ID!) { unpublishProduct(id: $id) { ...ProductFields } }\n": typeof types.UnpublishProductDocument,
    "\n  mutation ArchiveProduct($id: ID!) { archiveProduct(id: $id) { ...ProductFields } }\n": typeof types.ArchiveProductDocument,
    "\n  mutation BulkStatus($ids: [ID!]!, $status: ProductStatus!) { bulkSetProductStatus(ids: $ids, status: $status) { updated failed { id code message } } }\n": typeof types.BulkStatusDocument,
    "\n  query ProductCounts($museumId: ID) {\n    DRAFT: managedProducts(museumId: $museumId, first: 1, filter: { status: DRAFT }) { totalCount }\n    PUBLISHED: managedProducts(museumId: $museumId, first: 1, filter: { status: PUBLISHED }) { totalCount }\n    ARCHIVED: managedProducts(museumId: $museumId, first: 1, filter: { status: ARCHIVED }) { totalCount }\n  }\n": typeof types.ProductCountsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) { createProduct(input: $input) { ...ProductFields } }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) { updateProduct(input: $input) { ...ProductFields } }\n": typeof types.UpdateProductDocument,
    "\n  mutation DeleteProduct($id: ID!) { deleteProduct(id: $id) }\n": typeof types.DeleteProductDocument,
    "\n  fragment PromotionFields on Promotion {\n    id\n    museumId\n    kind\n    name\n    code\n    tiers { minMinor offMinor }\n    every\n    discountType\n    percentBps\n    amountOffMinor\n    minSpendMinor\n    fundedBy\n    perShopperLimit\n    totalLimit\n    usedCount\n    discountGivenMinor\n    productIds\n    startsAt\n    endsAt\n    status\n  }\n": typeof types.PromotionFieldsFragmentDoc,
    "\n  query Promotions($museumId: ID, $archivedOnly: Boolean) { promotions(museumId: $museumId, archivedOnly: $archivedOnly) { ...PromotionFields } }\n": typeof types.PromotionsDocument,
    "\n  query Promotion($id: ID!) { promotion(id: $id) { ...PromotionFields } }\n": typeof types.PromotionDocument,
    "\n  mutation CreatePromotion($input: PromotionInput!) { createPromotion(input: $input) { ...PromotionFields } }\n": typeof types.CreatePromotionDocument,
    "\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) { updatePromotion(id: $id, input: $input) { ...PromotionFields } }\n": typeof types.UpdatePromotionDocument,
    "\n  mutation ArchivePromotion($id: ID!) { archivePromotion(id: $id) { id status } }\n": typeof types.ArchivePromotionDocument,
    "\n  mutation QueueBoardLink { queueBoardLink { path expiresAt } }\n": typeof types.QueueBoardLinkDocument,
    "\n  fragment FxRefreshRunFields on FxRefreshRun { id status base quote rate referenceDate source error startedAt finishedAt acknowledgedAt }\n": typeof types.FxRefreshRunFieldsFragmentDoc,
    "\n  query FxRefreshRuns($first: Int) {\n    runs: fxRefreshRuns(first: $first) { nodes { ...FxRefreshRunFields } }\n    alerts: fxRefreshRuns(status: FAILED, unacknowledged: true, first: 1) { totalCount }\n  }\n": typeof types.FxRefreshRunsDocument,
    "\n  mutation AcknowledgeFxRefreshRun($id: ID!) { acknowledgeFxRefreshRun(id: $id) { id } }\n": typeof types.AcknowledgeFxRefreshRunDocument,
    "\n  mutation RefreshFxRatesNow { refreshFxRatesNow }\n": typeof types.RefreshFxRatesNowDocument,
    "\n  fragment ReturnFields on OrderReturn {\n    id\n    orderId\n    orderNumber\n    museumId\n    reason\n    note\n    photoUrls\n    status\n    customsStatus\n    late\n    releasedAt\n    arrivalDeadline\n    decisionComment\n    decidedAt\n    returnLogisticsNo\n    receivedAt\n    inspectedAt\n    inspectionComment\n    refundAmount\n    createdAt\n    lines { lineId quantity acceptedQuantity sellable }\n  }\n": typeof types.ReturnFieldsFragmentDoc,
    "\n  query MuseumReturns($museumId: ID, $status: ReturnStatus, $late: Boolean, $first: Int, $after: String, $full: Boolean!) {\n    museumReturns(museumId: $museumId, status: $status, late: $late, first: $first, after: $after) {\n      nodes { id ...ReturnFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.MuseumReturnsDocument,
    "\n  query MuseumReturn($id: ID!, $locale: String) {\n    museumReturn(id: $id) {\n      ...ReturnFields\n      history(locale: $locale) { kind detail at }\n      shopperMessages { at sentAt step channel locale phoneMasked status template content attempts lastError }\n      photos { id position contentType byteSize url urlExpiresAt }\n    }\n  }\n": typeof types.MuseumReturnDocument,
    "\n  mutation DecideReturn($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { ...ReturnFields } }\n": typeof types.DecideReturnDocument,
    "\n  mutation MarkReturnReceived($id: ID!) { markReturnReceived(returnId: $id) { ...ReturnFields } }\n": typeof types.MarkReturnReceivedDocument,
    "\n  mutation InspectReturn($input: InspectReturnInput!) { inspectReturn(input: $input) { ...ReturnFields } }\n": typeof types.InspectReturnDocument,
    "\n  mutation RefundReturn($id: ID!) { refundReturn(returnId: $id) { ...ReturnFields } }\n": typeof types.RefundReturnDocument,
    "\n  fragment BalanceFields on SellerBalance {\n    sellerType\n    sellerId\n    payable { amount currency }\n    pending { amount currency }\n    notPaidOut { amount currency }\n  }\n": typeof types.BalanceFieldsFragmentDoc,
    "\n  fragment LedgerLineFields on SellerLedgerLine {\n    id\n    event\n    entryKind\n    createdAt\n    occurredAt\n    account\n    component\n    orderId\n    orderNumber\n    amount { amount currency }\n  }\n": typeof types.LedgerLineFieldsFragmentDoc,
    "\n  fragment PayoutAccountFields on PayoutAccount {\n    ready\n    detailsSubmitted\n    chargesEnabled\n    requirements\n    onboardingUrl\n    bankPayoutStatus\n    bankPayoutFailureCode\n    payoutCurrency\n  }\n": typeof types.PayoutAccountFieldsFragmentDoc,
    "\n  query SellerBalance($m: ID, $b: ID) { sellerBalance(museumId: $m, brandId: $b) { ...BalanceFields } }\n": typeof types.SellerBalanceDocument,
    "\n  query PlatformLedger {\n    platformLedger {\n      sellers { ...BalanceFields }\n      taxOwedToCustoms { amount currency }\n      commissionRevenue { amount currency }\n      stripeClearing { amount currency }\n      stripeFees { amount currency }\n      platformPromotions { amount currency }\n    }\n  }\n": typeof types.PlatformLedgerDocument,
    "\n  mutation RecordTaxRemittance($input: RecordTaxRemittanceInput!) {\n    recordTaxRemittance(input: $input) { reference amount { amount currency } taxOwedAfter { amount currency } }\n  }\n": typeof types.RecordTaxRemittanceDocument,
    "\n  query SettlementMuseumName($id: ID!) { museum(id: $id) { legalName } }\n": typeof types.SettlementMuseumNameDocument,
    "\n  query SettlementBrandName($id: ID!) { brand(id: $id) { name } }\n": typeof types.SettlementBrandNameDocument,
    "\n  query SettlementBrandNames { brands(first: 100) { nodes { id name } } }\n": typeof types.SettlementBrandNamesDocument,
    "\n  query SellerLedgerLines($m: ID, $b: ID, $kind: String, $from: DateTime, $to: DateTime, $first: Int, $after: String, $full: Boolean!) {\n    sellerLedgerLines(museumId: $m, brandId: $b, kind: $kind, from: $from, to: $to, first: $first, after: $after) {\n      nodes { id ...LedgerLineFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.SellerLedgerLinesDocument,
    "\n  query SellerPayouts($m: ID, $b: ID) {\n    sellerPayouts(museumId: $m, brandId: $b) {\n      id\n      runKey\n      amount { amount currency }\n      status\n      stripeTransferId\n      checkoutId\n      transferGroup\n      reversed { amount currency }\n      createdAt\n      paidAt\n      bankStatus\n      bankFailureCode\n      bankFailureMessage\n      received { amount currency }\n      exchangeRate\n    }\n  }\n": typeof types.SellerPayoutsDocument,
    "\n  query PayoutAccount($m: ID, $b: ID) { payoutAccount(museumId: $m, brandId: $b) { ...PayoutAccountFields } }\n": typeof types.PayoutAccountDocument,
    "\n  mutation ConnectPayoutAccount($m: ID, $b: ID, $r: String!, $f: String!) {\n    connectPayoutAccount(museumId: $m, brandId: $b, returnUrl: $r, refreshUrl: $f) { ...PayoutAccountFields }\n  }\n": typeof types.ConnectPayoutAccountDocument,
    "\n  query SellerStatement($m: ID, $b: ID, $month: String!) { sellerStatement(museumId: $m, brandId: $b, month: $month) { csv } }\n": typeof types.SellerStatementDocument,
    "\n  fragment StatementFields on RoyaltyStatement {\n    id\n    agreementId\n    museumId\n    brandId\n    periodStart\n    periodEnd\n    currency\n    units\n    entryCount\n    netSales { amount currency }\n    royalty { amount currency }\n    cumulativeRoyalty { amount currency }\n    advanceRecouped { amount currency }\n    advanceRemaining { amount currency }\n    minimumGuaranteeShortfall { amount currency }\n    amountPayable { amount currency }\n    generatedAt\n    csvUrl\n    pdfUrl\n    agreement { id products { productId name { fr en zhCN } } }\n  }\n": typeof types.StatementFieldsFragmentDoc,
    "\n  query RoyaltyStatements($agreementId: ID, $first: Int, $after: String, $full: Boolean!) {\n    royaltyStatements(agreementId: $agreementId, first: $first, after: $after) {\n      nodes { id ...StatementFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.RoyaltyStatementsDocument,
    "\n  query RoyaltyStatement($id: ID!) { royaltyStatement(id: $id) { ...StatementFields } }\n": typeof types.RoyaltyStatementDocument,
    "\n  fragment StockLocationFields on StockLocation { id museumId code name kind customsMode priority }\n": typeof types.StockLocationFieldsFragmentDoc,
    "\n  fragment StockLevelFields on StockLevel {\n    variantId\n    locationId\n    onHand\n    reserved\n    available\n    updatedAt\n    variant { sku productId productName { fr en zhCN } }\n  }\n": typeof types.StockLevelFieldsFragmentDoc,
    "\n  fragment StockMovementFields on StockMovement { id kind onHandDelta reservedDelta reference changedBy note createdAt }\n": typeof types.StockMovementFieldsFragmentDoc,
    "\n  query StockMovements($locationId: ID!, $variantId: ID!, $first: Int, $after: String) {\n    stockMovements(locationId: $locationId, variantId: $variantId, first: $first, after: $after) {\n      nodes { ...StockMovementFields }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.StockMovementsDocument,
    "\n  mutation SetStockLevel($input: SetStockLevelInput!) { setStockLevel(input: $input) { ...StockLevelFields } }\n": typeof types.SetStockLevelDocument,
    "\n  query StockVariantChoices($museumId: ID, $filter: ManagedProductFilter) {\n    managedProducts(museumId: $museumId, first: 20, filter: $filter) { nodes { name { fr en zhCN } variants { id sku } } }\n  }\n": typeof types.StockVariantChoicesDocument,
    "\n  query StockLocations($museumId: ID!) { stockLocations(museumId: $museumId) { ...StockLocationFields } }\n": typeof types.StockLocationsDocument,
    "\n  query StockLocation($id: ID!) { stockLocation(id: $id) { ...StockLocationFields } }\n": typeof types.StockLocationDocument,
    "\n  mutation CreateStockLocation($input: CreateStockLocationInput!) { createStockLocation(input: $input) { ...StockLocationFields } }\n": typeof types.CreateStockLocationDocument,
    "\n  query StockLevels($locationId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    stockLevels(locationId: $locationId, first: $first, after: $after) {\n      nodes { variantId locationId ...StockLevelFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.StockLevelsDocument,
    "\n  fragment CommissionFields on CommissionSettings {\n    id\n    storefrontId\n    effectiveFrom\n    defaultRateBps\n    passStripeFees\n    categoryRates { category rateBps }\n  }\n": typeof types.CommissionFieldsFragmentDoc,
    "\n  query CommissionSettings($storefrontId: ID!) { commissionSettings(storefrontId: $storefrontId) { ...CommissionFields } }\n": typeof types.CommissionSettingsDocument,
    "\n  mutation SetCommissionRates($input: SetCommissionRatesInput!) { setCommissionRates(input: $input) { ...CommissionFields } }\n": typeof types.SetCommissionRatesDocument,
    "\n  fragment StorefrontFields on ManagedStorefront {\n    id\n    museumId\n    slug\n    status\n    bannerUrl\n    name { fr en zhCN }\n    story { fr en zhCN }\n    featuredCollectionIds\n    autoBookCarrier\n    customsCode\n    customsName\n  }\n": typeof types.StorefrontFieldsFragmentDoc,
    "\n  query ManagedStorefront($museumId: ID!) { managedStorefront(museumId: $museumId) { ...StorefrontFields } }\n": typeof types.ManagedStorefrontDocument,
    "\n  mutation UpdateStorefront($input: UpdateStorefrontInput!) { updateStorefront(input: $input) { ...StorefrontFields } }\n": typeof types.UpdateStorefrontDocument,
    "\n  fragment WarehouseFeedFields on WarehouseFeed { id museumId name format url everyMinutes nextRunAt enabled createdAt }\n": typeof types.WarehouseFeedFieldsFragmentDoc,
    "\n  fragment SyncRunFields on StockSyncRun {\n    id\n    museumId\n    feedId\n    trigger\n    format\n    status\n    rowsTotal\n    changed\n    unchanged\n    rejected\n    failure\n    queuedAt\n    startedAt\n    finishedAt\n  }\n": typeof types.SyncRunFieldsFragmentDoc,
    "\n  fragment StockWebhookFields on StockWebhook { museumId url enabled createdAt updatedAt }\n": typeof types.StockWebhookFieldsFragmentDoc,
    "\n  query StockSyncRuns($museumId: ID!, $feedId: ID, $first: Int, $after: String, $full: Boolean!) {\n    stockSyncRuns(museumId: $museumId, feedId: $feedId, first: $first, after: $after) {\n      nodes { id ...SyncRunFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.StockSyncRunsDocument,
    "\n  query StockSyncRun($id: ID!) { stockSyncRun(id: $id) { ...SyncRunFields errors { line sku location code message } } }\n": typeof types.StockSyncRunDocument,
    "\n  query WarehouseFeeds($museumId: ID!) { warehouseFeeds(museumId: $museumId) { ...WarehouseFeedFields } }\n": typeof types.WarehouseFeedsDocument,
    "\n  mutation ConnectWarehouseFeed($input: ConnectWarehouseFeedInput!) { connectWarehouseFeed(input: $input) { ...WarehouseFeedFields } }\n": typeof types.ConnectWarehouseFeedDocument,
    "\n  mutation UpdateWarehouseFeed($input: UpdateWarehouseFeedInput!) { updateWarehouseFeed(input: $input) { ...WarehouseFeedFields } }\n": typeof types.UpdateWarehouseFeedDocument,
    "\n  mutation RunWarehouseFeed($feedId: ID!) { runWarehouseFeed(feedId: $feedId) { ...SyncRunFields } }\n": typeof types.RunWarehouseFeedDocument,
    "\n  mutation UploadStockFeed($input: UploadStockFeedInput!) { uploadStockFeed(input: $input) { ...SyncRunFields } }\n": typeof types.UploadStockFeedDocument,
    "\n  query StockWebhook($museumId: ID!) {\n    stockWebhook(museumId: $museumId) { ...StockWebhookFields }\n    stockWebhookDeliveries(museumId: $museumId, first: 5) { nodes { id status attempts lastStatusCode lastError levelCount createdAt deliveredAt } }\n  }\n": typeof types.StockWebhookDocument,
    "\n  mutation ConfigureStockWebhook($input: ConfigureStockWebhookInput!) { configureStockWebhook(input: $input) { secret webhook { ...StockWebhookFields } } }\n": typeof types.ConfigureStockWebhookDocument,
    "\n  mutation DisableStockWebhook($museumId: ID!) { disableStockWebhook(museumId: $museumId) }\n": typeof types.DisableStockWebhookDocument,
    "\n  fragment UserFields on UserAccount { id email displayName role museumIds brandId disabled createdAt }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int, $after: String, $role: Role, $search: String, $full: Boolean!) {\n    users(first: $first, after: $after, role: $role, search: $search) {\n      nodes { id ...UserFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query User($id: ID!) { user(id: $id) { ...UserFields } }\n": typeof types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateAccess($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { ...UserFields } }\n": typeof types.UpdateAccessDocument,
};
const documents: Documents = {
    "\n  mutation Refresh($t: String!) {\n    refreshSession(refreshToken: $t) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }\n  }\n": types.RefreshDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }\n  }\n": types.LoginDocument,
    "\n  mutation Logout($t: String!) { logout(refreshToken: $t) }\n": types.LogoutDocument,
    "\n  query MuseumDashboard($museumId: ID, $timeZone: String, $threshold: Int) {\n    museumDashboard(museumId: $museumId, timeZone: $timeZone, lowStockThreshold: $threshold, lowStockFirst: 8) {\n      timeZone\n      today { day orders totalCny goodsCny totalEur goodsEur }\n      month { month orders totalCny goodsCny totalEur goodsEur }\n      daily { day orders totalCny goodsCny totalEur goodsEur }\n      ordersByStatus { status count }\n      heldAtCustoms\n      lowStock { threshold totalCount levels { variantId locationId locationCode sku productName { fr en zhCN } onHand reserved available } }\n    }\n  }\n": types.MuseumDashboardDocument,
    "\n  fragment ProposalContentFields on ProposalContent {\n    title { fr en zhCN }\n    concept { fr en zhCN }\n    imageUrls\n    artworkIds\n    category\n    crossBorderCategory\n    targetRetailPrice { amount currency }\n    forecastUnits\n    territory\n    channels\n    termStart\n    termEnd\n    sellOffDays\n    royaltyRateBps\n    minimumGuarantee { amount currency }\n    advance { amount currency }\n    specification { hsCode weightGrams originCountry }\n  }\n": types.ProposalContentFieldsFragmentDoc,
    "\n  fragment ProposalHeadFields on Proposal {\n    id\n    museumId\n    brandId\n    brandName\n    museum { id slug name { fr en zhCN } }\n    status\n    stage\n    amendment\n    currentVersion\n    submittedVersion\n    approvedVersion\n    reviewDueAt\n    submittedAt\n    createdAt\n    updatedAt\n    allowedActions\n  }\n": types.ProposalHeadFieldsFragmentDoc,
    "\n  fragment ProposalDetailFields on Proposal {\n    ...ProposalHeadFields\n    content { ...ProposalContentFields }\n    submissionProblems { path message }\n    revisions { version stage note createdAt content { ...ProposalContentFields } }\n    reviewHistory { id decision stage revisionVersion comment createdAt }\n    history { event actorRole comment createdAt fromStage toStage fromStatus toStatus revisionVersion }\n    artworks { id accessionNumber artist title { fr en zhCN } }\n    agreement { id status }\n  }\n": types.ProposalDetailFieldsFragmentDoc,
    "\n  fragment ProposalResultFields on ProposalResult {\n    __typename\n    ... on Proposal { ...ProposalDetailFields }\n    ... on IllegalTransitionError { errorCode message }\n    ... on StaleRevisionError { errorCode message latestVersion }\n    ... on AgreementTermsLockedError { errorCode message lockedFields }\n  }\n": types.ProposalResultFieldsFragmentDoc,
    "\n  query Proposals($filter: ProposalFilter, $first: Int, $after: String, $full: Boolean!) {\n    proposals(filter: $filter, first: $first, after: $after) {\n      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.ProposalsDocument,
    "\n  query ProposalInbox($museumId: ID!, $statuses: [ProposalStatus!], $stage: ProposalStage, $first: Int, $after: String, $full: Boolean!) {\n    proposalInbox(museumId: $museumId, statuses: $statuses, stage: $stage, first: $first, after: $after) {\n      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.ProposalInboxDocument,
    "\n  query Proposal($id: ID!) { proposal(id: $id) { ...ProposalDetailFields } }\n": types.ProposalDocument,
    "\n  query ProposalDiff($id: ID!, $from: Int!, $to: Int!) { proposalDiff(id: $id, fromVersion: $from, toVersion: $to) { path kind before after } }\n": types.ProposalDiffDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) { createProposal(input: $input) { ...ProposalDetailFields } }\n": types.CreateProposalDocument,
    "\n  mutation ReviseProposal($input: ReviseProposalInput!) { reviseProposal(input: $input) { ...ProposalResultFields } }\n": types.ReviseProposalDocument,
    "\n  mutation SubmitProposal($id: ID!, $v: Int) { submitProposal(id: $id, expectedVersion: $v) { ...ProposalResultFields } }\n": types.SubmitProposalDocument,
    "\n  mutation ReviewProposal($input: ReviewProposalInput!) { reviewProposal(input: $input) { ...ProposalResultFields } }\n": types.ReviewProposalDocument,
    "\n  mutation WithdrawProposal($id: ID!, $reason: String) { withdrawProposal(id: $id, reason: $reason) { ...ProposalResultFields } }\n": types.WithdrawProposalDocument,
    "\n  query LicensingMuseums { licensingMuseums(first: 100) { nodes { id slug licensableWorkCount name { fr en zhCN } } } }\n": types.LicensingMuseumsDocument,
    "\n  query LicensableArtworks($museumId: ID!, $search: String) {\n    licensableArtworks(museumId: $museumId, search: $search, first: 100) { nodes { id accessionNumber artist title { fr en zhCN } } }\n  }\n": types.LicensableArtworksDocument,
    "\n  query Notices($first: Int) { licensingNotifications(unreadOnly: true, first: $first) { totalCount nodes { id kind message proposalId dueAt createdAt } } }\n": types.NoticesDocument,
    "\n  mutation MarkNoticeRead($id: ID!) { markLicensingNotificationRead(id: $id) { id } }\n": types.MarkNoticeReadDocument,
    "\n  fragment LicensedProductFields on LicensedProduct {\n    productId\n    agreementId\n    museumId\n    name { fr en zhCN }\n    status\n    publishedAt\n    delistedAt\n    delistReason\n  }\n": types.LicensedProductFieldsFragmentDoc,
    "\n  fragment AgreementFields on LicenceAgreement {\n    id\n    proposalId\n    museumId\n    brandId\n    brandName\n    museum { name { fr en zhCN } }\n    status\n    approvedVersion\n    royaltyRateBps\n    currency\n    territory\n    channels\n    termStart\n    termEnd\n    sellOffDays\n    sellOffEnd\n    minimumGuarantee { amount currency }\n    advance { amount currency }\n    createdAt\n    expiredAt\n  }\n": types.AgreementFieldsFragmentDoc,
    "\n  query LicenceAgreements($first: Int, $after: String, $full: Boolean!) {\n    licenceAgreements(first: $first, after: $after) {\n      nodes { id ...AgreementFields @include(if: $full) products @include(if: $full) { ...LicensedProductFields } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.LicenceAgreementsDocument,
    "\n  query LicenceAgreement($id: ID!) {\n    licenceAgreement(id: $id) { ...AgreementFields products { ...LicensedProductFields listingBlockers { code message path } } }\n  }\n": types.LicenceAgreementDocument,
    "\n  mutation PublishLicensed($p: ID!) {\n    publishLicensedProduct(productId: $p) {\n      __typename\n      ... on LicensedProduct { ...LicensedProductFields }\n      ... on ListingNotAllowedError { errorCode message reasons { code message path } }\n    }\n  }\n": types.PublishLicensedDocument,
    "\n  mutation UnpublishLicensed($p: ID!) { unpublishLicensedProduct(productId: $p) { ...LicensedProductFields } }\n": types.UnpublishLicensedDocument,
    "\n  fragment LedgerEntryFields on RoyaltyLedgerEntry {\n    id\n    kind\n    productId\n    orderLineId\n    units\n    sale { amount currency }\n    netSales { amount currency }\n    royalty { amount currency }\n    fxRate\n    periodStart\n    occurredAt\n    statementId\n  }\n": types.LedgerEntryFieldsFragmentDoc,
    "\n  query RoyaltyLedger($agreementId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    royaltyLedger(agreementId: $agreementId, first: $first, after: $after) {\n      nodes { id ...LedgerEntryFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.RoyaltyLedgerDocument,
    "\n  fragment ArtworkFields on ManagedArtwork {\n    id\n    museumId\n    accessionNumber\n    title { fr en zhCN }\n    artist\n    period\n    periodName { fr en zhCN }\n    creditLine\n    imageUrl\n    licensable\n  }\n": types.ArtworkFieldsFragmentDoc,
    "\n  query Artworks($museumId: ID!, $first: Int, $after: String, $search: String, $full: Boolean!) {\n    artworksOfMuseum(museumId: $museumId, first: $first, after: $after, search: $search) {\n      nodes { id ...ArtworkFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.ArtworksDocument,
    "\n  query Artwork($id: ID!) { managedArtwork(id: $id) { ...ArtworkFields } }\n": types.ArtworkDocument,
    "\n  mutation CreateArtwork($input: CreateArtworkInput!) { createArtwork(input: $input) { ...ArtworkFields } }\n": types.CreateArtworkDocument,
    "\n  mutation UpdateArtwork($input: UpdateArtworkInput!) { updateArtwork(input: $input) { ...ArtworkFields } }\n": types.UpdateArtworkDocument,
    "\n  mutation DeleteArtwork($id: ID!) { deleteArtwork(id: $id) }\n": types.DeleteArtworkDocument,
    "\n  fragment BrandOrderFields on Order {\n    id\n    number\n    museumId\n    status\n    customsMode\n    currency\n    total\n    createdAt\n    orderer { name residentIdMasked }\n    recipient { name province city }\n    lines { id sku name quantity }\n  }\n": types.BrandOrderFieldsFragmentDoc,
    "\n  query BrandOrders($first: Int, $after: String, $status: OrderStatus, $full: Boolean!) {\n    brandOrders(first: $first, after: $after, status: $status) {\n      nodes { id ...BrandOrderFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.BrandOrdersDocument,
    "\n  query BrandOrder($id: ID!) { order(id: $id) { ...BrandOrderFields } }\n": types.BrandOrderDocument,
    "\n  fragment BrandLocationFields on StockLocation { id code name kind customsMode priority }\n": types.BrandLocationFieldsFragmentDoc,
    "\n  query BrandStockLocations { brandStockLocations { ...BrandLocationFields } }\n": types.BrandStockLocationsDocument,
    "\n  query BrandLevels($locationId: ID!) {\n    brandFulfilledVariants { variantId productId sku }\n    brandStockLevels(locationId: $locationId, first: 100) { nodes { variantId onHand reserved available } }\n  }\n": types.BrandLevelsDocument,
    "\n  mutation SetBrandStockLevel($input: SetStockLevelInput!) { setBrandStockLevel(input: $input) { onHand } }\n": types.SetBrandStockLevelDocument,
    "\n  mutation CreateBrandStockLocation($input: CreateBrandStockLocationInput!) { createBrandStockLocation(input: $input) { ...BrandLocationFields } }\n": types.CreateBrandStockLocationDocument,
    "\n  fragment BrandFields on Brand { id slug name country createdAt }\n": types.BrandFieldsFragmentDoc,
    "\n  query Brands($first: Int, $after: String, $full: Boolean!) {\n    brands(first: $first, after: $after) {\n      nodes { id ...BrandFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.BrandsDocument,
    "\n  query Brand($id: ID!) { brand(id: $id) { ...BrandFields } }\n": types.BrandDocument,
    "\n  mutation CreateBrand($input: CreateBrandInput!) { createBrand(input: $input) { ...BrandFields } }\n": types.CreateBrandDocument,
    "\n  fragment CollectionFields on ManagedCollection { id museumId slug name { fr en zhCN } }\n": types.CollectionFieldsFragmentDoc,
    "\n  query Collections($museumId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    collectionsOfMuseum(museumId: $museumId, first: $first, after: $after) {\n      nodes { id ...CollectionFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.CollectionsDocument,
    "\n  query Collection($id: ID!) { managedCollection(id: $id) { ...CollectionFields } }\n": types.CollectionDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { ...CollectionFields } }\n": types.CreateCollectionDocument,
    "\n  mutation UpdateCollection($input: UpdateCollectionInput!) { updateCollection(input: $input) { ...CollectionFields } }\n": types.UpdateCollectionDocument,
    "\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n": types.DeleteCollectionDocument,
    "\n  fragment DropFields on Drop {\n    id\n    museumId\n    variantId\n    productId\n    mode\n    status\n    startsAt\n    registrationClosesAt\n    editionSize\n    perIdentityLimit\n    payWindowSeconds\n    seedHash\n    seed\n    drawnAt\n  }\n": types.DropFieldsFragmentDoc,
    "\n  query MuseumDrops($museumId: ID, $filter: DropFilterInput, $first: Int, $after: String, $full: Boolean!) {\n    museumDrops(museumId: $museumId, filter: $filter, first: $first, after: $after) {\n      nodes { id ...DropFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.MuseumDropsDocument,
    "\n  query ManagedDrop($id: ID!) { managedDrop(id: $id) { ...DropFields } }\n": types.ManagedDropDocument,
    "\n  mutation UpdateDrop($input: UpdateDropInput!) { updateDrop(input: $input) { ...DropFields } }\n": types.UpdateDropDocument,
    "\n  mutation CreateDrop($input: CreateDropInput!) { createDrop(input: $input) { ...DropFields } }\n": types.CreateDropDocument,
    "\n  query DropEntries($dropId: ID!, $status: String) {\n    dropEntries(dropId: $dropId, first: 100, status: $status) {\n      id\n      status\n      position\n      joinedAt\n      turnEndsAt\n      accountEmail\n      accountAgeDays\n      sameAddressEntries\n      sameShippingAddressEntries\n      voidReason\n    }\n  }\n": types.DropEntriesDocument,
    "\n  mutation CancelDrop($input: CancelDropInput!) { cancelDrop(input: $input) { id status } }\n": types.CancelDropDocument,
    "\n  mutation VoidEntry($input: VoidDropEntryInput!) { voidDropEntry(input: $input) { id status } }\n": types.VoidEntryDocument,
    "\n  fragment FxRateFields on FxRate { id base quote rate source effectiveAt }\n": types.FxRateFieldsFragmentDoc,
    "\n  query FxRates($base: String!, $quote: String!, $first: Int, $after: String, $full: Boolean!) {\n    fxRates(base: $base, quote: $quote, first: $first, after: $after) {\n      nodes { id ...FxRateFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.FxRatesDocument,
    "\n  mutation SetFxRate($input: SetFxRateInput!) { setFxRate(input: $input) { ...FxRateFields } }\n": types.SetFxRateDocument,
    "\n  fragment LiveSessionFields on LiveSession { id museumId title streamUrl startsAt endsAt phase pinnedProductId productIds }\n": types.LiveSessionFieldsFragmentDoc,
    "\n  query ManagedLiveSessions($museumId: ID, $filter: LiveSessionFilterInput, $first: Int, $after: String, $full: Boolean!) {\n    managedLiveSessions(museumId: $museumId, filter: $filter, first: $first, after: $after) {\n      nodes { id ...LiveSessionFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.ManagedLiveSessionsDocument,
    "\n  query ManagedLiveSession($id: ID!) {\n    managedLiveSession(id: $id) {\n      ...LiveSessionFields\n      products { productId name priceMinor currency available }\n      flashPrices { productId priceMinor startsAt endsAt }\n      announcements { id body createdAt }\n      sales { productId name orders units revenueMinor }\n    }\n  }\n": types.ManagedLiveSessionDocument,
    "\n  query LiveStreamUrlCheck($url: String!) { liveStreamUrlCheck(url: $url) { player { kind platform } problem } }\n": types.LiveStreamUrlCheckDocument,
    "\n  mutation ScheduleLiveSession($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { ...LiveSessionFields } }\n": types.ScheduleLiveSessionDocument,
    "\n  mutation UpdateLiveSession($input: UpdateLiveSessionInput!) { updateLiveSession(input: $input) { ...LiveSessionFields } }\n": types.UpdateLiveSessionDocument,
    "\n  mutation SetLiveSessionBag($input: SetLiveSessionBagInput!) { setLiveSessionBag(input: $input) { ...LiveSessionFields } }\n": types.SetLiveSessionBagDocument,
    "\n  mutation CancelLiveSession($input: CancelLiveSessionInput!) { cancelLiveSession(input: $input) { id phase } }\n": types.CancelLiveSessionDocument,
    "\n  mutation PinLiveProduct($input: PinLiveProductInput!) { pinLiveProduct(input: $input) { id pinnedProductId } }\n": types.PinLiveProductDocument,
    "\n  mutation StartLiveFlashPrice($input: StartLiveFlashPriceInput!) { startLiveFlashPrice(input: $input) { productId priceMinor endsAt } }\n": types.StartLiveFlashPriceDocument,
    "\n  mutation PostLiveAnnouncement($input: PostLiveAnnouncementInput!) { postLiveAnnouncement(input: $input) { id body } }\n": types.PostLiveAnnouncementDocument,
    "\n  fragment MuseumFields on ManagedMuseum {\n    id\n    slug\n    legalName\n    country\n    storefront { id status name { fr en zhCN } }\n  }\n": types.MuseumFieldsFragmentDoc,
    "\n  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {\n    museums(first: $first, after: $after, search: $search) {\n      nodes { id ...MuseumFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.MuseumsDocument,
    "\n  query MyMuseums { myMuseums { ...MuseumFields } }\n": types.MyMuseumsDocument,
    "\n  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }\n": types.MuseumDocument,
    "\n  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }\n": types.CreateMuseumDocument,
    "\n  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }\n": types.UpdateMuseumDocument,
    "\n  fragment DisputeFields on OrderDispute {\n    id\n    providerDisputeId\n    orderId\n    orderNumber\n    amount\n    disputedTotal\n    currency\n    reason\n    status\n    evidenceDueBy\n    evidenceSubmittedAt\n    acceptsEvidence\n    lostAmount\n    createdAt\n  }\n": types.DisputeFieldsFragmentDoc,
    "\n  fragment OrderListFields on Order {\n    id\n    number\n    museumId\n    status\n    paymentStatus\n    customsMode\n    currency\n    goodsTotal\n    shippingTotal\n    insuranceTotal\n    taxTotal\n    total\n    createdAt\n    paidAt\n    holdExpiresAt\n    orderer { name residentIdMasked }\n    recipient { name phone province city district street postalCode }\n    refundOutstanding { amount currency }\n  }\n": types.OrderListFieldsFragmentDoc,
    "\n  fragment OrderDetailFields on Order {\n    ...OrderListFields\n    discountTotal\n    returnDeadline\n    fx { rate marginBps source effectiveAt }\n    lines {\n      id\n      productId\n      variantId\n      sku\n      name\n      imageUrl\n      hsCode\n      originCountry\n      crossBorderCategory\n      quantity\n      currency\n      unitPrice\n      unitPriceEur\n      goods\n      discount\n      freight\n      insurance\n      dutiable\n      taxRate\n      tax\n      total\n    }\n    history { from to reason at }\n    refundedTotal\n    refunds { id providerRefundId amount currency status reason createdAt }\n    lostToDisputes\n    disputes { ...DisputeFields }\n    attribution { channel ref }\n    settlement {\n      parties { account ownerType ownerId component amount { amount currency } }\n      discounts { promotionId name kind code fundedBy amount { amount currency } }\n    }\n  }\n": types.OrderDetailFieldsFragmentDoc,
    "\n  fragment FulfilmentFields on OrderFulfilment {\n    awaitingHandover\n    customsMessages {\n      id\n      document\n      messageType\n      businessNo\n      senderCode\n      status\n      invtNo\n      preNo\n      amendments { id status returnInfo createdAt xml }\n      attempts\n      firstSentAt\n      lastSentAt\n      lastError\n      xml\n      receipts { id status returnStatus returnInfo returnTime receivedAt }\n      transmissions { id sentAt finishedAt outcome error entries }\n    }\n    shipment {\n      carrierCode\n      logisticsNo\n      status\n      bookingRef\n      waybillIssuedAt\n      bookedAt\n      deliveredAt\n      bookingAttempts\n      lastError\n      handoverRequests\n      handoverRequestedAt\n      events { eventId status description location occurredAt }\n    }\n  }\n": types.FulfilmentFieldsFragmentDoc,
    "\n  query MuseumOrders($museumId: ID, $filter: OrderFilterInput, $sort: OrderSort, $first: Int, $after: String, $full: Boolean!, $lines: Boolean!) {\n    museumOrders(museumId: $museumId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes { id ...OrderListFields @include(if: $full) lines @include(if: $lines) { sku name quantity } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.MuseumOrdersDocument,
    "\n  query Order($id: ID!) { order(id: $id) { ...OrderDetailFields } orderFulfilment(orderId: $id) { ...FulfilmentFields } }\n": types.OrderDocument,
    "\n  mutation RefundOrder($id: ID!, $reason: String!, $lines: [RefundLineInput!], $idempotencyKey: String) {\n    refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $idempotencyKey) { refundId refundStatus amount replayed order { id status } }\n  }\n": types.RefundOrderDocument,
    "\n  query MuseumDisputes($museumId: ID) { museumDisputes(museumId: $museumId, open: true) { ...DisputeFields } }\n": types.MuseumDisputesDocument,
    "\n  mutation SubmitDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) {\n    submitDisputeEvidence(disputeId: $id, evidence: $evidence) { id status evidenceSubmittedAt }\n  }\n": types.SubmitDisputeEvidenceDocument,
    "\n  mutation ShipOrder($id: ID!) { shipOrder(orderId: $id) { status ...FulfilmentFields } }\n": types.ShipOrderDocument,
    "\n  query OrderFulfilment($id: ID!) { orderFulfilment(orderId: $id) { status ...FulfilmentFields } }\n": types.OrderFulfilmentDocument,
    "\n  fragment ProductExportFields on ManagedProduct {\n    id\n    museumId\n    status\n    category\n    crossBorderCategory\n    name { fr en zhCN }\n    description { fr en zhCN }\n    variants { id sku options priceMinor weightGrams hsCode originCountry netContent netContentUnit available }\n    media { id url alt position }\n    artworks { id }\n    collections { id }\n    listableForChina\n    listingProblems { code path message }\n    createdAt\n    updatedAt\n    publishedAt\n  }\n": types.ProductExportFieldsFragmentDoc,
    "\n  fragment ProductFields on ManagedProduct {\n    ...ProductExportFields\n    variants {\n      stockLevels { locationId onHand reserved available }\n      shopperPrice { amount currency }\n      crossBorderTax { amount currency }\n    }\n  }\n": types.ProductFieldsFragmentDoc,
    "\n  fragment ProductListFields on ManagedProduct {\n    id\n    museumId\n    status\n    category\n    name { fr en zhCN }\n    variants { priceMinor available }\n    media { url position }\n    createdAt\n    updatedAt\n    publishedAt\n  }\n": types.ProductListFieldsFragmentDoc,
    "\n  query ManagedProducts(\n    $museumId: ID\n    $first: Int\n    $after: String\n    $filter: ManagedProductFilter\n    $sort: ManagedProductSort\n    $rows: Boolean!\n    $export: Boolean!\n  ) {\n    managedProducts(museumId: $museumId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes { id ...ProductListFields @include(if: $rows) ...ProductExportFields @include(if: $export) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.ManagedProductsDocument,
    "\n  query ManagedProduct($id: ID!) { managedProduct(id: $id) { ...ProductFields } }\n": types.ManagedProductDocument,
    "\n  mutation PublishProduct($id: ID!) { publishProduct(id: $id) { ...ProductFields } }\n": types.PublishProductDocument,
    "\n  mutation UnpublishProduct($id: ID!) { unpublishProduct(id: $id) { ...ProductFields } }\n": types.UnpublishProductDocument,
    "\n  mutation ArchiveProduct($id: ID!) { archiveProduct(id: $id) { ...ProductFields } }\n": types.ArchiveProductDocument,
    "\n  mutation BulkStatus($ids: [ID!]!, $status: ProductStatus!) { bulkSetProductStatus(ids: $ids, status: $status) { updated failed { id code message } } }\n": types.BulkStatusDocument,
    "\n  query ProductCounts($museumId: ID) {\n    DRAFT: managedProducts(museumId: $museumId, first: 1, filter: { status: DRAFT }) { totalCount }\n    PUBLISHED: managedProducts(museumId: $museumId, first: 1, filter: { status: PUBLISHED }) { totalCount }\n    ARCHIVED: managedProducts(museumId: $museumId, first: 1, filter: { status: ARCHIVED }) { totalCount }\n  }\n": types.ProductCountsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) { createProduct(input: $input) { ...ProductFields } }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) { updateProduct(input: $input) { ...ProductFields } }\n": types.UpdateProductDocument,
    "\n  mutation DeleteProduct($id: ID!) { deleteProduct(id: $id) }\n": types.DeleteProductDocument,
    "\n  fragment PromotionFields on Promotion {\n    id\n    museumId\n    kind\n    name\n    code\n    tiers { minMinor offMinor }\n    every\n    discountType\n    percentBps\n    amountOffMinor\n    minSpendMinor\n    fundedBy\n    perShopperLimit\n    totalLimit\n    usedCount\n    discountGivenMinor\n    productIds\n    startsAt\n    endsAt\n    status\n  }\n": types.PromotionFieldsFragmentDoc,
    "\n  query Promotions($museumId: ID, $archivedOnly: Boolean) { promotions(museumId: $museumId, archivedOnly: $archivedOnly) { ...PromotionFields } }\n": types.PromotionsDocument,
    "\n  query Promotion($id: ID!) { promotion(id: $id) { ...PromotionFields } }\n": types.PromotionDocument,
    "\n  mutation CreatePromotion($input: PromotionInput!) { createPromotion(input: $input) { ...PromotionFields } }\n": types.CreatePromotionDocument,
    "\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) { updatePromotion(id: $id, input: $input) { ...PromotionFields } }\n": types.UpdatePromotionDocument,
    "\n  mutation ArchivePromotion($id: ID!) { archivePromotion(id: $id) { id status } }\n": types.ArchivePromotionDocument,
    "\n  mutation QueueBoardLink { queueBoardLink { path expiresAt } }\n": types.QueueBoardLinkDocument,
    "\n  fragment FxRefreshRunFields on FxRefreshRun { id status base quote rate referenceDate source error startedAt finishedAt acknowledgedAt }\n": types.FxRefreshRunFieldsFragmentDoc,
    "\n  query FxRefreshRuns($first: Int) {\n    runs: fxRefreshRuns(first: $first) { nodes { ...FxRefreshRunFields } }\n    alerts: fxRefreshRuns(status: FAILED, unacknowledged: true, first: 1) { totalCount }\n  }\n": types.FxRefreshRunsDocument,
    "\n  mutation AcknowledgeFxRefreshRun($id: ID!) { acknowledgeFxRefreshRun(id: $id) { id } }\n": types.AcknowledgeFxRefreshRunDocument,
    "\n  mutation RefreshFxRatesNow { refreshFxRatesNow }\n": types.RefreshFxRatesNowDocument,
    "\n  fragment ReturnFields on OrderReturn {\n    id\n    orderId\n    orderNumber\n    museumId\n    reason\n    note\n    photoUrls\n    status\n    customsStatus\n    late\n    releasedAt\n    arrivalDeadline\n    decisionComment\n    decidedAt\n    returnLogisticsNo\n    receivedAt\n    inspectedAt\n    inspectionComment\n    refundAmount\n    createdAt\n    lines { lineId quantity acceptedQuantity sellable }\n  }\n": types.ReturnFieldsFragmentDoc,
    "\n  query MuseumReturns($museumId: ID, $status: ReturnStatus, $late: Boolean, $first: Int, $after: String, $full: Boolean!) {\n    museumReturns(museumId: $museumId, status: $status, late: $late, first: $first, after: $after) {\n      nodes { id ...ReturnFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.MuseumReturnsDocument,
    "\n  query MuseumReturn($id: ID!, $locale: String) {\n    museumReturn(id: $id) {\n      ...ReturnFields\n      history(locale: $locale) { kind detail at }\n      shopperMessages { at sentAt step channel locale phoneMasked status template content attempts lastError }\n      photos { id position contentType byteSize url urlExpiresAt }\n    }\n  }\n": types.MuseumReturnDocument,
    "\n  mutation DecideReturn($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { ...ReturnFields } }\n": types.DecideReturnDocument,
    "\n  mutation MarkReturnReceived($id: ID!) { markReturnReceived(returnId: $id) { ...ReturnFields } }\n": types.MarkReturnReceivedDocument,
    "\n  mutation InspectReturn($input: InspectReturnInput!) { inspectReturn(input: $input) { ...ReturnFields } }\n": types.InspectReturnDocument,
    "\n  mutation RefundReturn($id: ID!) { refundReturn(returnId: $id) { ...ReturnFields } }\n": types.RefundReturnDocument,
    "\n  fragment BalanceFields on SellerBalance {\n    sellerType\n    sellerId\n    payable { amount currency }\n    pending { amount currency }\n    notPaidOut { amount currency }\n  }\n": types.BalanceFieldsFragmentDoc,
    "\n  fragment LedgerLineFields on SellerLedgerLine {\n    id\n    event\n    entryKind\n    createdAt\n    occurredAt\n    account\n    component\n    orderId\n    orderNumber\n    amount { amount currency }\n  }\n": types.LedgerLineFieldsFragmentDoc,
    "\n  fragment PayoutAccountFields on PayoutAccount {\n    ready\n    detailsSubmitted\n    chargesEnabled\n    requirements\n    onboardingUrl\n    bankPayoutStatus\n    bankPayoutFailureCode\n    payoutCurrency\n  }\n": types.PayoutAccountFieldsFragmentDoc,
    "\n  query SellerBalance($m: ID, $b: ID) { sellerBalance(museumId: $m, brandId: $b) { ...BalanceFields } }\n": types.SellerBalanceDocument,
    "\n  query PlatformLedger {\n    platformLedger {\n      sellers { ...BalanceFields }\n      taxOwedToCustoms { amount currency }\n      commissionRevenue { amount currency }\n      stripeClearing { amount currency }\n      stripeFees { amount currency }\n      platformPromotions { amount currency }\n    }\n  }\n": types.PlatformLedgerDocument,
    "\n  mutation RecordTaxRemittance($input: RecordTaxRemittanceInput!) {\n    recordTaxRemittance(input: $input) { reference amount { amount currency } taxOwedAfter { amount currency } }\n  }\n": types.RecordTaxRemittanceDocument,
    "\n  query SettlementMuseumName($id: ID!) { museum(id: $id) { legalName } }\n": types.SettlementMuseumNameDocument,
    "\n  query SettlementBrandName($id: ID!) { brand(id: $id) { name } }\n": types.SettlementBrandNameDocument,
    "\n  query SettlementBrandNames { brands(first: 100) { nodes { id name } } }\n": types.SettlementBrandNamesDocument,
    "\n  query SellerLedgerLines($m: ID, $b: ID, $kind: String, $from: DateTime, $to: DateTime, $first: Int, $after: String, $full: Boolean!) {\n    sellerLedgerLines(museumId: $m, brandId: $b, kind: $kind, from: $from, to: $to, first: $first, after: $after) {\n      nodes { id ...LedgerLineFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.SellerLedgerLinesDocument,
    "\n  query SellerPayouts($m: ID, $b: ID) {\n    sellerPayouts(museumId: $m, brandId: $b) {\n      id\n      runKey\n      amount { amount currency }\n      status\n      stripeTransferId\n      checkoutId\n      transferGroup\n      reversed { amount currency }\n      createdAt\n      paidAt\n      bankStatus\n      bankFailureCode\n      bankFailureMessage\n      received { amount currency }\n      exchangeRate\n    }\n  }\n": types.SellerPayoutsDocument,
    "\n  query PayoutAccount($m: ID, $b: ID) { payoutAccount(museumId: $m, brandId: $b) { ...PayoutAccountFields } }\n": types.PayoutAccountDocument,
    "\n  mutation ConnectPayoutAccount($m: ID, $b: ID, $r: String!, $f: String!) {\n    connectPayoutAccount(museumId: $m, brandId: $b, returnUrl: $r, refreshUrl: $f) { ...PayoutAccountFields }\n  }\n": types.ConnectPayoutAccountDocument,
    "\n  query SellerStatement($m: ID, $b: ID, $month: String!) { sellerStatement(museumId: $m, brandId: $b, month: $month) { csv } }\n": types.SellerStatementDocument,
    "\n  fragment StatementFields on RoyaltyStatement {\n    id\n    agreementId\n    museumId\n    brandId\n    periodStart\n    periodEnd\n    currency\n    units\n    entryCount\n    netSales { amount currency }\n    royalty { amount currency }\n    cumulativeRoyalty { amount currency }\n    advanceRecouped { amount currency }\n    advanceRemaining { amount currency }\n    minimumGuaranteeShortfall { amount currency }\n    amountPayable { amount currency }\n    generatedAt\n    csvUrl\n    pdfUrl\n    agreement { id products { productId name { fr en zhCN } } }\n  }\n": types.StatementFieldsFragmentDoc,
    "\n  query RoyaltyStatements($agreementId: ID, $first: Int, $after: String, $full: Boolean!) {\n    royaltyStatements(agreementId: $agreementId, first: $first, after: $after) {\n      nodes { id ...StatementFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.RoyaltyStatementsDocument,
    "\n  query RoyaltyStatement($id: ID!) { royaltyStatement(id: $id) { ...StatementFields } }\n": types.RoyaltyStatementDocument,
    "\n  fragment StockLocationFields on StockLocation { id museumId code name kind customsMode priority }\n": types.StockLocationFieldsFragmentDoc,
    "\n  fragment StockLevelFields on StockLevel {\n    variantId\n    locationId\n    onHand\n    reserved\n    available\n    updatedAt\n    variant { sku productId productName { fr en zhCN } }\n  }\n": types.StockLevelFieldsFragmentDoc,
    "\n  fragment StockMovementFields on StockMovement { id kind onHandDelta reservedDelta reference changedBy note createdAt }\n": types.StockMovementFieldsFragmentDoc,
    "\n  query StockMovements($locationId: ID!, $variantId: ID!, $first: Int, $after: String) {\n    stockMovements(locationId: $locationId, variantId: $variantId, first: $first, after: $after) {\n      nodes { ...StockMovementFields }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.StockMovementsDocument,
    "\n  mutation SetStockLevel($input: SetStockLevelInput!) { setStockLevel(input: $input) { ...StockLevelFields } }\n": types.SetStockLevelDocument,
    "\n  query StockVariantChoices($museumId: ID, $filter: ManagedProductFilter) {\n    managedProducts(museumId: $museumId, first: 20, filter: $filter) { nodes { name { fr en zhCN } variants { id sku } } }\n  }\n": types.StockVariantChoicesDocument,
    "\n  query StockLocations($museumId: ID!) { stockLocations(museumId: $museumId) { ...StockLocationFields } }\n": types.StockLocationsDocument,
    "\n  query StockLocation($id: ID!) { stockLocation(id: $id) { ...StockLocationFields } }\n": types.StockLocationDocument,
    "\n  mutation CreateStockLocation($input: CreateStockLocationInput!) { createStockLocation(input: $input) { ...StockLocationFields } }\n": types.CreateStockLocationDocument,
    "\n  query StockLevels($locationId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    stockLevels(locationId: $locationId, first: $first, after: $after) {\n      nodes { variantId locationId ...StockLevelFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.StockLevelsDocument,
    "\n  fragment CommissionFields on CommissionSettings {\n    id\n    storefrontId\n    effectiveFrom\n    defaultRateBps\n    passStripeFees\n    categoryRates { category rateBps }\n  }\n": types.CommissionFieldsFragmentDoc,
    "\n  query CommissionSettings($storefrontId: ID!) { commissionSettings(storefrontId: $storefrontId) { ...CommissionFields } }\n": types.CommissionSettingsDocument,
    "\n  mutation SetCommissionRates($input: SetCommissionRatesInput!) { setCommissionRates(input: $input) { ...CommissionFields } }\n": types.SetCommissionRatesDocument,
    "\n  fragment StorefrontFields on ManagedStorefront {\n    id\n    museumId\n    slug\n    status\n    bannerUrl\n    name { fr en zhCN }\n    story { fr en zhCN }\n    featuredCollectionIds\n    autoBookCarrier\n    customsCode\n    customsName\n  }\n": types.StorefrontFieldsFragmentDoc,
    "\n  query ManagedStorefront($museumId: ID!) { managedStorefront(museumId: $museumId) { ...StorefrontFields } }\n": types.ManagedStorefrontDocument,
    "\n  mutation UpdateStorefront($input: UpdateStorefrontInput!) { updateStorefront(input: $input) { ...StorefrontFields } }\n": types.UpdateStorefrontDocument,
    "\n  fragment WarehouseFeedFields on WarehouseFeed { id museumId name format url everyMinutes nextRunAt enabled createdAt }\n": types.WarehouseFeedFieldsFragmentDoc,
    "\n  fragment SyncRunFields on StockSyncRun {\n    id\n    museumId\n    feedId\n    trigger\n    format\n    status\n    rowsTotal\n    changed\n    unchanged\n    rejected\n    failure\n    queuedAt\n    startedAt\n    finishedAt\n  }\n": types.SyncRunFieldsFragmentDoc,
    "\n  fragment StockWebhookFields on StockWebhook { museumId url enabled createdAt updatedAt }\n": types.StockWebhookFieldsFragmentDoc,
    "\n  query StockSyncRuns($museumId: ID!, $feedId: ID, $first: Int, $after: String, $full: Boolean!) {\n    stockSyncRuns(museumId: $museumId, feedId: $feedId, first: $first, after: $after) {\n      nodes { id ...SyncRunFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.StockSyncRunsDocument,
    "\n  query StockSyncRun($id: ID!) { stockSyncRun(id: $id) { ...SyncRunFields errors { line sku location code message } } }\n": types.StockSyncRunDocument,
    "\n  query WarehouseFeeds($museumId: ID!) { warehouseFeeds(museumId: $museumId) { ...WarehouseFeedFields } }\n": types.WarehouseFeedsDocument,
    "\n  mutation ConnectWarehouseFeed($input: ConnectWarehouseFeedInput!) { connectWarehouseFeed(input: $input) { ...WarehouseFeedFields } }\n": types.ConnectWarehouseFeedDocument,
    "\n  mutation UpdateWarehouseFeed($input: UpdateWarehouseFeedInput!) { updateWarehouseFeed(input: $input) { ...WarehouseFeedFields } }\n": types.UpdateWarehouseFeedDocument,
    "\n  mutation RunWarehouseFeed($feedId: ID!) { runWarehouseFeed(feedId: $feedId) { ...SyncRunFields } }\n": types.RunWarehouseFeedDocument,
    "\n  mutation UploadStockFeed($input: UploadStockFeedInput!) { uploadStockFeed(input: $input) { ...SyncRunFields } }\n": types.UploadStockFeedDocument,
    "\n  query StockWebhook($museumId: ID!) {\n    stockWebhook(museumId: $museumId) { ...StockWebhookFields }\n    stockWebhookDeliveries(museumId: $museumId, first: 5) { nodes { id status attempts lastStatusCode lastError levelCount createdAt deliveredAt } }\n  }\n": types.StockWebhookDocument,
    "\n  mutation ConfigureStockWebhook($input: ConfigureStockWebhookInput!) { configureStockWebhook(input: $input) { secret webhook { ...StockWebhookFields } } }\n": types.ConfigureStockWebhookDocument,
    "\n  mutation DisableStockWebhook($museumId: ID!) { disableStockWebhook(museumId: $museumId) }\n": types.DisableStockWebhookDocument,
    "\n  fragment UserFields on UserAccount { id email displayName role museumIds brandId disabled createdAt }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int, $after: String, $role: Role, $search: String, $full: Boolean!) {\n    users(first: $first, after: $after, role: $role, search: $search) {\n      nodes { id ...UserFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.UsersDocument,
    "\n  query User($id: ID!) { user(id: $id) { ...UserFields } }\n": types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }\n": types.CreateUserDocument,
    "\n  mutation UpdateAccess($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { ...UserFields } }\n": types.UpdateAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($t: String!) {\n    refreshSession(refreshToken: $t) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }\n  }\n"): typeof import('./graphql').RefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($t: String!) { logout(refreshToken: $t) }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MuseumDashboard($museumId: ID, $timeZone: String, $threshold: Int) {\n    museumDashboard(museumId: $museumId, timeZone: $timeZone, lowStockThreshold: $threshold, lowStockFirst: 8) {\n      timeZone\n      today { day orders totalCny goodsCny totalEur goodsEur }\n      month { month orders totalCny goodsCny totalEur goodsEur }\n      daily { day orders totalCny goodsCny totalEur goodsEur }\n      ordersByStatus { status count }\n      heldAtCustoms\n      lowStock { threshold totalCount levels { variantId locationId locationCode sku productName { fr en zhCN } onHand reserved available } }\n    }\n  }\n"): typeof import('./graphql').MuseumDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalContentFields on ProposalContent {\n    title { fr en zhCN }\n    concept { fr en zhCN }\n    imageUrls\n    artworkIds\n    category\n    crossBorderCategory\n    targetRetailPrice { amount currency }\n    forecastUnits\n    territory\n    channels\n    termStart\n    termEnd\n    sellOffDays\n    royaltyRateBps\n    minimumGuarantee { amount currency }\n    advance { amount currency }\n    specification { hsCode weightGrams originCountry }\n  }\n"): typeof import('./graphql').ProposalContentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalHeadFields on Proposal {\n    id\n    museumId\n    brandId\n    brandName\n    museum { id slug name { fr en zhCN } }\n    status\n    stage\n    amendment\n    currentVersion\n    submittedVersion\n    approvedVersion\n    reviewDueAt\n    submittedAt\n    createdAt\n    updatedAt\n    allowedActions\n  }\n"): typeof import('./graphql').ProposalHeadFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalDetailFields on Proposal {\n    ...ProposalHeadFields\n    content { ...ProposalContentFields }\n    submissionProblems { path message }\n    revisions { version stage note createdAt content { ...ProposalContentFields } }\n    reviewHistory { id decision stage revisionVersion comment createdAt }\n    history { event actorRole comment createdAt fromStage toStage fromStatus toStatus revisionVersion }\n    artworks { id accessionNumber artist title { fr en zhCN } }\n    agreement { id status }\n  }\n"): typeof import('./graphql').ProposalDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalResultFields on ProposalResult {\n    __typename\n    ... on Proposal { ...ProposalDetailFields }\n    ... on IllegalTransitionError { errorCode message }\n    ... on StaleRevisionError { errorCode message latestVersion }\n    ... on AgreementTermsLockedError { errorCode message lockedFields }\n  }\n"): typeof import('./graphql').ProposalResultFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Proposals($filter: ProposalFilter, $first: Int, $after: String, $full: Boolean!) {\n    proposals(filter: $filter, first: $first, after: $after) {\n      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalInbox($museumId: ID!, $statuses: [ProposalStatus!], $stage: ProposalStage, $first: Int, $after: String, $full: Boolean!) {\n    proposalInbox(museumId: $museumId, statuses: $statuses, stage: $stage, first: $first, after: $after) {\n      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ProposalInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Proposal($id: ID!) { proposal(id: $id) { ...ProposalDetailFields } }\n"): typeof import('./graphql').ProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposalDiff($id: ID!, $from: Int!, $to: Int!) { proposalDiff(id: $id, fromVersion: $from, toVersion: $to) { path kind before after } }\n"): typeof import('./graphql').ProposalDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProposal($input: CreateProposalInput!) { createProposal(input: $input) { ...ProposalDetailFields } }\n"): typeof import('./graphql').CreateProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviseProposal($input: ReviseProposalInput!) { reviseProposal(input: $input) { ...ProposalResultFields } }\n"): typeof import('./graphql').ReviseProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitProposal($id: ID!, $v: Int) { submitProposal(id: $id, expectedVersion: $v) { ...ProposalResultFields } }\n"): typeof import('./graphql').SubmitProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewProposal($input: ReviewProposalInput!) { reviewProposal(input: $input) { ...ProposalResultFields } }\n"): typeof import('./graphql').ReviewProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawProposal($id: ID!, $reason: String) { withdrawProposal(id: $id, reason: $reason) { ...ProposalResultFields } }\n"): typeof import('./graphql').WithdrawProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicensingMuseums { licensingMuseums(first: 100) { nodes { id slug licensableWorkCount name { fr en zhCN } } } }\n"): typeof import('./graphql').LicensingMuseumsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicensableArtworks($museumId: ID!, $search: String) {\n    licensableArtworks(museumId: $museumId, search: $search, first: 100) { nodes { id accessionNumber artist title { fr en zhCN } } }\n  }\n"): typeof import('./graphql').LicensableArtworksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notices($first: Int) { licensingNotifications(unreadOnly: true, first: $first) { totalCount nodes { id kind message proposalId dueAt createdAt } } }\n"): typeof import('./graphql').NoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNoticeRead($id: ID!) { markLicensingNotificationRead(id: $id) { id } }\n"): typeof import('./graphql').MarkNoticeReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LicensedProductFields on LicensedProduct {\n    productId\n    agreementId\n    museumId\n    name { fr en zhCN }\n    status\n    publishedAt\n    delistedAt\n    delistReason\n  }\n"): typeof import('./graphql').LicensedProductFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementFields on LicenceAgreement {\n    id\n    proposalId\n    museumId\n    brandId\n    brandName\n    museum { name { fr en zhCN } }\n    status\n    approvedVersion\n    royaltyRateBps\n    currency\n    territory\n    channels\n    termStart\n    termEnd\n    sellOffDays\n    sellOffEnd\n    minimumGuarantee { amount currency }\n    advance { amount currency }\n    createdAt\n    expiredAt\n  }\n"): typeof import('./graphql').AgreementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicenceAgreements($first: Int, $after: String, $full: Boolean!) {\n    licenceAgreements(first: $first, after: $after) {\n      nodes { id ...AgreementFields @include(if: $full) products @include(if: $full) { ...LicensedProductFields } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').LicenceAgreementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicenceAgreement($id: ID!) {\n    licenceAgreement(id: $id) { ...AgreementFields products { ...LicensedProductFields listingBlockers { code message path } } }\n  }\n"): typeof import('./graphql').LicenceAgreementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishLicensed($p: ID!) {\n    publishLicensedProduct(productId: $p) {\n      __typename\n      ... on LicensedProduct { ...LicensedProductFields }\n      ... on ListingNotAllowedError { errorCode message reasons { code message path } }\n    }\n  }\n"): typeof import('./graphql').PublishLicensedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishLicensed($p: ID!) { unpublishLicensedProduct(productId: $p) { ...LicensedProductFields } }\n"): typeof import('./graphql').UnpublishLicensedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerEntryFields on RoyaltyLedgerEntry {\n    id\n    kind\n    productId\n    orderLineId\n    units\n    sale { amount currency }\n    netSales { amount currency }\n    royalty { amount currency }\n    fxRate\n    periodStart\n    occurredAt\n    statementId\n  }\n"): typeof import('./graphql').LedgerEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyLedger($agreementId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    royaltyLedger(agreementId: $agreementId, first: $first, after: $after) {\n      nodes { id ...LedgerEntryFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').RoyaltyLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArtworkFields on ManagedArtwork {\n    id\n    museumId\n    accessionNumber\n    title { fr en zhCN }\n    artist\n    period\n    periodName { fr en zhCN }\n    creditLine\n    imageUrl\n    licensable\n  }\n"): typeof import('./graphql').ArtworkFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Artworks($museumId: ID!, $first: Int, $after: String, $search: String, $full: Boolean!) {\n    artworksOfMuseum(museumId: $museumId, first: $first, after: $after, search: $search) {\n      nodes { id ...ArtworkFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ArtworksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Artwork($id: ID!) { managedArtwork(id: $id) { ...ArtworkFields } }\n"): typeof import('./graphql').ArtworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateArtwork($input: CreateArtworkInput!) { createArtwork(input: $input) { ...ArtworkFields } }\n"): typeof import('./graphql').CreateArtworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateArtwork($input: UpdateArtworkInput!) { updateArtwork(input: $input) { ...ArtworkFields } }\n"): typeof import('./graphql').UpdateArtworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteArtwork($id: ID!) { deleteArtwork(id: $id) }\n"): typeof import('./graphql').DeleteArtworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BrandOrderFields on Order {\n    id\n    number\n    museumId\n    status\n    customsMode\n    currency\n    total\n    createdAt\n    orderer { name residentIdMasked }\n    recipient { name province city }\n    lines { id sku name quantity }\n  }\n"): typeof import('./graphql').BrandOrderFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandOrders($first: Int, $after: String, $status: OrderStatus, $full: Boolean!) {\n    brandOrders(first: $first, after: $after, status: $status) {\n      nodes { id ...BrandOrderFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').BrandOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandOrder($id: ID!) { order(id: $id) { ...BrandOrderFields } }\n"): typeof import('./graphql').BrandOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BrandLocationFields on StockLocation { id code name kind customsMode priority }\n"): typeof import('./graphql').BrandLocationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandStockLocations { brandStockLocations { ...BrandLocationFields } }\n"): typeof import('./graphql').BrandStockLocationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandLevels($locationId: ID!) {\n    brandFulfilledVariants { variantId productId sku }\n    brandStockLevels(locationId: $locationId, first: 100) { nodes { variantId onHand reserved available } }\n  }\n"): typeof import('./graphql').BrandLevelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBrandStockLevel($input: SetStockLevelInput!) { setBrandStockLevel(input: $input) { onHand } }\n"): typeof import('./graphql').SetBrandStockLevelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBrandStockLocation($input: CreateBrandStockLocationInput!) { createBrandStockLocation(input: $input) { ...BrandLocationFields } }\n"): typeof import('./graphql').CreateBrandStockLocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BrandFields on Brand { id slug name country createdAt }\n"): typeof import('./graphql').BrandFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Brands($first: Int, $after: String, $full: Boolean!) {\n    brands(first: $first, after: $after) {\n      nodes { id ...BrandFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').BrandsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Brand($id: ID!) { brand(id: $id) { ...BrandFields } }\n"): typeof import('./graphql').BrandDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBrand($input: CreateBrandInput!) { createBrand(input: $input) { ...BrandFields } }\n"): typeof import('./graphql').CreateBrandDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectionFields on ManagedCollection { id museumId slug name { fr en zhCN } }\n"): typeof import('./graphql').CollectionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Collections($museumId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    collectionsOfMuseum(museumId: $museumId, first: $first, after: $after) {\n      nodes { id ...CollectionFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').CollectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Collection($id: ID!) { managedCollection(id: $id) { ...CollectionFields } }\n"): typeof import('./graphql').CollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { ...CollectionFields } }\n"): typeof import('./graphql').CreateCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCollection($input: UpdateCollectionInput!) { updateCollection(input: $input) { ...CollectionFields } }\n"): typeof import('./graphql').UpdateCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n"): typeof import('./graphql').DeleteCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DropFields on Drop {\n    id\n    museumId\n    variantId\n    productId\n    mode\n    status\n    startsAt\n    registrationClosesAt\n    editionSize\n    perIdentityLimit\n    payWindowSeconds\n    seedHash\n    seed\n    drawnAt\n  }\n"): typeof import('./graphql').DropFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MuseumDrops($museumId: ID, $filter: DropFilterInput, $first: Int, $after: String, $full: Boolean!) {\n    museumDrops(museumId: $museumId, filter: $filter, first: $first, after: $after) {\n      nodes { id ...DropFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MuseumDropsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedDrop($id: ID!) { managedDrop(id: $id) { ...DropFields } }\n"): typeof import('./graphql').ManagedDropDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDrop($input: UpdateDropInput!) { updateDrop(input: $input) { ...DropFields } }\n"): typeof import('./graphql').UpdateDropDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDrop($input: CreateDropInput!) { createDrop(input: $input) { ...DropFields } }\n"): typeof import('./graphql').CreateDropDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DropEntries($dropId: ID!, $status: String) {\n    dropEntries(dropId: $dropId, first: 100, status: $status) {\n      id\n      status\n      position\n      joinedAt\n      turnEndsAt\n      accountEmail\n      accountAgeDays\n      sameAddressEntries\n      sameShippingAddressEntries\n      voidReason\n    }\n  }\n"): typeof import('./graphql').DropEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelDrop($input: CancelDropInput!) { cancelDrop(input: $input) { id status } }\n"): typeof import('./graphql').CancelDropDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidEntry($input: VoidDropEntryInput!) { voidDropEntry(input: $input) { id status } }\n"): typeof import('./graphql').VoidEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FxRateFields on FxRate { id base quote rate source effectiveAt }\n"): typeof import('./graphql').FxRateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FxRates($base: String!, $quote: String!, $first: Int, $after: String, $full: Boolean!) {\n    fxRates(base: $base, quote: $quote, first: $first, after: $after) {\n      nodes { id ...FxRateFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').FxRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFxRate($input: SetFxRateInput!) { setFxRate(input: $input) { ...FxRateFields } }\n"): typeof import('./graphql').SetFxRateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveSessionFields on LiveSession { id museumId title streamUrl startsAt endsAt phase pinnedProductId productIds }\n"): typeof import('./graphql').LiveSessionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedLiveSessions($museumId: ID, $filter: LiveSessionFilterInput, $first: Int, $after: String, $full: Boolean!) {\n    managedLiveSessions(museumId: $museumId, filter: $filter, first: $first, after: $after) {\n      nodes { id ...LiveSessionFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ManagedLiveSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedLiveSession($id: ID!) {\n    managedLiveSession(id: $id) {\n      ...LiveSessionFields\n      products { productId name priceMinor currency available }\n      flashPrices { productId priceMinor startsAt endsAt }\n      announcements { id body createdAt }\n      sales { productId name orders units revenueMinor }\n    }\n  }\n"): typeof import('./graphql').ManagedLiveSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveStreamUrlCheck($url: String!) { liveStreamUrlCheck(url: $url) { player { kind platform } problem } }\n"): typeof import('./graphql').LiveStreamUrlCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleLiveSession($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { ...LiveSessionFields } }\n"): typeof import('./graphql').ScheduleLiveSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLiveSession($input: UpdateLiveSessionInput!) { updateLiveSession(input: $input) { ...LiveSessionFields } }\n"): typeof import('./graphql').UpdateLiveSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLiveSessionBag($input: SetLiveSessionBagInput!) { setLiveSessionBag(input: $input) { ...LiveSessionFields } }\n"): typeof import('./graphql').SetLiveSessionBagDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelLiveSession($input: CancelLiveSessionInput!) { cancelLiveSession(input: $input) { id phase } }\n"): typeof import('./graphql').CancelLiveSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinLiveProduct($input: PinLiveProductInput!) { pinLiveProduct(input: $input) { id pinnedProductId } }\n"): typeof import('./graphql').PinLiveProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartLiveFlashPrice($input: StartLiveFlashPriceInput!) { startLiveFlashPrice(input: $input) { productId priceMinor endsAt } }\n"): typeof import('./graphql').StartLiveFlashPriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostLiveAnnouncement($input: PostLiveAnnouncementInput!) { postLiveAnnouncement(input: $input) { id body } }\n"): typeof import('./graphql').PostLiveAnnouncementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MuseumFields on ManagedMuseum {\n    id\n    slug\n    legalName\n    country\n    storefront { id status name { fr en zhCN } }\n  }\n"): typeof import('./graphql').MuseumFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {\n    museums(first: $first, after: $after, search: $search) {\n      nodes { id ...MuseumFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MuseumsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMuseums { myMuseums { ...MuseumFields } }\n"): typeof import('./graphql').MyMuseumsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }\n"): typeof import('./graphql').MuseumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }\n"): typeof import('./graphql').CreateMuseumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }\n"): typeof import('./graphql').UpdateMuseumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DisputeFields on OrderDispute {\n    id\n    providerDisputeId\n    orderId\n    orderNumber\n    amount\n    disputedTotal\n    currency\n    reason\n    status\n    evidenceDueBy\n    evidenceSubmittedAt\n    acceptsEvidence\n    lostAmount\n    createdAt\n  }\n"): typeof import('./graphql').DisputeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderListFields on Order {\n    id\n    number\n    museumId\n    status\n    paymentStatus\n    customsMode\n    currency\n    goodsTotal\n    shippingTotal\n    insuranceTotal\n    taxTotal\n    total\n    createdAt\n    paidAt\n    holdExpiresAt\n    orderer { name residentIdMasked }\n    recipient { name phone province city district street postalCode }\n    refundOutstanding { amount currency }\n  }\n"): typeof import('./graphql').OrderListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderDetailFields on Order {\n    ...OrderListFields\n    discountTotal\n    returnDeadline\n    fx { rate marginBps source effectiveAt }\n    lines {\n      id\n      productId\n      variantId\n      sku\n      name\n      imageUrl\n      hsCode\n      originCountry\n      crossBorderCategory\n      quantity\n      currency\n      unitPrice\n      unitPriceEur\n      goods\n      discount\n      freight\n      insurance\n      dutiable\n      taxRate\n      tax\n      total\n    }\n    history { from to reason at }\n    refundedTotal\n    refunds { id providerRefundId amount currency status reason createdAt }\n    lostToDisputes\n    disputes { ...DisputeFields }\n    attribution { channel ref }\n    settlement {\n      parties { account ownerType ownerId component amount { amount currency } }\n      discounts { promotionId name kind code fundedBy amount { amount currency } }\n    }\n  }\n"): typeof import('./graphql').OrderDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FulfilmentFields on OrderFulfilment {\n    awaitingHandover\n    customsMessages {\n      id\n      document\n      messageType\n      businessNo\n      senderCode\n      status\n      invtNo\n      preNo\n      amendments { id status returnInfo createdAt xml }\n      attempts\n      firstSentAt\n      lastSentAt\n      lastError\n      xml\n      receipts { id status returnStatus returnInfo returnTime receivedAt }\n      transmissions { id sentAt finishedAt outcome error entries }\n    }\n    shipment {\n      carrierCode\n      logisticsNo\n      status\n      bookingRef\n      waybillIssuedAt\n      bookedAt\n      deliveredAt\n      bookingAttempts\n      lastError\n      handoverRequests\n      handoverRequestedAt\n      events { eventId status description location occurredAt }\n    }\n  }\n"): typeof import('./graphql').FulfilmentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MuseumOrders($museumId: ID, $filter: OrderFilterInput, $sort: OrderSort, $first: Int, $after: String, $full: Boolean!, $lines: Boolean!) {\n    museumOrders(museumId: $museumId, filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes { id ...OrderListFields @include(if: $full) lines @include(if: $lines) { sku name quantity } }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MuseumOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) { order(id: $id) { ...OrderDetailFields } orderFulfilment(orderId: $id) { ...FulfilmentFields } }\n"): typeof import('./graphql').OrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundOrder($id: ID!, $reason: String!, $lines: [RefundLineInput!], $idempotencyKey: String) {\n    refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $idempotencyKey) { refundId refundStatus amount replayed order { id status } }\n  }\n"): typeof import('./graphql').RefundOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MuseumDisputes($museumId: ID) { museumDisputes(museumId: $museumId, open: true) { ...DisputeFields } }\n"): typeof import('./graphql').MuseumDisputesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) {\n    submitDisputeEvidence(disputeId: $id, evidence: $evidence) { id status evidenceSubmittedAt }\n  }\n"): typeof import('./graphql').SubmitDisputeEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipOrder($id: ID!) { shipOrder(orderId: $id) { status ...FulfilmentFields } }\n"): typeof import('./graphql').ShipOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderFulfilment($id: ID!) { orderFulfilment(orderId: $id) { status ...FulfilmentFields } }\n"): typeof import('./graphql').OrderFulfilmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductExportFields on ManagedProduct {\n    id\n    museumId\n    status\n    category\n    crossBorderCategory\n    name { fr en zhCN }\n    description { fr en zhCN }\n    variants { id sku options priceMinor weightGrams hsCode originCountry netContent netContentUnit available }\n    media { id url alt position }\n    artworks { id }\n    collections { id }\n    listableForChina\n    listingProblems { code path message }\n    createdAt\n    updatedAt\n    publishedAt\n  }\n"): typeof import('./graphql').ProductExportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductFields on ManagedProduct {\n    ...ProductExportFields\n    variants {\n      stockLevels { locationId onHand reserved available }\n      shopperPrice { amount currency }\n      crossBorderTax { amount currency }\n    }\n  }\n"): typeof import('./graphql').ProductFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductListFields on ManagedProduct {\n    id\n    museumId\n    status\n    category\n    name { fr en zhCN }\n    variants { priceMinor available }\n    media { url position }\n    createdAt\n    updatedAt\n    publishedAt\n  }\n"): typeof import('./graphql').ProductListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedProducts(\n    $museumId: ID\n    $first: Int\n    $after: String\n    $filter: ManagedProductFilter\n    $sort: ManagedProductSort\n    $rows: Boolean!\n    $export: Boolean!\n  ) {\n    managedProducts(museumId: $museumId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes { id ...ProductListFields @include(if: $rows) ...ProductExportFields @include(if: $export) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ManagedProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedProduct($id: ID!) { managedProduct(id: $id) { ...ProductFields } }\n"): typeof import('./graphql').ManagedProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishProduct($id: ID!) { publishProduct(id: $id) { ...ProductFields } }\n"): typeof import('./graphql').PublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishProduct($id: ID!) { unpublishProduct(id: $id) { ...ProductFields } }\n"): typeof import('./graphql').UnpublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveProduct($id: ID!) { archiveProduct(id: $id) { ...ProductFields } }\n"): typeof import('./graphql').ArchiveProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkStatus($ids: [ID!]!, $status: ProductStatus!) { bulkSetProductStatus(ids: $ids, status: $status) { updated failed { id code message } } }\n"): typeof import('./graphql').BulkStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductCounts($museumId: ID) {\n    DRAFT: managedProducts(museumId: $museumId, first: 1, filter: { status: DRAFT }) { totalCount }\n    PUBLISHED: managedProducts(museumId: $museumId, first: 1, filter: { status: PUBLISHED }) { totalCount }\n    ARCHIVED: managedProducts(museumId: $museumId, first: 1, filter: { status: ARCHIVED }) { totalCount }\n  }\n"): typeof import('./graphql').ProductCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) { createProduct(input: $input) { ...ProductFields } }\n"): typeof import('./graphql').CreateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: UpdateProductInput!) { updateProduct(input: $input) { ...ProductFields } }\n"): typeof import('./graphql').UpdateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProduct($id: ID!) { deleteProduct(id: $id) }\n"): typeof import('./graphql').DeleteProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PromotionFields on Promotion {\n    id\n    museumId\n    kind\n    name\n    code\n    tiers { minMinor offMinor }\n    every\n    discountType\n    percentBps\n    amountOffMinor\n    minSpendMinor\n    fundedBy\n    perShopperLimit\n    totalLimit\n    usedCount\n    discountGivenMinor\n    productIds\n    startsAt\n    endsAt\n    status\n  }\n"): typeof import('./graphql').PromotionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Promotions($museumId: ID, $archivedOnly: Boolean) { promotions(museumId: $museumId, archivedOnly: $archivedOnly) { ...PromotionFields } }\n"): typeof import('./graphql').PromotionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Promotion($id: ID!) { promotion(id: $id) { ...PromotionFields } }\n"): typeof import('./graphql').PromotionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromotion($input: PromotionInput!) { createPromotion(input: $input) { ...PromotionFields } }\n"): typeof import('./graphql').CreatePromotionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) { updatePromotion(id: $id, input: $input) { ...PromotionFields } }\n"): typeof import('./graphql').UpdatePromotionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchivePromotion($id: ID!) { archivePromotion(id: $id) { id status } }\n"): typeof import('./graphql').ArchivePromotionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueueBoardLink { queueBoardLink { path expiresAt } }\n"): typeof import('./graphql').QueueBoardLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FxRefreshRunFields on FxRefreshRun { id status base quote rate referenceDate source error startedAt finishedAt acknowledgedAt }\n"): typeof import('./graphql').FxRefreshRunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FxRefreshRuns($first: Int) {\n    runs: fxRefreshRuns(first: $first) { nodes { ...FxRefreshRunFields } }\n    alerts: fxRefreshRuns(status: FAILED, unacknowledged: true, first: 1) { totalCount }\n  }\n"): typeof import('./graphql').FxRefreshRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeFxRefreshRun($id: ID!) { acknowledgeFxRefreshRun(id: $id) { id } }\n"): typeof import('./graphql').AcknowledgeFxRefreshRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshFxRatesNow { refreshFxRatesNow }\n"): typeof import('./graphql').RefreshFxRatesNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReturnFields on OrderReturn {\n    id\n    orderId\n    orderNumber\n    museumId\n    reason\n    note\n    photoUrls\n    status\n    customsStatus\n    late\n    releasedAt\n    arrivalDeadline\n    decisionComment\n    decidedAt\n    returnLogisticsNo\n    receivedAt\n    inspectedAt\n    inspectionComment\n    refundAmount\n    createdAt\n    lines { lineId quantity acceptedQuantity sellable }\n  }\n"): typeof import('./graphql').ReturnFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MuseumReturns($museumId: ID, $status: ReturnStatus, $late: Boolean, $first: Int, $after: String, $full: Boolean!) {\n    museumReturns(museumId: $museumId, status: $status, late: $late, first: $first, after: $after) {\n      nodes { id ...ReturnFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MuseumReturnsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MuseumReturn($id: ID!, $locale: String) {\n    museumReturn(id: $id) {\n      ...ReturnFields\n      history(locale: $locale) { kind detail at }\n      shopperMessages { at sentAt step channel locale phoneMasked status template content attempts lastError }\n      photos { id position contentType byteSize url urlExpiresAt }\n    }\n  }\n"): typeof import('./graphql').MuseumReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideReturn($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { ...ReturnFields } }\n"): typeof import('./graphql').DecideReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkReturnReceived($id: ID!) { markReturnReceived(returnId: $id) { ...ReturnFields } }\n"): typeof import('./graphql').MarkReturnReceivedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InspectReturn($input: InspectReturnInput!) { inspectReturn(input: $input) { ...ReturnFields } }\n"): typeof import('./graphql').InspectReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundReturn($id: ID!) { refundReturn(returnId: $id) { ...ReturnFields } }\n"): typeof import('./graphql').RefundReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BalanceFields on SellerBalance {\n    sellerType\n    sellerId\n    payable { amount currency }\n    pending { amount currency }\n    notPaidOut { amount currency }\n  }\n"): typeof import('./graphql').BalanceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerLineFields on SellerLedgerLine {\n    id\n    event\n    entryKind\n    createdAt\n    occurredAt\n    account\n    component\n    orderId\n    orderNumber\n    amount { amount currency }\n  }\n"): typeof import('./graphql').LedgerLineFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayoutAccountFields on PayoutAccount {\n    ready\n    detailsSubmitted\n    chargesEnabled\n    requirements\n    onboardingUrl\n    bankPayoutStatus\n    bankPayoutFailureCode\n    payoutCurrency\n  }\n"): typeof import('./graphql').PayoutAccountFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerBalance($m: ID, $b: ID) { sellerBalance(museumId: $m, brandId: $b) { ...BalanceFields } }\n"): typeof import('./graphql').SellerBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformLedger {\n    platformLedger {\n      sellers { ...BalanceFields }\n      taxOwedToCustoms { amount currency }\n      commissionRevenue { amount currency }\n      stripeClearing { amount currency }\n      stripeFees { amount currency }\n      platformPromotions { amount currency }\n    }\n  }\n"): typeof import('./graphql').PlatformLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTaxRemittance($input: RecordTaxRemittanceInput!) {\n    recordTaxRemittance(input: $input) { reference amount { amount currency } taxOwedAfter { amount currency } }\n  }\n"): typeof import('./graphql').RecordTaxRemittanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementMuseumName($id: ID!) { museum(id: $id) { legalName } }\n"): typeof import('./graphql').SettlementMuseumNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementBrandName($id: ID!) { brand(id: $id) { name } }\n"): typeof import('./graphql').SettlementBrandNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementBrandNames { brands(first: 100) { nodes { id name } } }\n"): typeof import('./graphql').SettlementBrandNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerLedgerLines($m: ID, $b: ID, $kind: String, $from: DateTime, $to: DateTime, $first: Int, $after: String, $full: Boolean!) {\n    sellerLedgerLines(museumId: $m, brandId: $b, kind: $kind, from: $from, to: $to, first: $first, after: $after) {\n      nodes { id ...LedgerLineFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').SellerLedgerLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerPayouts($m: ID, $b: ID) {\n    sellerPayouts(museumId: $m, brandId: $b) {\n      id\n      runKey\n      amount { amount currency }\n      status\n      stripeTransferId\n      checkoutId\n      transferGroup\n      reversed { amount currency }\n      createdAt\n      paidAt\n      bankStatus\n      bankFailureCode\n      bankFailureMessage\n      received { amount currency }\n      exchangeRate\n    }\n  }\n"): typeof import('./graphql').SellerPayoutsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoutAccount($m: ID, $b: ID) { payoutAccount(museumId: $m, brandId: $b) { ...PayoutAccountFields } }\n"): typeof import('./graphql').PayoutAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectPayoutAccount($m: ID, $b: ID, $r: String!, $f: String!) {\n    connectPayoutAccount(museumId: $m, brandId: $b, returnUrl: $r, refreshUrl: $f) { ...PayoutAccountFields }\n  }\n"): typeof import('./graphql').ConnectPayoutAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerStatement($m: ID, $b: ID, $month: String!) { sellerStatement(museumId: $m, brandId: $b, month: $month) { csv } }\n"): typeof import('./graphql').SellerStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementFields on RoyaltyStatement {\n    id\n    agreementId\n    museumId\n    brandId\n    periodStart\n    periodEnd\n    currency\n    units\n    entryCount\n    netSales { amount currency }\n    royalty { amount currency }\n    cumulativeRoyalty { amount currency }\n    advanceRecouped { amount currency }\n    advanceRemaining { amount currency }\n    minimumGuaranteeShortfall { amount currency }\n    amountPayable { amount currency }\n    generatedAt\n    csvUrl\n    pdfUrl\n    agreement { id products { productId name { fr en zhCN } } }\n  }\n"): typeof import('./graphql').StatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyStatements($agreementId: ID, $first: Int, $after: String, $full: Boolean!) {\n    royaltyStatements(agreementId: $agreementId, first: $first, after: $after) {\n      nodes { id ...StatementFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').RoyaltyStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyStatement($id: ID!) { royaltyStatement(id: $id) { ...StatementFields } }\n"): typeof import('./graphql').RoyaltyStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockLocationFields on StockLocation { id museumId code name kind customsMode priority }\n"): typeof import('./graphql').StockLocationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockLevelFields on StockLevel {\n    variantId\n    locationId\n    onHand\n    reserved\n    available\n    updatedAt\n    variant { sku productId productName { fr en zhCN } }\n  }\n"): typeof import('./graphql').StockLevelFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockMovementFields on StockMovement { id kind onHandDelta reservedDelta reference changedBy note createdAt }\n"): typeof import('./graphql').StockMovementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockMovements($locationId: ID!, $variantId: ID!, $first: Int, $after: String) {\n    stockMovements(locationId: $locationId, variantId: $variantId, first: $first, after: $after) {\n      nodes { ...StockMovementFields }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').StockMovementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStockLevel($input: SetStockLevelInput!) { setStockLevel(input: $input) { ...StockLevelFields } }\n"): typeof import('./graphql').SetStockLevelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockVariantChoices($museumId: ID, $filter: ManagedProductFilter) {\n    managedProducts(museumId: $museumId, first: 20, filter: $filter) { nodes { name { fr en zhCN } variants { id sku } } }\n  }\n"): typeof import('./graphql').StockVariantChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockLocations($museumId: ID!) { stockLocations(museumId: $museumId) { ...StockLocationFields } }\n"): typeof import('./graphql').StockLocationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockLocation($id: ID!) { stockLocation(id: $id) { ...StockLocationFields } }\n"): typeof import('./graphql').StockLocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStockLocation($input: CreateStockLocationInput!) { createStockLocation(input: $input) { ...StockLocationFields } }\n"): typeof import('./graphql').CreateStockLocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockLevels($locationId: ID!, $first: Int, $after: String, $full: Boolean!) {\n    stockLevels(locationId: $locationId, first: $first, after: $after) {\n      nodes { variantId locationId ...StockLevelFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').StockLevelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommissionFields on CommissionSettings {\n    id\n    storefrontId\n    effectiveFrom\n    defaultRateBps\n    passStripeFees\n    categoryRates { category rateBps }\n  }\n"): typeof import('./graphql').CommissionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommissionSettings($storefrontId: ID!) { commissionSettings(storefrontId: $storefrontId) { ...CommissionFields } }\n"): typeof import('./graphql').CommissionSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommissionRates($input: SetCommissionRatesInput!) { setCommissionRates(input: $input) { ...CommissionFields } }\n"): typeof import('./graphql').SetCommissionRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontFields on ManagedStorefront {\n    id\n    museumId\n    slug\n    status\n    bannerUrl\n    name { fr en zhCN }\n    story { fr en zhCN }\n    featuredCollectionIds\n    autoBookCarrier\n    customsCode\n    customsName\n  }\n"): typeof import('./graphql').StorefrontFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedStorefront($museumId: ID!) { managedStorefront(museumId: $museumId) { ...StorefrontFields } }\n"): typeof import('./graphql').ManagedStorefrontDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStorefront($input: UpdateStorefrontInput!) { updateStorefront(input: $input) { ...StorefrontFields } }\n"): typeof import('./graphql').UpdateStorefrontDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarehouseFeedFields on WarehouseFeed { id museumId name format url everyMinutes nextRunAt enabled createdAt }\n"): typeof import('./graphql').WarehouseFeedFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRunFields on StockSyncRun {\n    id\n    museumId\n    feedId\n    trigger\n    format\n    status\n    rowsTotal\n    changed\n    unchanged\n    rejected\n    failure\n    queuedAt\n    startedAt\n    finishedAt\n  }\n"): typeof import('./graphql').SyncRunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockWebhookFields on StockWebhook { museumId url enabled createdAt updatedAt }\n"): typeof import('./graphql').StockWebhookFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockSyncRuns($museumId: ID!, $feedId: ID, $first: Int, $after: String, $full: Boolean!) {\n    stockSyncRuns(museumId: $museumId, feedId: $feedId, first: $first, after: $after) {\n      nodes { id ...SyncRunFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').StockSyncRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockSyncRun($id: ID!) { stockSyncRun(id: $id) { ...SyncRunFields errors { line sku location code message } } }\n"): typeof import('./graphql').StockSyncRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehouseFeeds($museumId: ID!) { warehouseFeeds(museumId: $museumId) { ...WarehouseFeedFields } }\n"): typeof import('./graphql').WarehouseFeedsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectWarehouseFeed($input: ConnectWarehouseFeedInput!) { connectWarehouseFeed(input: $input) { ...WarehouseFeedFields } }\n"): typeof import('./graphql').ConnectWarehouseFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWarehouseFeed($input: UpdateWarehouseFeedInput!) { updateWarehouseFeed(input: $input) { ...WarehouseFeedFields } }\n"): typeof import('./graphql').UpdateWarehouseFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunWarehouseFeed($feedId: ID!) { runWarehouseFeed(feedId: $feedId) { ...SyncRunFields } }\n"): typeof import('./graphql').RunWarehouseFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadStockFeed($input: UploadStockFeedInput!) { uploadStockFeed(input: $input) { ...SyncRunFields } }\n"): typeof import('./graphql').UploadStockFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockWebhook($museumId: ID!) {\n    stockWebhook(museumId: $museumId) { ...StockWebhookFields }\n    stockWebhookDeliveries(museumId: $museumId, first: 5) { nodes { id status attempts lastStatusCode lastError levelCount createdAt deliveredAt } }\n  }\n"): typeof import('./graphql').StockWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureStockWebhook($input: ConfigureStockWebhookInput!) { configureStockWebhook(input: $input) { secret webhook { ...StockWebhookFields } } }\n"): typeof import('./graphql').ConfigureStockWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableStockWebhook($museumId: ID!) { disableStockWebhook(museumId: $museumId) }\n"): typeof import('./graphql').DisableStockWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on UserAccount { id email displayName role museumIds brandId disabled createdAt }\n"): typeof import('./graphql').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int, $after: String, $role: Role, $search: String, $full: Boolean!) {\n    users(first: $first, after: $after, role: $role, search: $search) {\n      nodes { id ...UserFields @include(if: $full) }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) { user(id: $id) { ...UserFields } }\n"): typeof import('./graphql').UserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAccess($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { ...UserFields } }\n"): typeof import('./graphql').UpdateAccessDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
