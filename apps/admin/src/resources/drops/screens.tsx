import { useCallback, useEffect, useState } from 'react';
import { Box, Button as MuiButton, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import {
  Create,
  Datagrid,
  DateField,
  Edit,
  EditButton,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TopToolbar,
  maxValue,
  minValue,
  required,
  useGetOne,
  useNotify,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { ApiError } from '../../api/errors';
import { ConfirmActionButton } from '../../components/ConfirmActionButton';
import { ProductPickerInput, VariantPickerInput, variantLabel } from '../../components/ProductPickerInput';
import type { ProductRecord } from '../products/products.data';
import { DateTimeWindowInputs, startDayFilters } from '../../components/ScheduleInputs';
import { DROP_STATUSES, canCancelDrop, canEditDrop, cancelDrop, dropEntries, voidEntry, type DropEntryRecord, type DropRecord } from './drops.data';

const DropStatusLabel = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return <span data-testid="drop-status">{translate(`vitrine.drops.statuses.${status}`, { _: status })}</span>;
};

const MODES = [
  { id: 'QUEUE', name: 'vitrine.drops.mode.QUEUE' },
  { id: 'DRAW', name: 'vitrine.drops.mode.DRAW' },
];

/** A draw closes its registration before it allocates; a queue has no registration. */
const isDraw = (values: Record<string, unknown>) => values['mode'] === 'DRAW';

const STATUS_CHOICES = DROP_STATUSES.map((id) => ({ id, name: `vitrine.drops.statuses.${id}` }));

// Filtered and paged by the API (museumDrops filter and cursor pages).
const filters = [
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="mode" source="mode" choices={MODES} alwaysOn />,
  ...startDayFilters('vitrine.drops'),
];

export const DropList = () => (
  <List exporter={false} filters={filters} empty={false} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="mode" sortable={false} />
      <FunctionField<DropRecord> source="status" sortable={false} render={(d) => <DropStatusLabel status={d.status} />} />
      <DateField source="startsAt" showTime sortable={false} />
      <NumberField source="editionSize" sortable={false} />
      <NumberField source="perIdentityLimit" sortable={false} />
    </Datagrid>
  </List>
);

export const DropCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ mode: 'QUEUE', editionSize: 100, perIdentityLimit: 1, payWindowMinutes: 10 }}>
      <ProductPickerInput single validate={required()} helperText="vitrine.drops.product_help" />
      <VariantPickerInput helperText="vitrine.drops.variant_help" />
      <SelectInput source="mode" choices={MODES} validate={required()} helperText="vitrine.drops.mode_help" />
      <DateTimeWindowInputs end="registrationClosesAt" endIf={isDraw} />
      <NumberInput source="editionSize" validate={[required(), minValue(1)]} />
      <NumberInput source="perIdentityLimit" validate={[required(), minValue(1), maxValue(99)]} helperText="vitrine.drops.limit_help" />
      <NumberInput source="payWindowMinutes" validate={[required(), minValue(0.1), maxValue(1440)]} />
    </SimpleForm>
  </Create>
);

/** Before the start: its times and sizes; the variant and the way of allocating stay (a new drop for another). */
export const DropEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <DateTimeWindowInputs end="registrationClosesAt" endIf={isDraw} startHelperText="vitrine.drops.edit_start_help" />
      <NumberInput source="editionSize" validate={[required(), minValue(1)]} helperText="vitrine.drops.edition_help" />
      <NumberInput source="perIdentityLimit" validate={[required(), minValue(1), maxValue(99)]} helperText="vitrine.drops.limit_help" />
      <NumberInput source="payWindowMinutes" validate={[required(), minValue(0.1), maxValue(1440)]} />
    </SimpleForm>
  </Edit>
);

/** Cancel a drop not ended: asks first, with a reason entrants read in their notice. */
const CancelDropButton = ({ drop }: { drop: DropRecord }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  return (
    <ConfirmActionButton
      label="vitrine.drops.cancel"
      icon={<CancelIcon />}
      testId="drop-cancel"
      title="vitrine.drops.cancel_title"
      content={
        <>
          <Typography sx={{ mb: 2 }}>{translate('vitrine.drops.cancel_content')}</Typography>
          <MuiTextField fullWidth size="small" label={translate('vitrine.drops.cancel_reason')} value={reason} onChange={(ev) => setReason(ev.target.value.slice(0, 300))} inputProps={{ 'data-testid': 'drop-cancel-reason' }} />
        </>
      }
      confirm="vitrine.drops.cancel_confirm"
      cancel="vitrine.drops.cancel_keep"
      action={() => cancelDrop(drop.id, reason.trim() || null)}
      done="vitrine.drops.cancelled"
    />
  );
};

const DropActions = () => {
  const { record } = useShowContext<DropRecord>();
  if (!record) return null;
  return (
    <TopToolbar>
      {canEditDrop(record) && <EditButton />}
      {canCancelDrop(record) && <CancelDropButton drop={record} />}
    </TopToolbar>
  );
};

/** A red chip when several entries share an address, or the account is new: what an operator looks at first. */
const Signals = ({ e }: { e: DropEntryRecord }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5}>
      {e.sameAddressEntries > 1 && <Chip size="small" color="warning" label={translate('vitrine.drops.same_address', { n: e.sameAddressEntries })} />}
      {e.sameShippingAddressEntries > 1 && <Chip size="small" color="warning" label={translate('vitrine.drops.same_shipping', { n: e.sameShippingAddressEntries })} />}
      {e.accountAgeDays < 7 && <Chip size="small" color="error" label={translate('vitrine.drops.new_account', { days: e.accountAgeDays })} />}
    </Stack>
  );
};

const Entries = ({ drop }: { drop: DropRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [entries, setEntries] = useState<DropEntryRecord[] | null>(null);
  const [reason, setReason] = useState('');
  const load = useCallback(() => {
    dropEntries(drop.id, null).then(setEntries, () => setEntries([]));
  }, [drop.id]);
  useEffect(load, [load]);
  const onVoid = async (id: string) => {
    try {
      await voidEntry(id, reason.trim() || translate('vitrine.drops.default_reason'));
      notify('vitrine.drops.voided', { type: 'info' });
      load();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      notify(code === 'DROP_ENTRY_NOT_VOIDABLE' ? 'vitrine.drops.not_voidable' : e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
    }
  };
  if (!entries) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate('vitrine.drops.entries')}</Typography>
        <MuiTextField size="small" label={translate('vitrine.drops.void_reason')} value={reason} onChange={(ev) => setReason(ev.target.value)} sx={{ my: 1, minWidth: 280 }} />
        {entries.length === 0 ? (
          <Typography color="text.secondary">{translate('vitrine.drops.no_entries')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="drop-entries">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('vitrine.drops.position')}</TableCell>
                  <TableCell>{translate('vitrine.drops.account')}</TableCell>
                  <TableCell>{translate('vitrine.drops.status')}</TableCell>
                  <TableCell>{translate('vitrine.drops.signals')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((e) => (
                  <TableRow key={e.id} data-testid="drop-entry">
                    <TableCell>{e.position ?? '—'}</TableCell>
                    <TableCell>{e.accountEmail}</TableCell>
                    <TableCell>{translate(`vitrine.drops.entry_statuses.${e.status}`, { _: e.status })}{e.voidReason ? ` — ${e.voidReason}` : ''}</TableCell>
                    <TableCell>
                      <Signals e={e} />
                    </TableCell>
                    <TableCell>
                      {(e.status === 'WAITING' || e.status === 'ADMITTED') && (
                        <MuiButton size="small" color="error" onClick={() => void onVoid(e.id)}>
                          {translate('vitrine.drops.void')}
                        </MuiButton>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

/** What the drop sells: the product's name and the variant by its options, as the form picked them. */
const DropPiece = ({ productId, variantId }: { productId: string; variantId: string }) => {
  const { data: product } = useGetOne<ProductRecord>('products', { id: productId });
  const variant = product?.variants.find((v) => v.id === variantId);
  if (!product) return null;
  return (
    <Typography data-testid="drop-piece">
      {product.name.en || product.name.fr || product.name.zhCN}
      {variant ? ` — ${variantLabel(variant)}` : ''}
    </Typography>
  );
};

const DropDetails = () => {
  const { record } = useShowContext<DropRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5">
        {translate(`vitrine.drops.mode.${record.mode}`)} · <DropStatusLabel status={record.status} />
      </Typography>
      <DropPiece productId={record.productId} variantId={record.variantId} />
      <Typography>
        {translate('vitrine.drops.summary', { edition: record.editionSize, limit: record.perIdentityLimit, minutes: Math.round(record.payWindowSeconds / 6) / 10 })}
      </Typography>
      <Typography>
        {translate('vitrine.drops.starts')}: {new Date(record.startsAt).toLocaleString()}
        {record.registrationClosesAt ? ` — ${translate('vitrine.drops.closes')}: ${new Date(record.registrationClosesAt).toLocaleString()}` : ''}
      </Typography>
      {record.seedHash && (
        <Typography sx={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>
          {translate('vitrine.drops.seed_hash')}: {record.seedHash}
          {record.seed ? ` — ${translate('vitrine.drops.seed')}: ${record.seed}` : ''}
        </Typography>
      )}
      <Entries drop={record} />
    </Box>
  );
};

export const DropShow = () => (
  <Show actions={<DropActions />}>
    <DropDetails />
  </Show>
);
