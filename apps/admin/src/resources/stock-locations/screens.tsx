import { useEffect, useState } from 'react';
import {
  Box,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Button,
  Create,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  Pagination,
  ReferenceManyField,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { CountShelfButton } from '../../components/CountShelfButton';
import { NotFound } from '../../components/NotFound';
import { SetStockButton } from '../../components/SetStockDialog';
import { pickText } from '../../data/localized';
import { dateLocale } from '../../data/dates';
import { RequireMuseum } from '../../museum/RequireMuseum';
import {
  LOCATION_KINDS,
  stockMovements,
  type StockLevelRecord,
  type StockLocationRecord,
  type StockMovementRecord,
} from './stock-locations.data';

const KIND_CHOICES = LOCATION_KINDS.map((id) => ({ id, name: `vitrine.stock.kind.${id}` }));

const KindField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<StockLocationRecord> render={(l) => translate(`vitrine.stock.kind.${l.kind}`)} />;
};

export const StockLocationList = () => (
  <RequireMuseum>
    <List exporter={false} pagination={false} sort={{ field: 'priority', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" sortable={false} />
        <TextField source="name" sortable={false} />
        <KindField label="resources.stockLocations.fields.kind" />
        <TextField source="customsMode" sortable={false} />
        <NumberField source="priority" sortable={false} />
      </Datagrid>
    </List>
  </RequireMuseum>
);

export const StockLocationCreate = () => (
  <RequireMuseum>
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'EU_WAREHOUSE', priority: 10 }}>
        <TextInput source="code" validate={required()} helperText="vitrine.stock.code_help" />
        <TextInput source="name" validate={required()} />
        <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
        <NumberInput source="priority" step={1} helperText="vitrine.stock.priority_help" />
      </SimpleForm>
    </Create>
  </RequireMuseum>
);

/** Sets on hand after a count; the API refuses less than what orders hold. */
const SetOnHandButton = () => {
  const level = useRecordContext<StockLevelRecord>();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  if (!level) return null;
  const save = (onHand: number, note: string | undefined) =>
    new Promise<boolean>((resolve) =>
      update(
        'stockLevels',
        { id: level.id, data: { onHand, note }, previousData: level },
        {
          mutationMode: 'pessimistic',
          onSuccess: () => {
            notify('vitrine.stock.saved', { type: 'success' });
            resolve(true);
          },
          onError: (e) => {
            notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
            resolve(false);
          },
        },
      ),
    );
  return (
    <CountShelfButton
      variantId={level.variantId}
      onHand={level.onHand}
      reserved={level.reserved}
      busy={isPending}
      onSave={save}
    />
  );
};

const LocationHeader = () => {
  const l = useRecordContext<StockLocationRecord>();
  const translate = useTranslate();
  const refresh = useRefresh();
  if (!l) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="h6">
        {l.name}{' '}
        <Typography component="span" color="text.secondary">
          {l.code}
        </Typography>
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>
        {translate(`vitrine.stock.kind.${l.kind}`)} ·{' '}
        {translate('vitrine.stock.customs_mode', { mode: l.customsMode })} ·{' '}
        {translate('vitrine.stock.priority', { priority: l.priority })}
      </Typography>
      {/* Stock for a variant with no level here yet (a new product), beside counting the listed ones. */}
      <Box sx={{ ml: 'auto' }}>
        <SetStockButton museumId={l.museumId} locationId={l.id} onDone={refresh} testId="add-stock" />
      </Box>
    </Box>
  );
};

export const StockLocationShow = () => (
  <Show error={<NotFound />}>
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <LocationHeader />
      <ReferenceManyField
        reference="stockLevels"
        target="locationId"
        perPage={25}
        pagination={<Pagination />}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick="expand"
          expand={<Ledger />}
          data-testid="stock-levels"
          empty={<StockEmpty />}
        >
          <FunctionField<StockLevelRecord>
            label="resources.stockLevels.fields.sku"
            render={(l) => <code data-testid={`sku-${l.variantId}`}>{l.variant?.sku ?? l.variantId}</code>}
          />
          <ProductNameField label="resources.stockLevels.fields.product" />
          <NumberField source="onHand" sortable={false} />
          <NumberField source="reserved" sortable={false} />
          <FunctionField<StockLevelRecord>
            source="available"
            sortable={false}
            render={(l) => (
              <Typography variant="body2" color={l.available <= 0 ? 'error' : undefined} component="span">
                {l.available}
              </Typography>
            )}
          />
          <DateField source="updatedAt" showTime sortable={false} />
          <SetOnHandButton />
        </Datagrid>
      </ReferenceManyField>
      <Card variant="outlined">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            <LabelOf k="vitrine.stock.ledger_help" />
          </Typography>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mt: 1 }}>
            <LabelOf k="vitrine.stock.sync" />
          </Typography>
          <Box>
            <Button component={Link} to="/syncRuns" label="vitrine.stock.sync_link" />
          </Box>
        </CardContent>
      </Card>
    </Box>
  </Show>
);

const LabelOf = ({ k }: { k: string }) => {
  const translate = useTranslate();
  return <>{translate(k)}</>;
};

const StockEmpty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate('vitrine.stock.empty')}
    </Typography>
  );
};

const ProductNameField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return (
    <FunctionField<StockLevelRecord>
      render={(l) => (l.variant ? pickText(l.variant.productName, locale) : '—')}
    />
  );
};

const LEDGER_PAGE = 10;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One level's movements (receipts, counts, reservations, shipments), newest first, a page at a time. */
const Ledger = () => {
  const level = useRecordContext<StockLevelRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [rows, setRows] = useState<StockMovementRecord[]>([]);
  const [page, setPage] = useState<{ after: string | null; hasNext: boolean; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (after: string | null) => {
    if (!level) return;
    stockMovements(level.locationId, level.variantId, LEDGER_PAGE, after)
      .then((r) => {
        setRows((prev) => (after ? [...prev, ...r.nodes] : r.nodes));
        setPage({ after: r.pageInfo.endCursor, hasNext: r.pageInfo.hasNextPage, total: r.totalCount });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  useEffect(() => {
    setRows([]);
    load(null);
  }, [level?.locationId, level?.variantId, level?.onHand, level?.reserved]);
  if (!level) return null;
  if (error) return <Typography color="error">{translate(error, { _: error })}</Typography>;
  return (
    <Box sx={{ pl: 2 }} data-testid={`ledger-${level.variantId}`}>
      <Typography variant="subtitle2">
        {translate('vitrine.stock.ledger_title', { smart_count: page?.total ?? 0 })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('vitrine.stock.ledger_at')}</TableCell>
            <TableCell>{translate('vitrine.stock.ledger_kind')}</TableCell>
            <TableCell align="right">{translate('resources.stockLevels.fields.onHand')}</TableCell>
            <TableCell align="right">{translate('resources.stockLevels.fields.reserved')}</TableCell>
            <TableCell>{translate('vitrine.stock.ledger_reference')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.id} data-testid="ledger-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {new Date(m.createdAt).toLocaleString(dateLocale(locale))}
              </TableCell>
              <TableCell>{translate(`vitrine.stock.movement.${m.kind}`, { _: m.kind })}</TableCell>
              <TableCell align="right">{m.onHandDelta ? signed(m.onHandDelta) : ''}</TableCell>
              <TableCell align="right">{m.reservedDelta ? signed(m.reservedDelta) : ''}</TableCell>
              <TableCell>
                {m.changedBy ? (
                  <span data-testid="ledger-user">{m.changedBy}</span>
                ) : (
                  <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                    {m.reference ?? ''}
                  </Typography>
                )}
                {m.note ? ` · ${m.note}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {page?.hasNext && (
        <Button
          label="vitrine.stock.ledger_more"
          onClick={() => load(page.after)}
          data-testid="ledger-more"
        />
      )}
    </Box>
  );
};
