import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Box, Button as MuiButton, Card, CardContent, Chip, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import PushPinIcon from '@mui/icons-material/PushPin';
import CancelIcon from '@mui/icons-material/Cancel';
import {
  Create,
  Datagrid,
  DateField,
  Edit,
  EditButton,
  FunctionField,
  List,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useNotify,
  useRefresh,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { ApiError } from '../../api/errors';
import { ConfirmActionButton } from '../../components/ConfirmActionButton';
import { Money } from '../../components/Money';
import { ProductPickerInput } from '../../components/ProductPickerInput';
import { DateTimeWindowInputs, startDayFilters } from '../../components/ScheduleInputs';
import { majorToMinor } from '../../data/money';
import { LIVE_PHASES, cancelLiveSession, checkStreamUrl, postAnnouncement, pinProduct, startFlash, type LiveSessionRecord } from './live-sessions.data';

/** Our sentence for a live-session refusal, else the API's own. */
function useLiveError() {
  const notify = useNotify();
  return (e: unknown) => {
    const code = e instanceof ApiError ? e.code : '';
    const known = ['PRODUCT_NOT_IN_MUSEUM', 'PRODUCT_NOT_IN_BAG', 'FLASH_PRICE_NOT_BELOW_PRICE', 'SESSION_NOT_LIVE', 'SESSION_ENDED', 'SESSION_ALREADY_STARTED', 'SESSION_CANCELLED', 'STREAM_URL_NOT_ALLOWED'];
    notify(known.includes(code) ? `vitrine.live.errors.${code}` : e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
  };
}

const PhaseChip = ({ phase }: { phase: LiveSessionRecord['phase'] }) => {
  const translate = useTranslate();
  return <Chip size="small" color={phase === 'LIVE' ? 'error' : 'default'} label={translate(`vitrine.live.phase.${phase}`)} data-testid="live-phase" />;
};

const PHASE_CHOICES = LIVE_PHASES.map((id) => ({ id, name: `vitrine.live.phase.${id}` }));

// Filtered and paged by the API (managedLiveSessions filter and cursor pages), latest start first.
const filters = [
  <SelectInput key="phase" source="phase" choices={PHASE_CHOICES} alwaysOn />,
  ...startDayFilters('vitrine.live'),
];

export const LiveSessionList = () => (
  <List exporter={false} filters={filters} empty={false} perPage={25} sort={{ field: 'startsAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" sortable={false} />
      <DateField source="startsAt" showTime sortable={false} />
      <DateField source="endsAt" showTime sortable={false} />
      <FunctionField<LiveSessionRecord> source="phase" sortable={false} render={(s) => <PhaseChip phase={s.phase} />} />
    </Datagrid>
  </List>
);

type StreamVerdict = Awaited<ReturnType<typeof checkStreamUrl>>;

/** Under the stream URL: whether the shop will embed its player or show a link, or why it is refused (asked of the API as it is typed). */
const StreamPlayerHint = () => {
  const translate = useTranslate();
  const url = ((useWatch({ name: 'streamUrl' }) as string | undefined) ?? '').trim();
  const [verdict, setVerdict] = useState<{ url: string; v: StreamVerdict } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    const timer = setTimeout(() => {
      checkStreamUrl(url).then(
        (v) => live && setVerdict({ url, v }),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url]);
  if (!url || verdict?.url !== url) return null;
  const { player, problem } = verdict.v;
  const text = player
    ? player.kind === 'EMBED'
      ? translate('vitrine.live.player.EMBED', { platform: player.platform ?? '' })
      : translate('vitrine.live.player.LINK')
    : translate(`vitrine.live.player.problem.${problem ?? 'NOT_HTTPS'}`);
  return (
    <Typography variant="body2" color={player ? 'text.secondary' : 'error'} data-testid="live-stream-player" data-kind={player?.kind ?? 'REFUSED'} sx={{ mt: -1, mb: 2 }}>
      {text}
    </Typography>
  );
};

/** The same fields to schedule a session and to change it before it starts. */
const SessionForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={[required(), maxLength(120)]} fullWidth />
    <TextInput source="streamUrl" validate={required()} helperText="vitrine.live.stream_help" fullWidth />
    <StreamPlayerHint />
    <DateTimeWindowInputs />
    <ProductPickerInput helperText="vitrine.live.bag_help" />
  </SimpleForm>
);

export const LiveSessionCreate = () => (
  <Create redirect="show">
    <SessionForm />
  </Create>
);

export const LiveSessionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SessionForm />
  </Edit>
);

/** Cancel a session before it starts: viewers no longer find it. Asks first. */
const CancelSessionButton = ({ session }: { session: LiveSessionRecord }) => {
  const failed = useLiveError();
  return (
    <ConfirmActionButton
      label="vitrine.live.cancel"
      icon={<CancelIcon />}
      testId="live-cancel"
      title="vitrine.live.cancel_title"
      content="vitrine.live.cancel_content"
      confirm="vitrine.live.cancel_confirm"
      cancel="vitrine.live.cancel_keep"
      action={() => cancelLiveSession(String(session.id))}
      done="vitrine.live.cancelled"
      onError={failed}
    />
  );
};

const SessionActions = () => {
  const { record } = useShowContext<LiveSessionRecord>();
  if (!record || record.phase !== 'SCHEDULED') return null;
  return (
    <TopToolbar>
      <EditButton />
      <CancelSessionButton session={record} />
    </TopToolbar>
  );
};

/** Seconds left until `endsAt`, ticking. */
function useSecondsLeft(endsAt: string | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return endsAt ? Math.max(0, Math.ceil((new Date(endsAt).getTime() - now) / 1000)) : 0;
}

const Countdown = ({ endsAt }: { endsAt: string }) => {
  const left = useSecondsLeft(endsAt);
  return <span data-testid="live-flash-countdown">{`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`}</span>;
};

/** The host's controls: a column on a phone, the same cards side by side on a laptop. */
const HostPanel = () => {
  const { record, refetch } = useShowContext<LiveSessionRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const failed = useLiveError();
  const [busy, setBusy] = useState(false);
  const [flashProduct, setFlashProduct] = useState('');
  const [flashYuan, setFlashYuan] = useState('');
  const [flashMinutes, setFlashMinutes] = useState('5');
  const [message, setMessage] = useState('');
  // Sales and stock move while the host talks: read them again every few seconds.
  useEffect(() => {
    const t = setInterval(() => void refetch(), 5000);
    return () => clearInterval(t);
  }, [refetch]);
  if (!record) return null;
  const products = record.products ?? [];
  const run = (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    work()
      .then(() => {
        notify(done, { type: 'success' });
        refresh();
      })
      .catch(failed)
      .finally(() => setBusy(false));
  };
  const submitFlash = () => {
    const fen = majorToMinor(flashYuan);
    const minutes = Number(flashMinutes);
    if (!flashProduct || fen == null || fen <= 0 || !Number.isInteger(minutes) || minutes < 1) {
      notify('vitrine.live.flash_invalid', { type: 'warning' });
      return;
    }
    run(() => startFlash(String(record.id), flashProduct, fen, minutes), 'vitrine.live.flash_started');
  };
  const flashOf = (productId: string) => record.flashPrices?.find((f) => f.productId === productId);

  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }} data-testid="live-host">
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap">
        <PhaseChip phase={record.phase} />
        <Typography variant="body2" component="a" href={record.streamUrl} target="_blank" rel="noreferrer" sx={{ wordBreak: 'break-all' }}>
          {record.streamUrl}
        </Typography>
      </Stack>
      {record.phase === 'CANCELLED' && <Typography color="text.secondary">{translate('vitrine.live.cancelled_note')}</Typography>}
      <Box sx={{ display: record.phase === 'CANCELLED' ? 'none' : 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6">{translate('vitrine.live.bag')}</Typography>
            {products.map((p) => {
              const pinned = record.pinnedProductId === p.productId;
              const flash = flashOf(p.productId);
              return (
                <Stack key={p.productId} direction="row" spacing={1} alignItems="center" sx={{ py: 1, borderBottom: '1px solid #eee' }} data-testid="live-bag-product">
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Typography variant="body2" noWrap>
                      {p.name}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      <Money amount={p.priceMinor} currency={p.currency} /> · {translate('vitrine.live.left', { count: p.available })}
                      {flash && (
                        <>
                          {' · '}
                          <Money amount={flash.priceMinor} currency="CNY" /> <Countdown endsAt={flash.endsAt} />
                        </>
                      )}
                    </Typography>
                  </Box>
                  <MuiButton
                    size="large"
                    variant={pinned ? 'contained' : 'outlined'}
                    startIcon={<PushPinIcon />}
                    disabled={busy}
                    sx={{ minHeight: 44 }}
                    onClick={() => run(() => pinProduct(String(record.id), pinned ? null : p.productId), pinned ? 'vitrine.live.unpinned' : 'vitrine.live.pinned')}
                    data-testid={`live-pin-${p.productId}`}
                  >
                    {translate(pinned ? 'vitrine.live.unpin' : 'vitrine.live.pin')}
                  </MuiButton>
                </Stack>
              );
            })}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6">{translate('vitrine.live.flash')}</Typography>
            <Stack spacing={1.5} sx={{ mt: 1 }}>
              <MuiTextField select label={translate('vitrine.live.flash_product')} value={flashProduct} onChange={(e) => setFlashProduct(e.target.value)} inputProps={{ 'data-testid': 'live-flash-product' }}>
                {products.map((p) => (
                  <MenuItem key={p.productId} value={p.productId}>
                    {p.name}
                  </MenuItem>
                ))}
              </MuiTextField>
              <MuiTextField label={translate('vitrine.live.flash_price')} value={flashYuan} onChange={(e) => setFlashYuan(e.target.value)} inputProps={{ inputMode: 'decimal', 'data-testid': 'live-flash-price' }} />
              <MuiTextField label={translate('vitrine.live.flash_minutes')} value={flashMinutes} onChange={(e) => setFlashMinutes(e.target.value)} inputProps={{ inputMode: 'numeric', 'data-testid': 'live-flash-minutes' }} />
              <MuiButton variant="contained" size="large" disabled={busy} onClick={submitFlash} sx={{ minHeight: 44 }} data-testid="live-flash-start">
                {translate('vitrine.live.flash_start')}
              </MuiButton>
            </Stack>
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6">{translate('vitrine.live.announce')}</Typography>
            <Stack spacing={1.5} sx={{ mt: 1 }}>
              <MuiTextField
                multiline
                minRows={2}
                value={message}
                onChange={(e) => setMessage(e.target.value.slice(0, 140))}
                helperText={`${message.length}/140`}
                inputProps={{ 'data-testid': 'live-announcement' }}
              />
              <MuiButton
                variant="contained"
                size="large"
                disabled={busy || !message.trim()}
                sx={{ minHeight: 44 }}
                onClick={() => run(() => postAnnouncement(String(record.id), message).then(() => setMessage('')), 'vitrine.live.announced')}
                data-testid="live-announce"
              >
                {translate('vitrine.live.post')}
              </MuiButton>
              {(record.announcements ?? []).slice(0, 5).map((a) => (
                <Typography key={a.id} variant="body2" color="text.secondary">
                  {a.body}
                </Typography>
              ))}
            </Stack>
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6">{translate('vitrine.live.sales')}</Typography>
            {(record.sales ?? []).length === 0 && <Typography variant="body2">{translate('vitrine.live.no_sales')}</Typography>}
            {(record.sales ?? []).map((s) => (
              <Stack key={s.productId} direction="row" spacing={1} sx={{ py: 0.5 }} data-testid="live-sales-row">
                <Typography variant="body2" sx={{ flex: 1, minWidth: 0 }} noWrap>
                  {s.name}
                </Typography>
                <Typography variant="body2">{translate('vitrine.live.sales_figures', { orders: s.orders, units: s.units })}</Typography>
                <Money amount={s.revenueMinor} currency="CNY" />
              </Stack>
            ))}
          </CardContent>
        </Card>
      </Box>
    </Stack>
  );
};

export const LiveSessionShow = () => (
  <Show actions={<SessionActions />}>
    <HostPanel />
  </Show>
);
