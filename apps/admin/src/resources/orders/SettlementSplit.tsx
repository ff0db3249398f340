import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../../components/DetailParts';
import { Money } from '../../components/Money';
import type { OrderRecord, OrderSettlementParty } from './orders.data';

/** Who a party of the split is: the museum or brand (pending / available), the platform's commission or promotions, customs' tax, Stripe. */
function partyLabel(p: OrderSettlementParty, translate: (k: string, o?: object) => string): string {
  if (p.account === 'SELLER_PENDING' || p.account === 'SELLER_PAYABLE') {
    return `${translate(`vitrine.settlement.seller.${p.ownerType}`)} (${translate(`vitrine.settlement.account_kind.${p.account}`).toLowerCase()})`;
  }
  return translate(`vitrine.settlement.split.account.${p.account}`, { _: p.account });
}

/**
 * The order's split in the settlement ledger (issue 21), for its museum's managers and the
 * operator: who is owed what per component, and each promotion taken off the order with who
 * funds it — the museum (its goods are sold for less) or the platform (a platform-wide
 * promotion: the platform pays the seller the difference, its PLATFORM_PROMOTIONS account).
 */
export const SettlementSplit = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const s = o?.settlement;
  if (!s) return null;
  const parties = s.parties.filter((p) => p.amount.amount !== 0);
  return (
    <Section title="vitrine.settlement.split.title" testId="order-split" minWidth={420}>
      {parties.length === 0 ? (
        <Typography color="text.secondary">{translate('vitrine.settlement.split.not_posted')}</Typography>
      ) : (
        <Table size="small" data-testid="order-split-parties">
          <TableHead>
            <TableRow>
              <TableCell>{translate('vitrine.settlement.split.party')}</TableCell>
              <TableCell>{translate('vitrine.settlement.split.component')}</TableCell>
              <TableCell align="right">{translate('vitrine.settlement.split.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {parties.map((p) => (
              <TableRow key={`${p.account}-${p.ownerId ?? ''}-${p.component}-${p.amount.currency}`} data-testid={`split-${p.account}-${p.component}`}>
                <TableCell>{partyLabel(p, translate)}</TableCell>
                <TableCell>{translate(`vitrine.settlement.component.${p.component}`, { _: p.component })}</TableCell>
                <TableCell align="right" sx={{ color: p.amount.amount < 0 ? 'error.main' : undefined }}>
                  <Money amount={p.amount.amount} currency={p.amount.currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('vitrine.settlement.split.discounts')}
      </Typography>
      {s.discounts.length === 0 ? (
        <Typography color="text.secondary" variant="body2">
          {translate('vitrine.settlement.split.no_discounts')}
        </Typography>
      ) : (
        <Table size="small" data-testid="order-split-discounts">
          <TableHead>
            <TableRow>
              <TableCell>{translate('vitrine.settlement.split.promotion')}</TableCell>
              <TableCell>{translate('vitrine.settlement.split.funded_by')}</TableCell>
              <TableCell align="right">{translate('vitrine.settlement.split.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {s.discounts.map((d) => (
              <TableRow key={d.promotionId} data-testid="split-discount">
                <TableCell>
                  {d.name}
                  {d.code && (
                    <Box component="code" sx={{ ml: 1, fontSize: 12 }}>
                      {d.code}
                    </Box>
                  )}
                </TableCell>
                <TableCell>
                  <Chip size="small" data-testid="split-discount-funder" color={d.fundedBy === 'PLATFORM' ? 'info' : 'default'} label={translate(`vitrine.settlement.split.funder.${d.fundedBy}`, { _: d.fundedBy })} />
                </TableCell>
                <TableCell align="right">
                  <Money amount={d.amount.amount} currency={d.amount.currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 560 }}>
        {translate('vitrine.settlement.split.help')}
      </Typography>
    </Section>
  );
};
