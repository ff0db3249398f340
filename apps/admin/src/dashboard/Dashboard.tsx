import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Skeleton, Typography } from '@mui/material';
import { Button, Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Money } from '../components/Money';
import { pickText } from '../data/localized';
import { inboxPage, markNoticeRead, proposalCounts, PROPOSAL_STATUSES, unreadNotices, type ProposalListRow, type ProposalStatus } from '../licensing/proposal-api';
import { useCurrentMuseumId } from '../museum/current-museum';
import { FxRefreshPanel } from '../resources/queues/FxRefreshPanel';
import { QueueBoardButton } from '../resources/queues/QueueBoardButton';
import { ORDER_STATUSES, openDisputes, ordersIn, type OrderListRecord } from '../resources/orders/orders.data';
import { PRODUCT_STATUSES, productCounts, type ProductStatus } from '../resources/products/products.data';
import { dateLocale } from '../data/dates';

import { museumDashboard, type MuseumDashboardData, type SalesFigures } from './dashboard.data';

// recharts is only loaded with the dashboard's charts.
const CountsChart = lazy(() => import('./CountsChart'));
const SalesChart = lazy(() => import('./SalesChart'));

/** Loads once per key; answers [value, error]. */
function useLoad<T>(load: () => Promise<T>, key: unknown[]): [T | null, string | null] {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setValue(null);
    setError(null);
    load()
      .then((v) => live && setValue(v))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, key);
  return [value, error];
}

const Panel = ({ title, children, testId, minWidth = 320 }: { title: string; children: ReactNode; testId?: string; minWidth?: number }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: 1, minWidth }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Failed = ({ error }: { error: string }) => {
  const translate = useTranslate();
  return <Alert severity="error">{translate(error, { _: error })}</Alert>;
};

const CountCard = ({ label, value, to, testId }: { label: string; value: number | null; to: string; testId: string }) => (
  <Card variant="outlined" sx={{ minWidth: 150 }} data-testid={testId}>
    <CardContent component={Link} to={to} sx={{ display: 'block', textDecoration: 'none', color: 'inherit', py: '12px !important' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5">{value ?? '…'}</Typography>
    </CardContent>
  </Card>
);

const filterLink = (resource: string, filter: Record<string, string>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Counts of products by status. */
const ProductCounts = () => {
  const translate = useTranslate();
  const museumId = useCurrentMuseumId();
  const [counts, error] = useLoad<Record<ProductStatus, number>>(() => productCounts(museumId), [museumId]);
  if (error) return <Failed error={error} />;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      {PRODUCT_STATUSES.map((status) => (
        <CountCard key={status} label={translate(`vitrine.status.${status}`)} value={counts ? counts[status] : null} to={filterLink('products', { status })} testId={`count-${status}`} />
      ))}
    </Box>
  );
};

/** Orders per state, as counts and a bar chart. */
const OrdersByState = ({ data }: { data: MuseumDashboardData | null }) => {
  const translate = useTranslate();
  const counts = data ? Object.fromEntries(data.ordersByStatus.map((c) => [c.status, c.count])) : null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {ORDER_STATUSES.map((status) => (
          <CountCard key={status} label={translate(`vitrine.status.${status}`)} value={counts ? (counts[status] ?? 0) : null} to={filterLink('orders', { status })} testId={`orders-${status}`} />
        ))}
      </Box>
      {counts && (
        <Suspense fallback={<Skeleton variant="rectangular" height={220} />}>
          <CountsChart data={ORDER_STATUSES.map((s) => ({ name: translate(`vitrine.status.${s}`), value: counts[s] ?? 0, key: s }))} testId="orders-chart" />
        </Suspense>
      )}
    </Box>
  );
};

/** Paid, not refunded sales: CNY as paid, EUR at each order's rate, and the goods at EUR base prices. */
const Sales = ({ figures, testId }: { figures: SalesFigures | null; testId: string }) => {
  const translate = useTranslate();
  if (!figures) return <Skeleton height={60} />;
  return (
    <Box data-testid={testId}>
      <Typography variant="h4" data-testid={`${testId}-cny`}>
        <Money amount={figures.totalCny} currency="CNY" />
      </Typography>
      <Typography variant="h6" color="text.secondary" data-testid={`${testId}-eur`}>
        <Money amount={figures.totalEur} currency="EUR" />
      </Typography>
      <Typography variant="caption" color="text.secondary" display="block">
        {translate('vitrine.dashboard.sales_orders', { smart_count: figures.orders })} · {translate('vitrine.dashboard.goods_eur')}{' '}
        <Money amount={figures.goodsEur} currency="EUR" />
      </Typography>
    </Box>
  );
};

const DailySales = ({ data }: { data: MuseumDashboardData }) => {
  const translate = useTranslate();
  return (
    <Suspense fallback={<Skeleton variant="rectangular" height={200} />}>
      <SalesChart data={data.daily.map((d) => ({ day: d.day, cny: Math.round(d.totalCny / 100) }))} label={translate('vitrine.dashboard.sales_cny')} testId="sales-chart" />
    </Suspense>
  );
};

/** Levels under the threshold, lowest first, each linking to its location. */
const LowStock = ({ data }: { data: MuseumDashboardData | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!data) return <Skeleton height={60} />;
  const low = data.lowStock;
  return (
    <Box data-testid="low-stock">
      <Typography variant="h4" color={low.totalCount ? 'warning.main' : undefined} data-testid="low-stock-count">
        {low.totalCount}
      </Typography>
      <Typography variant="caption" color="text.secondary" display="block" sx={{ mb: 1 }}>
        {translate('vitrine.dashboard.low_stock_help', { threshold: low.threshold })}
      </Typography>
      {low.levels.map((l) => (
        <Box key={`${l.locationId}:${l.variantId}`} sx={{ display: 'flex', gap: 1, alignItems: 'center' }} data-testid={`low-${l.sku}`}>
          <Button component={Link} to={`/stockLocations/${l.locationId}/show`} label={l.sku} size="small" />
          <Typography variant="body2" sx={{ flex: 1 }} noWrap>
            {pickText(l.productName, locale)} · {l.locationCode}
          </Typography>
          <Typography variant="body2" color={l.available <= 0 ? 'error' : 'warning.main'}>
            {l.available}
          </Typography>
        </Box>
      ))}
      {!low.totalCount && <Typography color="text.secondary">{translate('vitrine.dashboard.no_low_stock')}</Typography>}
    </Box>
  );
};

/** Orders customs holds, with their links; the hold reason is on the order. */
const HeldAtCustoms = ({ count }: { count: number | null }) => {
  const translate = useTranslate();
  const museumId = useCurrentMuseumId();
  const [held, error] = useLoad(() => ordersIn(museumId, 'HELD', 5), [museumId]);
  if (error) return <Failed error={error} />;
  if (!held || count === null) return <Skeleton height={60} />;
  return (
    <Box data-testid="held-orders">
      <Typography variant="h4" color={count ? 'error' : undefined}>
        {count}
      </Typography>
      {held.nodes.map((o: OrderListRecord) => (
        <Box key={o.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button component={Link} to={`/orders/${o.id}/show`} label={o.number} size="small" />
          <Money amount={o.total} currency={o.currency} />
        </Box>
      ))}
      {count > held.nodes.length && <Button component={Link} to={filterLink('orders', { status: 'HELD' })} label="vitrine.dashboard.see_all" size="small" />}
      {!count && <Typography color="text.secondary">{translate('vitrine.dashboard.none_held')}</Typography>}
    </Box>
  );
};

/** Proposals awaiting the museum's decision, soonest due first. */
const AwaitingReview = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const museumId = useCurrentMuseumId();
  const [page, error] = useLoad(() => (museumId ? inboxPage(museumId, null).full(5, null) : Promise.resolve(null)), [museumId]);
  if (!museumId) return <Typography color="text.secondary">{translate('vitrine.museum.choose_first')}</Typography>;
  if (error) return <Failed error={error} />;
  if (!page) return <Skeleton height={60} />;
  return (
    <Box data-testid="awaiting-review">
      <Typography variant="h4">{page.totalCount}</Typography>
      {page.nodes.map((p: ProposalListRow) => (
        <Box key={p.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button component={Link} to={`/inbox/${p.id}/show`} label={pickText(p.content.title, locale) || translate('vitrine.licensing.untitled')} size="small" />
          <Typography variant="caption" color="text.secondary">
            {p.brandName} · {p.reviewDueAt ? new Date(p.reviewDueAt).toLocaleDateString(dateLocale(locale)) : ''}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** Unread licensing notices (review reminders, agreement expiries), each marked read in place. */
const Notices = ({ proposalPath }: { proposalPath: 'inbox' | 'proposals' }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [version, setVersion] = useState(0);
  const [page, error] = useLoad(() => unreadNotices(5), [version]);
  if (error) return <Failed error={error} />;
  if (!page) return <Skeleton height={40} />;
  if (!page.totalCount) return <Typography color="text.secondary">{translate('vitrine.dashboard.no_notices')}</Typography>;
  return (
    <Box data-testid="notices">
      {page.nodes.map((n) => (
        <Box key={n.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 0.5, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ flex: 1, minWidth: 200 }}>
            {n.message}
            {n.dueAt && (
              <Typography component="span" variant="caption" color="text.secondary">
                {' '}
                · {new Date(n.dueAt).toLocaleDateString(dateLocale(locale))}
              </Typography>
            )}
          </Typography>
          {n.proposalId && <Button component={Link} to={`/${proposalPath}/${n.proposalId}/show`} label="vitrine.dashboard.open" size="small" />}
          <Button label="vitrine.dashboard.mark_read" size="small" onClick={() => void markNoticeRead(n.id).then(() => setVersion((v) => v + 1))} />
        </Box>
      ))}
      {page.totalCount > page.nodes.length && (
        <Typography variant="caption" color="text.secondary">
          {translate('vitrine.dashboard.more_notices', { smart_count: page.totalCount - page.nodes.length })}
        </Typography>
      )}
    </Box>
  );
};

/**
 * Disputes that wait for the museum (evidence due) or for the bank: the nearest deadline
 * first, each with its order. Shown only when there are some.
 */
const DisputesNotice = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const museumId = useCurrentMuseumId();
  const [disputes] = useLoad(() => openDisputes(museumId), [museumId]);
  if (!disputes?.length) return null;
  const waiting = disputes.filter((d) => d.acceptsEvidence);
  return (
    <Alert severity={waiting.length ? 'error' : 'warning'} data-testid="disputes-notice">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate(waiting.length ? 'vitrine.disputes.notice_respond' : 'vitrine.disputes.notice_review', { smart_count: waiting.length || disputes.length })}
      </Typography>
      {disputes.slice(0, 5).map((d) => (
        <Box key={`${d.id}-${d.orderId}`} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button component={Link} to={`/orders/${d.orderId}/show`} label={d.orderNumber} size="small" />
          <Money amount={d.amount} currency={d.currency} />
          <Typography variant="caption" color="text.secondary">
            {translate(`vitrine.disputes.reason.${d.reason}`, { _: d.reason })}
            {d.acceptsEvidence && d.evidenceDueBy ? ` · ${translate('vitrine.disputes.respond_by', { date: new Date(d.evidenceDueBy).toLocaleDateString(dateLocale(locale)) })}` : ''}
          </Typography>
        </Box>
      ))}
    </Alert>
  );
};

const ManagerDashboard = () => {
  const museumId = useCurrentMuseumId();
  const [data, error] = useLoad(() => museumDashboard(museumId), [museumId]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {error && <Failed error={error} />}
      <DisputesNotice />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Panel title="vitrine.dashboard.sales_today" testId="sales-today" minWidth={260}>
          <Sales figures={data?.today ?? null} testId="today" />
        </Panel>
        <Panel title="vitrine.dashboard.sales_month" testId="sales-month" minWidth={260}>
          <Sales figures={data?.month ?? null} testId="month" />
        </Panel>
        <Panel title="vitrine.dashboard.held_at_customs" testId="panel-held" minWidth={220}>
          <HeldAtCustoms count={data ? data.heldAtCustoms : null} />
        </Panel>
        <Panel title="vitrine.dashboard.awaiting_review" testId="panel-review" minWidth={260}>
          <AwaitingReview />
        </Panel>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Panel title="vitrine.dashboard.orders_by_state" testId="panel-orders" minWidth={420}>
          <OrdersByState data={data} />
        </Panel>
        <Panel title="vitrine.dashboard.sales_30_days" testId="panel-sales-chart" minWidth={420}>
          {data ? <DailySales data={data} /> : <Skeleton variant="rectangular" height={200} />}
        </Panel>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Panel title="vitrine.dashboard.products_by_status">
          <ProductCounts />
        </Panel>
        <Panel title="vitrine.dashboard.low_stock" testId="panel-low-stock">
          <LowStock data={data} />
        </Panel>
        <Panel title="vitrine.dashboard.notices" testId="panel-notices">
          <Notices proposalPath="inbox" />
        </Panel>
      </Box>
    </Box>
  );
};

const BrandDashboard = () => {
  const translate = useTranslate();
  const [counts, error] = useLoad<Record<ProposalStatus, number>>(() => proposalCounts(null), []);
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
    <Panel title="vitrine.dashboard.proposals_by_status" testId="panel-proposals">
      {error ? (
        <Failed error={error} />
      ) : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {PROPOSAL_STATUSES.map((status) => (
              <CountCard key={status} label={translate(`vitrine.status.${status}`)} value={counts ? counts[status] : null} to={filterLink('proposals', { status })} testId={`proposals-${status}`} />
            ))}
          </Box>
          <Box>
            <Button component={Link} to="/proposals/create" label="vitrine.licensing.new_proposal" variant="contained" />
          </Box>
        </Box>
      )}
    </Panel>
    <Panel title="vitrine.dashboard.notices" testId="panel-notices">
      <Notices proposalPath="proposals" />
    </Panel>
    </Box>
  );
};

const OperatorExtras = () => (
  <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
    <Panel title="vitrine.dashboard.queues" testId="panel-queues">
      <QueueBoardButton />
    </Panel>
    <Box sx={{ flex: 2, minWidth: 320 }}>
      <FxRefreshPanel />
    </Box>
  </Box>
);

export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="vitrine.dashboard.title" />
      <Typography variant="h5">{translate('vitrine.dashboard.welcome')}</Typography>
      {(permissions === 'MUSEUM_MANAGER' || permissions === 'PLATFORM_ADMIN') && <ManagerDashboard />}
      {permissions === 'PLATFORM_ADMIN' && <OperatorExtras />}
      {permissions === 'BRAND_PARTNER' && <BrandDashboard />}
    </Box>
  );
};

export default Dashboard;
