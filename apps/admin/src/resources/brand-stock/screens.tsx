import { useCallback, useEffect, useState } from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CountShelfButton } from '../../components/CountShelfButton';
import { NotFound } from '../../components/NotFound';
import {
  BRAND_LOCATION_KINDS,
  brandLevels,
  setBrandLevel,
  type BrandLocationRecord,
  type BrandVariantLevel,
} from './brand-stock.data';

const KIND_CHOICES = BRAND_LOCATION_KINDS.map((id) => ({ id, name: `vitrine.stock.kind.${id}` }));

const KindField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<BrandLocationRecord> render={(l) => translate(`vitrine.stock.kind.${l.kind}`)} />;
};

/** The brand partner's own locations: where its co-branded products ship from. */
export const BrandStockList = () => (
  <List exporter={false} pagination={false} sort={{ field: 'priority', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" sortable={false} />
      <TextField source="name" sortable={false} />
      <KindField label="resources.brandStock.fields.kind" />
      <TextField source="customsMode" sortable={false} />
      <NumberField source="priority" sortable={false} />
    </Datagrid>
  </List>
);

export const BrandStockCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ kind: 'EU_WAREHOUSE', priority: 10 }}>
      <TextInput source="code" validate={required()} helperText="vitrine.stock.code_help" />
      <TextInput source="name" validate={required()} />
      <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
      <NumberInput source="priority" step={1} helperText="vitrine.stock.priority_help" />
    </SimpleForm>
  </Create>
);

/** A count of one variant at the location; the API refuses less than what orders hold. */
const CountDialog = ({
  locationId,
  level,
  onSaved,
}: {
  locationId: string;
  level: BrandVariantLevel;
  onSaved: () => void;
}) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const save = (onHand: number, note: string | undefined) => {
    setBusy(true);
    return setBrandLevel(locationId, level.variantId, onHand, note)
      .then(() => {
        notify('vitrine.stock.saved', { type: 'success' });
        onSaved();
        return true;
      })
      .catch((e: unknown) => {
        notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
        return false;
      })
      .finally(() => setBusy(false));
  };
  return (
    <CountShelfButton
      variantId={level.variantId}
      onHand={level.onHand}
      reserved={level.reserved}
      busy={busy}
      onSave={save}
      testIdPrefix="brand-"
    />
  );
};

/** Every variant the brand fulfils with its level here (zero until counted). */
const BrandLevels = () => {
  const location = useRecordContext<BrandLocationRecord>();
  const translate = useTranslate();
  const [rows, setRows] = useState<BrandVariantLevel[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    if (!location) return;
    brandLevels(location.id)
      .then(setRows)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [location]);
  useEffect(load, [load]);
  if (!location) return null;
  if (error) return <Typography color="error">{translate(error, { _: error })}</Typography>;
  if (!rows) return null;
  if (!rows.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('vitrine.brand_stock.no_variants')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="brand-levels">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.stockLevels.fields.sku')}</TableCell>
          <TableCell align="right">{translate('resources.stockLevels.fields.onHand')}</TableCell>
          <TableCell align="right">{translate('resources.stockLevels.fields.reserved')}</TableCell>
          <TableCell align="right">{translate('resources.stockLevels.fields.available')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((l) => (
          <TableRow key={l.variantId} data-testid={`brand-level-${l.variantId}`}>
            <TableCell>
              <code>{l.sku}</code>
            </TableCell>
            <TableCell align="right" data-testid="brand-level-on-hand">
              {l.onHand}
            </TableCell>
            <TableCell align="right">{l.reserved}</TableCell>
            <TableCell align="right">{l.available}</TableCell>
            <TableCell align="right">
              <CountDialog locationId={location.id} level={l} onSaved={load} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Header = () => {
  const l = useRecordContext<BrandLocationRecord>();
  const translate = useTranslate();
  if (!l) return null;
  return (
    <Box>
      <Typography variant="h6">
        {l.name}{' '}
        <Typography component="span" color="text.secondary">
          {l.code}
        </Typography>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(`vitrine.stock.kind.${l.kind}`)} ·{' '}
        {translate('vitrine.stock.customs_mode', { mode: l.customsMode })} ·{' '}
        {translate('vitrine.stock.priority', { priority: l.priority })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('vitrine.brand_stock.help')}
      </Typography>
    </Box>
  );
};

export const BrandStockShow = () => (
  <Show error={<NotFound />}>
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Header />
      <BrandLevels />
    </Box>
  </Show>
);
