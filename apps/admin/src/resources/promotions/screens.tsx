import ArchiveIcon from '@mui/icons-material/Archive';
import {
  ArrayInput,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  FormDataConsumer,
  FunctionField,
  List,
  NumberInput,
  SaveButton,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  SimpleFormIterator,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  maxValue,
  minValue,
  required,
  type RowClickFunction,
  usePermissions,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Alert, Chip } from '@mui/material';
import { ConfirmActionButton } from '../../components/ConfirmActionButton';
import { MinorUnitsInput, minMinorUnits } from '../../components/MinorUnitsInput';
import { Money } from '../../components/Money';
import { ProductPickerInput } from '../../components/ProductPickerInput';
import { DateTimeWindowInputs } from '../../components/ScheduleInputs';
import { archivePromotion, type PromotionRecord } from './promotions.data';

const KINDS = [
  { id: 'THRESHOLD', name: 'vitrine.promotions.kind.THRESHOLD' },
  { id: 'COUPON', name: 'vitrine.promotions.kind.COUPON' },
];
const DISCOUNT_TYPES = [
  { id: 'PERCENT', name: 'vitrine.promotions.discount_type.PERCENT' },
  { id: 'AMOUNT', name: 'vitrine.promotions.discount_type.AMOUNT' },
];

/** "30 off every 300", "20 off from 200, 80 off from 500", "10 %", "15 CNY from 100 CNY". */
const Terms = ({ p }: { p: PromotionRecord }) => {
  const translate = useTranslate();
  const y = (fen: number) => (fen / 100).toFixed(fen % 100 ? 2 : 0);
  if (p.kind === 'THRESHOLD') {
    const tiers = p.tiers;
    if (p.every && tiers[0]) return <>{translate('vitrine.promotions.terms.every', { off: y(tiers[0].offMinor), min: y(tiers[0].minMinor) })}</>;
    return <>{tiers.map((t) => translate('vitrine.promotions.terms.tier', { off: y(t.offMinor), min: y(t.minMinor) })).join(' · ')}</>;
  }
  const off = p.discountType === 'PERCENT' ? `${(p.percentBps ?? 0) / 100} %` : `${y(p.amountOffMinor ?? 0)} CNY`;
  return <>{p.minSpendMinor ? translate('vitrine.promotions.terms.coupon_min', { off, min: y(p.minSpendMinor) }) : off}</>;
};

const StatusField = () => {
  const translate = useTranslate();
  return (
    <FunctionField<PromotionRecord>
      source="status"
      render={(p) => <Chip size="small" color={p.status === 'ACTIVE' ? 'success' : p.status === 'SCHEDULED' ? 'info' : 'default'} label={translate(`vitrine.promotions.status.${p.status}`)} />}
    />
  );
};

const filters = [<BooleanInput key="archived" source="archived" label="vitrine.promotions.archived_filter" alwaysOn />];

/** An archived promotion opens read-only; the others in their form. */
const rowClick: RowClickFunction = (_id, _resource, record) => ((record as PromotionRecord).status === 'ARCHIVED' ? 'show' : 'edit');

export const PromotionList = () => {
  const translate = useTranslate();
  return (
    <List exporter={false} pagination={false} filters={filters} empty={false}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <FunctionField<PromotionRecord> source="kind" sortable={false} render={(p) => translate(`vitrine.promotions.kind.${p.kind}`)} />
        <TextField source="code" sortable={false} emptyText="—" />
        <FunctionField<PromotionRecord> label="vitrine.promotions.terms.label" render={(p) => <Terms p={p} />} />
        <FunctionField<PromotionRecord> source="fundedBy" sortable={false} render={(p) => translate(`vitrine.promotions.funded_by.${p.fundedBy}`)} />
        <FunctionField<PromotionRecord> source="usedCount" sortable={false} render={(p) => (p.totalLimit ? `${p.usedCount} / ${p.totalLimit}` : String(p.usedCount))} />
        <FunctionField<PromotionRecord> source="discountGivenMinor" sortable={false} render={(p) => <Money amount={p.discountGivenMinor} currency="CNY" />} />
        <DateField source="startsAt" showTime sortable={false} />
        <DateField source="endsAt" showTime sortable={false} />
        <StatusField />
      </Datagrid>
    </List>
  );
};

// Amounts are in fen in the form (MinorUnitsInput): at least 0.01 CNY.
const positive = [minMinorUnits(1)];

/** Save, except on an archived promotion (the API refuses it: PROMOTION_ARCHIVED), which says why. */
const FormToolbar = () => {
  const record = useRecordContext<PromotionRecord>();
  const translate = useTranslate();
  return (
    <Toolbar>
      {record?.status === 'ARCHIVED' ? (
        <Alert severity="info" data-testid="promotion-archived-note">
          {translate('vitrine.promotions.archived_read_only')}
        </Alert>
      ) : (
        <SaveButton />
      )}
    </Toolbar>
  );
};

/** One form for both kinds; the kind is fixed once created. */
const PromotionForm = ({ creating }: { creating: boolean }) => {
  const { permissions } = usePermissions<string>();
  return (
    <SimpleForm toolbar={<FormToolbar />}>
      <SelectInput source="kind" choices={KINDS} validate={required()} disabled={!creating} />
      <TextInput source="name" validate={[required()]} fullWidth />
      {creating && permissions === 'PLATFORM_ADMIN' && <BooleanInput source="platformWide" helperText="vitrine.promotions.platform_help" />}
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'COUPON' ? (
            <>
              <TextInput source="code" validate={required()} helperText="vitrine.promotions.code_help" />
              <SelectInput source="discountType" choices={DISCOUNT_TYPES} validate={required()} />
              {formData.discountType === 'PERCENT' ? (
                <NumberInput source="percent" validate={[required(), minValue(0.01), maxValue(99)]} />
              ) : (
                <MinorUnitsInput source="amountOffMinor" label="resources.promotions.fields.amountOffYuan" validate={[required(), ...positive]} />
              )}
              <MinorUnitsInput source="minSpendMinor" label="resources.promotions.fields.minSpendYuan" validate={minValue(0)} />
            </>
          ) : (
            <>
              <ArrayInput source="tiers" validate={required()}>
                <SimpleFormIterator inline disableReordering>
                  <MinorUnitsInput source="minMinor" label="resources.promotions.fields.minYuan" validate={[required(), ...positive]} />
                  <MinorUnitsInput source="offMinor" label="resources.promotions.fields.offYuan" validate={[required(), ...positive]} />
                </SimpleFormIterator>
              </ArrayInput>
              <BooleanInput source="every" helperText="vitrine.promotions.every_help" />
            </>
          )
        }
      </FormDataConsumer>
      <NumberInput source="perShopperLimit" validate={minValue(1)} helperText="vitrine.promotions.per_shopper_help" />
      <NumberInput source="totalLimit" validate={minValue(1)} helperText="vitrine.promotions.total_help" />
      <DateTimeWindowInputs />
      <ProductPickerInput helperText="vitrine.promotions.products_help" />
    </SimpleForm>
  );
};

export const PromotionCreate = () => (
  <Create redirect="list" record={{ kind: 'THRESHOLD', tiers: [{ minMinor: 30_000, offMinor: 3_000 }], every: true, discountType: 'PERCENT' }}>
    <PromotionForm creating />
  </Create>
);

/** Archive: the promotion stops applying to new carts at once; asks first. Not shown once archived. */
const ArchiveButton = () => {
  const record = useRecordContext<PromotionRecord>();
  const redirect = useRedirect();
  if (!record || record.status === 'ARCHIVED') return null;
  return (
    <ConfirmActionButton
      label="vitrine.promotions.archive"
      icon={<ArchiveIcon />}
      testId="promotion-archive"
      title="vitrine.promotions.archive_title"
      titleTranslateOptions={{ name: record.name }}
      content="vitrine.promotions.archive_content"
      confirm="vitrine.promotions.archive"
      action={() => archivePromotion(String(record.id))}
      done="vitrine.promotions.archived"
      onDone={() => redirect('list', 'promotions')}
    />
  );
};

/** An archived promotion, read-only: its terms, uses and what it gave. */
export const PromotionShow = () => {
  const translate = useTranslate();
  return (
    // No Edit button: an archived promotion is not changed (updatePromotion refuses it).
    <Show actions={false}>
      <SimpleShowLayout>
        <Alert severity="info" data-testid="promotion-archived-note">
          {translate('vitrine.promotions.archived_read_only')}
        </Alert>
        <TextField source="name" />
        <FunctionField<PromotionRecord> source="kind" render={(p) => translate(`vitrine.promotions.kind.${p.kind}`)} />
        <TextField source="code" emptyText="—" />
        <FunctionField<PromotionRecord> label="vitrine.promotions.terms.label" render={(p) => <Terms p={p} />} />
        <FunctionField<PromotionRecord> source="fundedBy" render={(p) => translate(`vitrine.promotions.funded_by.${p.fundedBy}`)} />
        <FunctionField<PromotionRecord> source="usedCount" render={(p) => (p.totalLimit ? `${p.usedCount} / ${p.totalLimit}` : String(p.usedCount))} />
        <FunctionField<PromotionRecord> source="discountGivenMinor" render={(p) => <Money amount={p.discountGivenMinor} currency="CNY" />} />
        <DateField source="startsAt" showTime />
        <DateField source="endsAt" showTime />
        <StatusField />
      </SimpleShowLayout>
    </Show>
  );
};

export const PromotionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" actions={<TopToolbar><ArchiveButton /></TopToolbar>}>
    <PromotionForm creating={false} />
  </Edit>
);

