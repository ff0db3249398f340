import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCurrentMuseumId } from '../museum/current-museum';
import { PRODUCT_STATUSES, productCounts, type ProductStatus } from '../resources/products/products.data';

/** Counts of products by status; the sales charts come with the orders work. */
const ProductCounts = () => {
  const translate = useTranslate();
  const museumId = useCurrentMuseumId();
  const [counts, setCounts] = useState<Record<ProductStatus, number> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    productCounts(museumId)
      .then((c) => live && setCounts(c))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [museumId]);
  if (error) return <Alert severity="error">{translate(error, { _: error })}</Alert>;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      {PRODUCT_STATUSES.map((status) => (
        <Card key={status} sx={{ minWidth: 180 }} data-testid={`count-${status}`}>
          <CardContent component={Link} to={`/products?filter=${encodeURIComponent(JSON.stringify({ status }))}`} sx={{ display: 'block', textDecoration: 'none', color: 'inherit' }}>
            <Typography color="text.secondary">{translate(`vitrine.status.${status}`)}</Typography>
            <Typography variant="h4">{counts ? counts[status] : '…'}</Typography>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="vitrine.dashboard.title" />
      <Typography variant="h5" gutterBottom>
        {translate('vitrine.dashboard.welcome')}
      </Typography>
      {permissions === 'MUSEUM_MANAGER' || permissions === 'PLATFORM_ADMIN' ? (
        <>
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {translate('vitrine.dashboard.products_by_status')}
          </Typography>
          <ProductCounts />
          <Alert severity="info" sx={{ mt: 3, maxWidth: 640 }}>
            {translate('vitrine.dashboard.sales_later')}
          </Alert>
        </>
      ) : (
        <Alert severity="info">{translate('vitrine.proposals.coming')}</Alert>
      )}
    </Box>
  );
};
