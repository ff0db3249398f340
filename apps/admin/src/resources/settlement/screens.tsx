import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Chip, Link, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Button,
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  ListContextProvider,
  Pagination,
  SelectInput,
  Show,
  TextField,
  FilterForm,
  useGetList,
  useListController,
  useLocaleState,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { downloadFile } from '../../api/download';
import { eurosToCents, formatMoney } from '../../data/money';
import { Section } from '../../components/DetailParts';
import { payoutNeeds } from './payout-requirements';
import { Money } from '../../components/Money';
import { NotFound } from '../../components/NotFound';
import {
  ENTRY_KINDS,
  connectPayoutAccount,
  payoutAccount,
  platformLedger,
  recordTaxRemittance,
  statementCsv,
  type Amount,
  type LedgerLineRecord,
  type PayoutAccountRecord,
  type PayoutRecord,
  type PlatformLedger,
  type SellerRecord,
} from './settlement.data';

/** Amounts in several currencies, one under the other; "—" when there is none. */
const Amounts = ({ list, testId }: { list: Amount[]; testId?: string }) => (
  <Box component="span" data-testid={testId} sx={{ display: 'inline-flex', flexDirection: 'column' }}>
    {list.length ? list.map((a) => <Money key={a.currency} amount={a.amount} currency={a.currency} />) : '—'}
  </Box>
);

const SellerName = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<SellerRecord> render={(s) => s.name ?? translate(`vitrine.settlement.seller.${s.sellerType}`)} />;
};

/** The operator's platform accounts: tax owed to customs, commission, the money at Stripe, fees. */
const PlatformSummary = ({ ledger }: { ledger: PlatformLedger | null }) => {
  const translate = useTranslate();
  if (!ledger) return null;
  const cards: [string, Amount[]][] = [
    ['taxOwedToCustoms', ledger.taxOwedToCustoms],
    ['commissionRevenue', ledger.commissionRevenue],
    ['stripeClearing', ledger.stripeClearing],
    ['stripeFees', ledger.stripeFees],
    ['platformPromotions', ledger.platformPromotions],
  ];
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 2 }} data-testid="platform-ledger">
      {cards.map(([key, list]) => (
        <Card key={key} variant="outlined" sx={{ minWidth: 200 }}>
          <CardContent>
            <Typography variant="body2" color="text.secondary">
              {translate(`vitrine.settlement.platform.${key}`)}
            </Typography>
            <Typography variant="h6" component="div">
              <Amounts list={list} testId={`platform-${key}`} />
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};

/** A UTC month (YYYY-MM) to make a statement of. */
const MonthField = ({ month, onChange, testId }: { month: string; onChange: (month: string) => void; testId: string }) => {
  const translate = useTranslate();
  return (
    <MuiTextField
      type="month"
      size="small"
      label={translate('vitrine.settlement.month')}
      value={month}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 190 }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    />
  );
};
const isMonth = (month: string) => /^\d{4}-\d{2}$/.test(month);

/** One of the operator's tools under the platform accounts: a card with its title, what it does, and its fields in a row. */
const OperatorCard = ({ testId, title, help, children }: { testId: string; title: string; help: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ maxWidth: 640, flex: '1 1 320px' }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          {translate(title)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate(help)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>{children}</Box>
      </CardContent>
    </Card>
  );
};

/** The operator's month-end file: every seller's statement of a month in one CSV, made by the API as it streams it. */
const AllStatementsDownload = () => {
  const notify = useNotify();
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    downloadFile(`/statements/settlement/all/${month}.csv`, `settlement-statements-${month}.csv`)
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <OperatorCard testId="all-statements" title="vitrine.settlement.all_statements" help="vitrine.settlement.all_statements_help">
      <MonthField month={month} onChange={setMonth} testId="all-statements-month" />
      <Button label="vitrine.settlement.download_csv" onClick={download} disabled={busy || !isMonth(month)} data-testid="all-statements-download" sx={{ whiteSpace: 'nowrap' }}>
        <DownloadIcon />
      </Button>
    </OperatorCard>
  );
};

/** The operator records a payment of the tax collected as withholding agent to customs: the tax owed goes down by it. */
const TaxRemittanceForm = ({ ledger, onRecorded }: { ledger: PlatformLedger | null; onRecorded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useLocaleState()[0];
  const owed = ledger?.taxOwedToCustoms ?? [];
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = currency || owed[0]?.currency || 'CNY';
  const minor = eurosToCents(amount);
  const submit = async () => {
    if (minor == null) return;
    setBusy(true);
    try {
      const r = await recordTaxRemittance({ reference: reference.trim(), amount: minor, currency: chosen });
      notify(translate('vitrine.settlement.remit_done', { reference: r.reference, owed: formatMoney(r.taxOwedAfter.amount, r.taxOwedAfter.currency, locale) }), { type: 'success' });
      setReference('');
      setAmount('');
      onRecorded();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <OperatorCard testId="tax-remittance" title="vitrine.settlement.remit" help="vitrine.settlement.remit_help">
      <MuiTextField
        size="small"
        label={translate('vitrine.settlement.remit_reference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'remit-reference', maxLength: 64 } }}
      />
      <MuiTextField
        size="small"
        label={translate('vitrine.settlement.remit_amount')}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={amount !== '' && minor == null}
        inputMode="decimal"
        sx={{ width: 140 }}
        slotProps={{ htmlInput: { 'data-testid': 'remit-amount' } }}
      />
      <MuiTextField
        select
        size="small"
        label={translate('vitrine.settlement.remit_currency')}
        value={chosen}
        onChange={(e) => setCurrency(e.target.value)}
        sx={{ width: 110 }}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'remit-currency' } }}
      >
        {[...new Set([...owed.map((a) => a.currency), chosen])].map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </MuiTextField>
      <Button label="vitrine.settlement.remit_submit" onClick={submit} disabled={busy || !reference.trim() || minor == null || minor <= 0} data-testid="remit-submit" variant="contained" />
    </OperatorCard>
  );
};

/** The operator's summary and tools: the platform accounts, the month-end file and payments of tax to customs. */
const OperatorPanel = () => {
  const [ledger, setLedger] = useState<PlatformLedger | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    platformLedger()
      .then((l) => live && setLedger(l))
      .catch(() => live && setLedger(null));
    return () => {
      live = false;
    };
  }, [version]);
  return (
    <>
      <PlatformSummary ledger={ledger} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'stretch', mb: 2 }}>
        <AllStatementsDownload />
        <TaxRemittanceForm ledger={ledger} onRecorded={() => setVersion((v) => v + 1)} />
      </Box>
    </>
  );
};

export const SettlementList = () => {
  const { permissions } = usePermissions<string>();
  return (
    <>
      {permissions === 'PLATFORM_ADMIN' && <OperatorPanel />}
      <List exporter={false} pagination={false} empty={false}>
        <Datagrid rowClick="show" bulkActionButtons={false} data-testid="settlement-sellers">
          <SellerName label="resources.settlement.fields.seller" />
          <FunctionField<SellerRecord> label="resources.settlement.fields.sellerType" render={(s) => <SellerKindLabel value={s.sellerType} />} />
          <FunctionField<SellerRecord> label="resources.settlement.fields.payable" render={(s) => <Amounts list={s.payable} />} />
          <FunctionField<SellerRecord> label="resources.settlement.fields.pending" render={(s) => <Amounts list={s.pending} />} />
          <FunctionField<SellerRecord>
            label="vitrine.settlement.not_paid_out"
            render={(s) => (s.notPaidOut?.length ? <Box component="span" sx={{ color: 'error.main' }}><Amounts list={s.notPaidOut} testId="seller-not-paid-out" /></Box> : '—')}
          />
        </Datagrid>
      </List>
    </>
  );
};

const SellerKindLabel = ({ value }: { value: string }) => {
  const translate = useTranslate();
  return <span>{translate(`vitrine.settlement.seller.${value}`)}</span>;
};

/** Available (payable) and pending, per currency. */
const Balance = () => {
  const s = useRecordContext<SellerRecord>();
  const translate = useTranslate();
  if (!s) return null;
  const notPaidOut = s.notPaidOut ?? [];
  const currencies = [...new Set([...s.payable, ...s.pending, ...notPaidOut].map((a) => a.currency))];
  const of = (list: Amount[], c: string) => list.find((a) => a.currency === c)?.amount ?? 0;
  return (
    <Section title="vitrine.settlement.balance" testId="settlement-balance">
      {currencies.length === 0 && <Typography color="text.secondary">{translate('vitrine.settlement.nothing_yet')}</Typography>}
      {currencies.map((c) => (
        <Box key={c} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, py: 1 }} data-testid={`balance-${c}`}>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.settlement.fields.payable')}
            </Typography>
            <Typography variant="h5" component="div" data-testid={`balance-${c}-available`} color={of(s.payable, c) < 0 ? 'error' : undefined}>
              <Money amount={of(s.payable, c)} currency={c} />
            </Typography>
          </Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.settlement.fields.pending')}
            </Typography>
            <Typography variant="h5" component="div" data-testid={`balance-${c}-pending`}>
              <Money amount={of(s.pending, c)} currency={c} />
            </Typography>
          </Box>
          {of(notPaidOut, c) > 0 && (
            <Box>
              <Typography variant="body2" color="error">
                {translate('vitrine.settlement.not_paid_out')}
              </Typography>
              <Typography variant="h5" component="div" color="error" data-testid={`balance-${c}-not-paid-out`}>
                <Money amount={of(notPaidOut, c)} currency={c} />
              </Typography>
            </Box>
          )}
        </Box>
      ))}
      {notPaidOut.some((a) => a.amount > 0) && (
        <Alert severity="error" sx={{ maxWidth: 520, mb: 1 }} data-testid="balance-not-paid-out-help">
          {translate('vitrine.settlement.not_paid_out_help')}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
        {translate('vitrine.settlement.balance_help')}
      </Typography>
    </Section>
  );
};

/** The Stripe Connect account: its state, what Stripe still needs, and the connect / continue button. */
const PayoutAccount = () => {
  const s = useRecordContext<SellerRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [account, setAccount] = useState<PayoutAccountRecord | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!s) return;
    let live = true;
    payoutAccount(s.id)
      .then((a) => live && setAccount(a))
      .catch(() => live && setAccount(null));
    return () => {
      live = false;
    };
  }, [s?.id]);
  if (!s || account === undefined) return null;
  const state = !account ? 'NOT_CONNECTED' : account.ready ? 'READY' : 'ONBOARDING';
  const connect = async () => {
    setBusy(true);
    try {
      const a = await connectPayoutAccount(s.id, window.location.href);
      setAccount(a);
      if (a.onboardingUrl) window.location.assign(a.onboardingUrl);
      else notify('vitrine.settlement.account.ready_notice', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="vitrine.settlement.account.title" testId="payout-account">
      <Stack spacing={1} alignItems="flex-start">
        <Chip
          data-testid="payout-account-state"
          color={state === 'READY' ? 'success' : state === 'ONBOARDING' ? 'warning' : 'default'}
          label={translate(`vitrine.settlement.account.state.${state}`)}
        />
        {account?.payoutCurrency && (
          <Typography variant="body2" data-testid="payout-account-currency">
            {translate('vitrine.settlement.account.currency', { currency: account.payoutCurrency })}
          </Typography>
        )}
        {account && account.requirements.length > 0 && (
          <Typography variant="body2" data-testid="payout-account-requirements">
            {translate('vitrine.settlement.account.requirements', {
              list: payoutNeeds(account.requirements)
                .map((n) => (n.key ? translate(`vitrine.settlement.account.need.${n.key}`) : n.code))
                .join(', '),
            })}
          </Typography>
        )}
        {account?.bankPayoutStatus && (
          <Typography variant="body2" color={account.bankPayoutStatus === 'failed' ? 'error' : undefined} data-testid="payout-account-bank">
            {translate(`vitrine.settlement.account.bank.${account.bankPayoutStatus === 'failed' ? 'failed' : 'paid'}`, { code: account.bankPayoutFailureCode ?? '' })}
          </Typography>
        )}
        {state !== 'READY' && (
          <Button
            variant="contained"
            disabled={busy}
            onClick={connect}
            data-testid="payout-connect"
            label={state === 'NOT_CONNECTED' ? 'vitrine.settlement.account.connect' : 'vitrine.settlement.account.continue'}
          >
            <AccountBalanceIcon />
          </Button>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
          {translate('vitrine.settlement.account.help')}
        </Typography>
      </Stack>
    </Section>
  );
};

/**
 * PAID, PENDING (not transferred yet: the next run makes it), REVERSED or PARTLY_REVERSED
 * (transfer reversals), FAILED (transferred, but the payout account's payout to its bank failed:
 * the money is back on its Stripe balance, not paid out).
 */
export function payoutState(p: PayoutRecord): 'PAID' | 'PENDING' | 'FAILED' | 'REVERSED' | 'PARTLY_REVERSED' {
  if (p.status === 'PAID' && p.reversed.amount >= p.amount.amount) return 'REVERSED';
  if (p.status === 'PAID' && p.bankStatus === 'FAILED') return 'FAILED';
  if (p.status === 'PAID' && p.reversed.amount > 0) return 'PARTLY_REVERSED';
  return p.status;
}
const PAYOUT_COLORS = { PAID: 'success', PENDING: 'warning', FAILED: 'error', REVERSED: 'error', PARTLY_REVERSED: 'warning' } as const;

const Payouts = () => {
  const s = useRecordContext<SellerRecord>();
  const translate = useTranslate();
  const { data, isPending } = useGetList<PayoutRecord>('settlementPayouts', { filter: { seller: s?.id }, pagination: { page: 1, perPage: 100 } }, { enabled: !!s });
  if (!s) return null;
  return (
    <Section title="vitrine.settlement.payouts" testId="settlement-payouts">
      {!isPending && !data?.length ? (
        <Typography color="text.secondary">{translate('vitrine.settlement.no_payouts')}</Typography>
      ) : (
        <Datagrid data={data} isPending={isPending} total={data?.length ?? 0} resource="settlementPayouts" bulkActionButtons={false} rowClick={false} sort={{ field: 'createdAt', order: 'DESC' }}>
          <DateField source="createdAt" showTime sortable={false} label="resources.settlementPayouts.fields.createdAt" />
          <TextField source="runKey" sortable={false} label="resources.settlementPayouts.fields.runKey" />
          <FunctionField<PayoutRecord> label="resources.settlementPayouts.fields.amount" render={(p) => <Money amount={p.amount.amount} currency={p.amount.currency} />} />
          <FunctionField<PayoutRecord>
            label="resources.settlementPayouts.fields.received"
            render={(p) =>
              p.received ? (
                <Box component="span" data-testid="payout-received" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
                  <Money amount={p.received.amount} currency={p.received.currency} />
                  {p.exchangeRate && (
                    <Typography variant="caption" color="text.secondary">
                      {translate('vitrine.settlement.rate', { rate: p.exchangeRate, from: p.amount.currency, to: p.received.currency })}
                    </Typography>
                  )}
                </Box>
              ) : (
                '—'
              )
            }
          />
          <FunctionField<PayoutRecord>
            label="resources.settlementPayouts.fields.status"
            render={(p) => <Chip size="small" data-testid="payout-status" color={PAYOUT_COLORS[payoutState(p)]} label={translate(`vitrine.settlement.payout_status.${payoutState(p)}`)} />}
          />
          <FunctionField<PayoutRecord>
            label="resources.settlementPayouts.fields.bank"
            render={(p) =>
              p.bankStatus === 'FAILED' ? (
                <Typography variant="body2" color="error" data-testid="payout-bank-failure">
                  {translate('vitrine.settlement.bank_failed', { reason: p.bankFailureMessage ?? p.bankFailureCode ?? '—', code: p.bankFailureCode ?? '—' })}
                </Typography>
              ) : p.bankStatus === 'PAID' ? (
                translate('vitrine.settlement.bank_paid')
              ) : p.status === 'PAID' ? (
                translate('vitrine.settlement.bank_unknown')
              ) : (
                '—'
              )
            }
          />
          <FunctionField<PayoutRecord>
            label="resources.settlementPayouts.fields.reversed"
            render={(p) => (p.reversed.amount ? <Money amount={p.reversed.amount} currency={p.reversed.currency} /> : '—')}
          />
          <TextField source="stripeTransferId" sortable={false} emptyText="—" label="resources.settlementPayouts.fields.stripeTransferId" />
          <FunctionField<PayoutRecord>
            label="resources.settlementPayouts.fields.transferGroup"
            render={(p) => (p.transferGroup ? <Box component="code" sx={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="payout-transfer-group">{p.transferGroup}</Box> : '—')}
          />
        </Datagrid>
      )}
    </Section>
  );
};

const KIND_CHOICES = ENTRY_KINDS.map((id) => ({ id, name: `vitrine.settlement.kind.${id}` }));
const lineFilters = [
  <SelectInput key="kind" source="kind" label="resources.settlementLines.fields.entryKind" choices={KIND_CHOICES} alwaysOn />,
  <DateInput key="from" source="from" label="vitrine.settlement.from" alwaysOn />,
  <DateInput key="to" source="to" label="vitrine.settlement.to" alwaysOn />,
];

/** The seller's ledger lines: newest first, 25 a page (keyset pages through the API), filtered by kind and dates. */
const LedgerLines = () => {
  const s = useRecordContext<SellerRecord>();
  const translate = useTranslate();
  const list = useListController<LedgerLineRecord>({
    resource: 'settlementLines',
    filter: { seller: s?.id },
    perPage: 25,
    sort: { field: 'id', order: 'DESC' },
    disableSyncWithLocation: true,
    queryOptions: { enabled: !!s },
  });
  if (!s) return null;
  return (
    <Section title="vitrine.settlement.ledger" testId="settlement-ledger">
      <ListContextProvider value={list}>
        <FilterForm filters={lineFilters} />
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="ledger-lines" empty={<Typography sx={{ p: 2 }}>{translate('vitrine.settlement.no_lines')}</Typography>}>
          <DateField source="createdAt" showTime sortable={false} label="resources.settlementLines.fields.createdAt" />
          <FunctionField<LedgerLineRecord> label="resources.settlementLines.fields.entryKind" render={(l) => translate(`vitrine.settlement.kind.${l.entryKind}`, { _: l.entryKind })} />
          <FunctionField<LedgerLineRecord> label="resources.settlementLines.fields.account" render={(l) => translate(`vitrine.settlement.account_kind.${l.account}`)} />
          <FunctionField<LedgerLineRecord> label="resources.settlementLines.fields.component" render={(l) => translate(`vitrine.settlement.component.${l.component}`, { _: l.component })} />
          <FunctionField<LedgerLineRecord>
            label="resources.settlementLines.fields.order"
            render={(l) =>
              l.orderNumber ? (
                <Link href={`#/orders/${l.orderId}/show`} onClick={(e) => e.stopPropagation()}>
                  {l.orderNumber}
                </Link>
              ) : (
                '—'
              )
            }
          />
          <FunctionField<LedgerLineRecord>
            label="resources.settlementLines.fields.amount"
            textAlign="right"
            render={(l) => (
              <Box component="span" sx={{ color: l.amount.amount < 0 ? 'error.main' : undefined }}>
                <Money amount={l.amount.amount} currency={l.amount.currency} />
              </Box>
            )}
          />
        </Datagrid>
        <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />
      </ListContextProvider>
    </Section>
  );
};

/** The month's settlement statement as CSV and PDF, computed from the ledger by the API (the PDF fetched with the session's token; the API checks the seller). */
const StatementDownload = () => {
  const s = useRecordContext<SellerRecord>();
  const notify = useNotify();
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [busy, setBusy] = useState(false);
  if (!s) return null;
  const download = async () => {
    try {
      const csv = await statementCsv(s.id, month);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `settlement-${s.sellerType.toLowerCase()}-${s.sellerId}-${month}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const downloadPdf = () => {
    setBusy(true);
    downloadFile(`/statements/settlement/${s.id}/${month}.pdf`, `settlement-${s.sellerType.toLowerCase()}-${s.sellerId}-${month}.pdf`)
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Section title="vitrine.settlement.statement" testId="settlement-statement">
      {/* The month, then the two files under it: side by side they crowd the card (French labels wrap over each other). */}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
        <MonthField month={month} onChange={setMonth} testId="statement-month" />
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button label="vitrine.settlement.download_csv" onClick={download} disabled={!isMonth(month)} data-testid="statement-download" sx={{ whiteSpace: 'nowrap' }}>
            <DownloadIcon />
          </Button>
          <Button label="vitrine.settlement.download_pdf" onClick={downloadPdf} disabled={busy || !isMonth(month)} data-testid="statement-download-pdf" sx={{ whiteSpace: 'nowrap' }}>
            <DownloadIcon />
          </Button>
        </Box>
      </Box>
    </Section>
  );
};

const SellerTitle = () => {
  const s = useRecordContext<SellerRecord>();
  const translate = useTranslate();
  // The seller's name where the API gives it (the operator opens many), else its kind.
  return <span>{s ? `${translate('resources.settlement.name', { smart_count: 1 })} — ${s.name ?? translate(`vitrine.settlement.seller.${s.sellerType}`)}` : ''}</span>;
};

export const SettlementShow = () => (
  <Show error={<NotFound />} title={<SellerTitle />} actions={false} sx={{ minWidth: 0, '& .RaShow-main, & .RaShow-card': { minWidth: 0 } }}>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 2 }} data-testid="settlement-show">
      <NegativeHelp />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Balance />
        <PayoutAccount />
        <StatementDownload />
      </Box>
      <Payouts />
      <LedgerLines />
    </Box>
  </Show>
);

const NegativeHelp = () => {
  const s = useRecordContext<SellerRecord>();
  const translate = useTranslate();
  if (!s || !s.payable.some((a) => a.amount < 0)) return null;
  return (
    <Alert severity="warning" data-testid="settlement-negative">
      {translate('vitrine.settlement.negative')}
    </Alert>
  );
};
