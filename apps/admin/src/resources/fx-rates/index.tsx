import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Create, Datagrid, DateField, List, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { decimalFormat } from '../../data/validators';

const QUOTES = [{ id: 'CNY', name: 'CNY' }];

// The API lists rates newest first; that is the only order it offers.
const FxRateList = () => (
  <List exporter={false} filterDefaultValues={{ base: 'EUR', quote: 'CNY' }} sort={{ field: 'effectiveAt', order: 'DESC' }}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <DateField source="effectiveAt" showTime sortable={false} />
      <TextField source="base" sortable={false} />
      <TextField source="quote" sortable={false} />
      <TextField source="rate" sortable={false} />
      <TextField source="source" sortable={false} />
    </Datagrid>
  </List>
);

const FxRateCreate = () => (
  <Create redirect="list" title="resources.fxRates.set">
    <SimpleForm defaultValues={{ base: 'EUR', quote: 'CNY', source: 'manual' }}>
      <TextInput source="base" disabled />
      <SelectInput source="quote" choices={QUOTES} validate={required()} />
      <TextInput source="rate" validate={[required(), decimalFormat]} helperText="vitrine.help.rate" />
      <TextInput source="source" validate={required()} />
    </SimpleForm>
  </Create>
);

export default {
  list: FxRateList,
  create: FxRateCreate,
  icon: CurrencyExchangeIcon,
  recordRepresentation: (r: { base: string; quote: string; rate: string }) => `${r.base}/${r.quote} ${r.rate}`,
};
