import { useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import AddLinkIcon from '@mui/icons-material/AddLink';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import WebhookIcon from '@mui/icons-material/Webhook';
import {
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  Show,
  TextField,
  TopToolbar,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Section, When } from '../../components/DetailParts';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { dateLocale } from '../../data/dates';
import { useCurrentMuseumId } from '../../museum/current-museum';
import { RequireMuseum } from '../../museum/RequireMuseum';
import {
  configureStockWebhook,
  connectWarehouseFeed,
  disableStockWebhook,
  runWarehouseFeed,
  setFeedEnabled,
  stockWebhook,
  uploadStockFeed,
  warehouseFeeds,
  type FeedFormat,
  type StockWebhookRecord,
  type SyncRunRecord,
  type WarehouseFeedRecord,
  type WebhookDeliveryRecord,
} from './sync-runs.data';

const FORMATS: FeedFormat[] = ['CSV', 'JSON'];
const ACTIVE = new Set(['QUEUED', 'RUNNING']);
const errorText = (e: unknown) => (e instanceof Error ? e.message : 'vitrine.errors.internal');

const Panel = (props: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) => <Section minWidth={380} {...props} />;

/** Connect a feed URL the worker fetches every N minutes (the first run starts at once). */
const ConnectFeedDialog = ({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<FeedFormat>('CSV');
  const [every, setEvery] = useState('60');
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    connectWarehouseFeed({ name: name.trim(), url: url.trim(), format, everyMinutes: Number(every) })
      .then(() => {
        notify('vitrine.sync.connected', { type: 'success' });
        onDone();
      })
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('vitrine.sync.connect_title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <MuiTextField label={translate('vitrine.sync.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <MuiTextField label={translate('vitrine.sync.url')} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        <Box sx={{ display: 'flex', gap: 2 }}>
          <MuiTextField select label={translate('vitrine.sync.format')} value={format} onChange={(e) => setFormat(e.target.value as FeedFormat)} sx={{ width: 140 }}>
            {FORMATS.map((f) => (
              <MenuItem key={f} value={f}>
                {f}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField label={translate('vitrine.sync.every')} value={every} onChange={(e) => setEvery(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {translate('vitrine.sync.format_help')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="vitrine.sync.connect" variant="contained" onClick={save} disabled={busy || !name.trim() || !url.trim() || !/^\d+$/.test(every)} />
      </DialogActions>
    </Dialog>
  );
};

/** A CSV or JSON stock document reconciled once; the run page shows its outcome. */
const UploadDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [format, setFormat] = useState<FeedFormat>('CSV');
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const run = await uploadStockFeed(file.name.toLowerCase().endsWith('.json') ? 'JSON' : format, await file.text());
      notify('vitrine.sync.queued', { type: 'info' });
      onClose();
      void navigate(`/syncRuns/${run.id}/show`);
    } catch (e) {
      notify(errorText(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('vitrine.sync.upload_title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <Typography variant="body2">{translate('vitrine.sync.format_help')}</Typography>
        <MuiTextField select label={translate('vitrine.sync.format')} value={format} onChange={(e) => setFormat(e.target.value as FeedFormat)} sx={{ width: 140 }}>
          {FORMATS.map((f) => (
            <MenuItem key={f} value={f}>
              {f}
            </MenuItem>
          ))}
        </MuiTextField>
        <input
          type="file"
          accept=".csv,.json,text/csv,application/json"
          disabled={busy}
          data-testid="sync-upload-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
};

const FeedsPanel = () => {
  const museumId = useCurrentMuseumId();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [feeds, setFeeds] = useState<WarehouseFeedRecord[] | null>(null);
  const [connecting, setConnecting] = useState(false);
  const load = useCallback(() => {
    if (!museumId) return;
    warehouseFeeds(museumId)
      .then(setFeeds)
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }));
  }, [museumId, notify]);
  useEffect(load, [load]);
  const run = (id: string) =>
    runWarehouseFeed(id)
      .then((r) => navigate(`/syncRuns/${r.id}/show`))
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }));
  const toggle = (f: WarehouseFeedRecord) =>
    setFeedEnabled(f.id, !f.enabled)
      .then(load)
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }));
  return (
    <Panel
      title="vitrine.sync.feeds"
      testId="warehouse-feeds"
      actions={
        <Button label="vitrine.sync.connect" onClick={() => setConnecting(true)}>
          <AddLinkIcon />
        </Button>
      }
    >
      {feeds && !feeds.length && <Typography color="text.secondary">{translate('vitrine.sync.no_feeds')}</Typography>}
      {!!feeds?.length && (
        <Table size="small">
          <TableBody>
            {feeds.map((f) => (
              <TableRow key={f.id}>
                <TableCell>
                  <strong>{f.name}</strong>
                  <Typography variant="caption" display="block" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
                    {f.format} · {f.url}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="caption" display="block">
                    {translate('vitrine.sync.every_n', { n: f.everyMinutes })}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {f.enabled ? (
                      <>
                        {translate('vitrine.sync.next_run')} <When at={f.nextRunAt} />
                      </>
                    ) : (
                      translate('vitrine.sync.disabled')
                    )}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button label="vitrine.sync.run_now" onClick={() => void run(f.id)}>
                    <PlayArrowIcon />
                  </Button>
                  <Button label={f.enabled ? 'vitrine.sync.disable' : 'vitrine.sync.enable'} onClick={() => void toggle(f)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ConnectFeedDialog
        open={connecting}
        onClose={() => setConnecting(false)}
        onDone={() => {
          setConnecting(false);
          load();
          refresh();
        }}
      />
    </Panel>
  );
};

/** Where marketplace stock changes are pushed; the signing secret is shown once. */
const WebhookPanel = () => {
  const museumId = useCurrentMuseumId();
  const translate = useTranslate();
  const notify = useNotify();
  const [state, setState] = useState<{ webhook: StockWebhookRecord | null; deliveries: WebhookDeliveryRecord[] } | null>(null);
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const load = useCallback(() => {
    if (!museumId) return;
    stockWebhook(museumId)
      .then(setState)
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }));
  }, [museumId, notify]);
  useEffect(load, [load]);
  const save = () =>
    configureStockWebhook(url.trim())
      .then((r) => {
        setSecret(r.secret);
        setEditing(false);
        load();
      })
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }));
  const disable = () =>
    disableStockWebhook()
      .then(load)
      .catch((e: unknown) => notify(errorText(e), { type: 'error' }));
  const w = state?.webhook;
  return (
    <Panel
      title="vitrine.sync.webhook"
      testId="stock-webhook"
      actions={
        <>
          <Button
            label="vitrine.sync.set_endpoint"
            onClick={() => {
              setUrl(w?.url ?? '');
              setEditing(true);
            }}
          >
            <WebhookIcon />
          </Button>
          {w?.enabled && <Button label="vitrine.sync.disable" onClick={() => void disable()} />}
        </>
      }
    >
      {secret && (
        <Alert severity="warning" onClose={() => setSecret(null)} sx={{ mb: 1 }}>
          {translate('vitrine.sync.secret_once')} <code style={{ wordBreak: 'break-all' }}>{secret}</code>
        </Alert>
      )}
      {!w ? (
        <Typography color="text.secondary">{translate('vitrine.sync.no_webhook')}</Typography>
      ) : (
        <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
          {w.url} · {translate(w.enabled ? 'vitrine.sync.enabled' : 'vitrine.sync.disabled')}
        </Typography>
      )}
      {(state?.deliveries ?? []).map((d) => (
        <Typography key={d.id} variant="caption" display="block" color={d.status === 'FAILED' ? 'error' : 'text.secondary'}>
          <When at={d.createdAt} /> · {translate(`vitrine.status.${d.status}`, { _: d.status })} · {translate('vitrine.sync.levels', { smart_count: d.levelCount })}
          {d.lastStatusCode ? ` · HTTP ${d.lastStatusCode}` : ''}
          {d.lastError ? ` · ${d.lastError}` : ''}
        </Typography>
      ))}
      <Dialog open={editing} onClose={() => setEditing(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('vitrine.sync.set_endpoint')}</DialogTitle>
        <DialogContent sx={{ pt: '8px !important' }}>
          <MuiTextField fullWidth label={translate('vitrine.sync.url')} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setEditing(false)} />
          <Button label="ra.action.save" variant="contained" onClick={() => void save()} disabled={!url.trim()} />
        </DialogActions>
      </Dialog>
    </Panel>
  );
};

const ListActions = () => {
  const [uploading, setUploading] = useState(false);
  return (
    <TopToolbar>
      <Button label="vitrine.sync.upload" onClick={() => setUploading(true)} data-testid="sync-upload">
        <UploadFileIcon />
      </Button>
      <UploadDialog open={uploading} onClose={() => setUploading(false)} />
    </TopToolbar>
  );
};

const Counts = (_: { label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<SyncRunRecord>
      render={(r) => translate('vitrine.sync.counts', { rows: r.rowsTotal, changed: r.changed, unchanged: r.unchanged, rejected: r.rejected })}
    />
  );
};
const TriggerField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<SyncRunRecord> render={(r) => translate(`vitrine.sync.trigger.${r.trigger}`)} />;
};

// While a run is queued or running, the page asks again every two seconds.
const pollList = (q: { state: { data?: { data?: SyncRunRecord[] } } }) => (q.state.data?.data?.some((r) => ACTIVE.has(r.status)) ? 2_000 : false);
const pollOne = (q: { state: { data?: SyncRunRecord } }) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1_000 : false);

export const SyncRunList = () => (
  <RequireMuseum>
    <Box sx={{ display: 'flex', gap: 2, mt: 2, flexWrap: 'wrap' }}>
      <FeedsPanel />
      <WebhookPanel />
    </Box>
    <List exporter={false} empty={false} actions={<ListActions />} sort={{ field: 'queuedAt', order: 'DESC' }} queryOptions={{ refetchInterval: pollList }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateField source="queuedAt" showTime sortable={false} />
        <TriggerField label="resources.syncRuns.fields.trigger" />
        <TextField source="format" sortable={false} />
        <StatusChip source="status" label="resources.syncRuns.fields.status" sortable={false} />
        <Counts label="resources.syncRuns.fields.rows" />
        <TextField source="failure" sortable={false} emptyText="" />
      </Datagrid>
    </List>
  </RequireMuseum>
);

const RunSummary = () => {
  const r = useRecordContext<SyncRunRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }} data-testid="sync-run-summary">
      <StatusChip source="status" />
      <Typography variant="body2">{translate(`vitrine.sync.trigger.${r.trigger}`)} · {r.format}</Typography>
      <Typography variant="body2">{translate('vitrine.sync.counts', { rows: r.rowsTotal, changed: r.changed, unchanged: r.unchanged, rejected: r.rejected })}</Typography>
      <Typography variant="body2" color="text.secondary">
        <When at={r.queuedAt} /> → <When at={r.finishedAt} />
      </Typography>
      {r.failure && (
        <Alert severity="error" sx={{ width: '100%' }}>
          {r.failure}
        </Alert>
      )}
    </Box>
  );
};

const RunErrors = () => {
  const r = useRecordContext<SyncRunRecord>();
  const translate = useTranslate();
  if (!r?.errors?.length) return null;
  return (
    <Table size="small" data-testid="sync-run-errors">
      <TableHead>
        <TableRow>
          <TableCell>{translate('vitrine.sync.line')}</TableCell>
          <TableCell>SKU</TableCell>
          <TableCell>{translate('vitrine.sync.location')}</TableCell>
          <TableCell>{translate('vitrine.sync.problem')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {r.errors.map((e) => (
          <TableRow key={`${e.line}-${e.code}`}>
            <TableCell>{e.line}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{e.sku ?? '—'}</TableCell>
            <TableCell>{e.location ?? '—'}</TableCell>
            <TableCell>
              {translate(`vitrine.sync.error.${e.code}`, { _: e.code })}
              <Typography variant="caption" color="text.secondary" display="block">
                {e.message}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const RunTitle = () => {
  const r = useRecordContext<SyncRunRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!r) return null;
  return <span>{translate('vitrine.sync.run_title', { date: new Date(r.queuedAt).toLocaleString(dateLocale(locale)) })}</span>;
};

export const SyncRunShow = () => (
  <Show error={<NotFound />} actions={false} title={<RunTitle />} queryOptions={{ refetchInterval: pollOne }}>
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <RunSummary />
      <RunErrors />
    </Box>
  </Show>
);
