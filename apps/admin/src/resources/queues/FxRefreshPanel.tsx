import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Button, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { dateLocale } from '../../data/dates';
import { acknowledgeFxRefreshRun, fxRefreshes, refreshFxRatesNow, type FxRefreshRunRecord } from './queues.data';

/** The automatic EUR→CNY refreshes: failures stay alerts until an operator acknowledges them. */
export const FxRefreshPanel = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [state, setState] = useState<{ runs: FxRefreshRunRecord[]; alerts: number } | null>(null);
  const fail = useCallback((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }), [notify]);
  const load = useCallback(() => {
    fxRefreshes(5).then(setState).catch(fail);
  }, [fail]);
  useEffect(load, [load]);
  const refresh = () =>
    refreshFxRatesNow()
      .then(() => notify('vitrine.fx_refresh.queued', { type: 'info' }))
      .catch(fail);
  const when = (at: string) => new Date(at).toLocaleString(dateLocale(locale));
  return (
    <Card data-testid="fx-refresh">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('vitrine.fx_refresh.title')}
          </Typography>
          <Button label="vitrine.fx_refresh.now" onClick={() => void refresh()}>
            <RefreshIcon />
          </Button>
        </Box>
        {!!state?.alerts && <Alert severity="error">{translate('vitrine.fx_refresh.alerts', { smart_count: state.alerts })}</Alert>}
        {state && !state.runs.length && <Typography color="text.secondary">{translate('vitrine.fx_refresh.none')}</Typography>}
        {state?.runs.map((r) => (
          <Box key={r.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" color={r.status === 'FAILED' ? 'error' : 'success'} label={translate(`vitrine.status.${r.status}`)} />
            <Typography variant="body2">
              {when(r.finishedAt)} · {r.source}
              {r.rate ? ` · ${r.base}/${r.quote} ${r.rate}` : ''}
              {r.referenceDate ? ` (${r.referenceDate})` : ''}
            </Typography>
            {r.error && (
              <Typography variant="caption" color="error">
                {r.error}
              </Typography>
            )}
            {r.status === 'FAILED' && !r.acknowledgedAt && (
              <Button label="vitrine.fx_refresh.acknowledge" size="small" onClick={() => void acknowledgeFxRefreshRun(r.id).then(load, fail)} />
            )}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};
