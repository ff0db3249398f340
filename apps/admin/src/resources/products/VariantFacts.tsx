import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useLocaleState, useRecordContext, useRefresh, useSimpleFormIteratorItem, useTranslate } from 'react-admin';
import { SetStockButton } from '../../components/SetStockDialog';
import { formatMoney } from '../../data/money';
import type { FormVariant } from './products.data';

/**
 * Beside a saved variant's inputs: the CNY price a shopper pays for its saved EUR price (FX +
 * margin + rounding, as the shop computes it), the cross-border tax estimate on one unit, its
 * available stock, and "Set stock". A new variant shows these once the product is saved.
 */
export const VariantFacts = () => {
  // The iterator gives each item its variant as record (as the API last returned it); the product is the form's.
  const saved = useRecordContext<FormVariant>();
  const { index } = useSimpleFormIteratorItem();
  const productId = useWatch({ name: 'id' }) as string | undefined;
  const museumId = useWatch({ name: 'museumId' }) as string | undefined;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useRefresh();
  if (!productId || !museumId || !saved?.id || saved.available === undefined) {
    return (
      <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center', maxWidth: 200 }}>
        {translate('vitrine.products.facts_after_save')}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }} data-testid={`variant-facts-${index}`}>
      <Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('vitrine.products.shopper_price')}
        </Typography>
        <Typography variant="body2" data-testid={`shopper-price-${index}`}>
          {saved.shopperPrice ? formatMoney(saved.shopperPrice.amount, saved.shopperPrice.currency, locale) : '—'}
          {saved.crossBorderTax && (
            <Typography component="span" variant="caption" color="text.secondary" data-testid={`tax-estimate-${index}`}>
              {' '}
              {translate('vitrine.products.tax_estimate', { tax: formatMoney(saved.crossBorderTax.amount, saved.crossBorderTax.currency, locale) })}
            </Typography>
          )}
        </Typography>
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('resources.products.fields.available')}
        </Typography>
        <Typography variant="body2" color={saved.available ? undefined : 'error'} data-testid={`variant-available-${index}`}>
          {saved.available ?? 0}
        </Typography>
      </Box>
      <SetStockButton
        museumId={museumId}
        variant={{ id: saved.id, sku: saved.sku }}
        levels={saved.stockLevels ?? []}
        onDone={refresh}
        testId={`set-stock-${index}`}
      />
    </Box>
  );
};
