import { useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import PublishIcon from '@mui/icons-material/Publish';
import UnpublishedIcon from '@mui/icons-material/Unpublished';
import {
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  useLocaleState,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { Money } from '../../components/Money';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { pickText } from '../../data/localized';
import { bpsToPercent } from '../../data/money';
import { StatementGrid } from '../statements/screens';
import {
  publishLicensedProduct,
  unpublishLicensedProduct,
  type AgreementRecord,
  type LedgerEntryRecord,
  type LicensedProductRecord,
} from './agreements.data';

const NameField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return <FunctionField<AgreementRecord> render={(a) => a.products.map((p) => pickText(p.name, locale)).join(', ') || a.id.slice(0, 8)} />;
};
const MuseumField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return <FunctionField<AgreementRecord> render={(a) => (a.museum ? pickText(a.museum.name, locale) : '')} />;
};
const RateField = (_: { label?: string }) => <FunctionField<AgreementRecord> render={(a) => `${bpsToPercent(a.royaltyRateBps)} %`} />;
const TermField = (_: { label?: string }) => <FunctionField<AgreementRecord> render={(a) => `${a.termStart} → ${a.termEnd}`} />;

export const AgreementList = () => (
  <List exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <NameField label="resources.agreements.fields.products" />
      <MuseumField label="resources.proposals.fields.museumId" />
      <FunctionField<AgreementRecord> label="resources.proposals.fields.brand" render={(a) => a.brandName ?? ''} />
      <StatusChip source="status" label="resources.agreements.fields.status" sortable={false} />
      <RateField label="resources.agreements.fields.royaltyRateBps" />
      <TermField label="resources.agreements.fields.term" />
      <TextField source="sellOffEnd" sortable={false} />
      <FunctionField<AgreementRecord> label="resources.agreements.fields.territory" render={(a) => a.territory.join(', ')} />
      <DateField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);

const Term = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 180 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body1">{children}</Typography>
    </Box>
  );
};

const Terms = () => {
  const a = useRecordContext<AgreementRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const brandSide = permissions === 'BRAND_PARTNER';
  const [locale] = useLocaleState();
  if (!a) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('vitrine.licensing.terms')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <StatusChip source="status" />
            <Button component={Link} to={`/${brandSide ? 'proposals' : 'inbox'}/${a.proposalId}/show`} label="vitrine.licensing.see_proposal" />
          </Box>
        </Box>
        <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
          <Term label="resources.proposals.fields.museumId">{a.museum ? pickText(a.museum.name, locale) : ''}</Term>
          <Term label="resources.proposals.fields.brand">{a.brandName ?? ''}</Term>
          <Term label="resources.agreements.fields.royaltyRateBps">{bpsToPercent(a.royaltyRateBps)} %</Term>
          <Term label="resources.agreements.fields.minimumGuarantee">
            <Money amount={a.minimumGuarantee.amount} currency={a.minimumGuarantee.currency} />
          </Term>
          <Term label="resources.agreements.fields.advance">
            <Money amount={a.advance.amount} currency={a.advance.currency} />
          </Term>
          <Term label="resources.agreements.fields.term">
            {a.termStart} → {a.termEnd}
          </Term>
          <Term label="resources.agreements.fields.sellOffEnd">{a.sellOffEnd}</Term>
          <Term label="resources.agreements.fields.territory">{a.territory.join(', ')}</Term>
          <Term label="resources.agreements.fields.channels">{a.channels.map((c) => translate(`vitrine.licensing.channel.${c}`)).join(', ')}</Term>
          <Term label="resources.agreements.fields.approvedVersion">v{a.approvedVersion}</Term>
        </Box>
      </CardContent>
    </Card>
  );
};

/** Publish or delist a co-branded product (the museum's move); refusals come with reasons. */
const ListingButtons = ({ product }: { product: LicensedProductRecord }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [reasons, setReasons] = useState<{ code: string; message: string }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
  const publish = () => {
    setBusy(true);
    publishLicensedProduct(product.productId)
      .then((r) => {
        if (r.__typename === 'ListingNotAllowedError') setReasons(r.reasons);
        else {
          notify('vitrine.products.publish_done', { type: 'success' });
          refresh();
        }
      })
      .catch(fail)
      .finally(() => setBusy(false));
  };
  const unpublish = () => {
    setBusy(true);
    unpublishLicensedProduct(product.productId)
      .then(() => {
        notify('vitrine.products.unpublish_done', { type: 'info' });
        refresh();
      })
      .catch(fail)
      .finally(() => setBusy(false));
  };
  return (
    <>
      {product.status === 'PUBLISHED' ? (
        <Button label="vitrine.products.unpublish" onClick={unpublish} disabled={busy}>
          <UnpublishedIcon />
        </Button>
      ) : (
        <Button label="vitrine.products.publish" onClick={publish} disabled={busy} data-testid={`licensed-publish-${product.productId}`}>
          <PublishIcon />
        </Button>
      )}
      <Dialog open={reasons !== null} onClose={() => setReasons(null)}>
        <DialogTitle>{translate('vitrine.licensing.not_listable')}</DialogTitle>
        <DialogContent>
          <Box component="ul" sx={{ pl: 2 }}>
            {(reasons ?? []).map((r) => (
              <li key={r.code}>{translate(`vitrine.licensing.blocker.${r.code}`, { _: r.message })}</li>
            ))}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setReasons(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
};

const Products = () => {
  const a = useRecordContext<AgreementRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<string>();
  const museumSide = permissions === 'MUSEUM_MANAGER' || permissions === 'PLATFORM_ADMIN';
  if (!a) return null;
  return (
    <Card variant="outlined" data-testid="licensed-products">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }} gutterBottom>
          {translate('vitrine.licensing.products')}
        </Typography>
        {a.products.map((p) => (
          <Box key={p.productId} sx={{ display: 'flex', gap: 2, alignItems: 'center', py: 1, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}>
            <Box sx={{ flex: 1, minWidth: 260 }}>
              <Typography>{pickText(p.name, locale)}</Typography>
              <Typography variant="body2" color="text.secondary" lang="zh-CN">
                {p.name.zhCN}
              </Typography>
            </Box>
            <Chip size="small" label={translate(`vitrine.status.${p.status}`, { _: p.status })} color={p.status === 'PUBLISHED' ? 'success' : 'default'} />
            {museumSide && <Button component={Link} to={`/products/${p.productId}`} label="vitrine.licensing.open_product" />}
            {museumSide && <ListingButtons product={p} />}
            {!!p.listingBlockers?.length && p.status !== 'PUBLISHED' && (
              <Alert severity="info" sx={{ width: '100%' }}>
                {p.listingBlockers.map((b) => translate(`vitrine.licensing.blocker.${b.code}`, { _: b.message })).join(' · ')}
              </Alert>
            )}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

const money = (key: 'sale' | 'netSales' | 'royalty') => {
  const Field = (_: { label?: string }) => <FunctionField<LedgerEntryRecord> render={(e) => <Money amount={e[key].amount} currency={e[key].currency} />} />;
  return Field;
};
const Sale = money('sale');
const Net = money('netSales');
const Royalty = money('royalty');
const KindField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<LedgerEntryRecord> render={(e) => <Chip size="small" variant="outlined" color={e.kind === 'ACCRUAL' ? 'success' : 'warning'} label={translate(`vitrine.licensing.entry.${e.kind}`)} />} />;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const AgreementTitle = () => {
  const a = useRecordContext<AgreementRecord>();
  const [locale] = useLocaleState();
  return <span>{a ? a.products.map((p) => pickText(p.name, locale)).join(', ') || a.id : ''}</span>;
};

export const AgreementShow = () => (
  <Show error={<NotFound />} title={<AgreementTitle />} actions={false}>
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="agreement-show">
      <Terms />
      <Products />
      <Section title="vitrine.licensing.statements">
        <ReferenceManyField reference="statements" target="agreementId" perPage={12} pagination={<Pagination rowsPerPageOptions={[12]} />}>
          <StatementGrid withAgreement={false} />
        </ReferenceManyField>
      </Section>
      <Section title="vitrine.licensing.sales">
        <ReferenceManyField reference="royaltyLedger" target="agreementId" perPage={25} pagination={<Pagination />}>
          <Datagrid bulkActionButtons={false} rowClick={false} data-testid="royalty-ledger">
            <DateField source="occurredAt" showTime sortable={false} label="resources.royaltyLedger.fields.occurredAt" />
            <KindField label="resources.royaltyLedger.fields.kind" />
            <TextField source="units" sortable={false} label="resources.royaltyLedger.fields.units" />
            <Sale label="resources.royaltyLedger.fields.sale" />
            <TextField source="fxRate" sortable={false} emptyText="—" label="resources.royaltyLedger.fields.fxRate" />
            <Net label="resources.royaltyLedger.fields.netSales" />
            <Royalty label="resources.royaltyLedger.fields.royalty" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Box>
  </Show>
);
