import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { Create, Datagrid, DateField, List, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { countryFormat as country, slugFormat as slug } from '../../data/validators';
import type { BrandRecord } from './brands.data';

const BrandList = () => (
  <List exporter={false} sort={{ field: 'slug', order: 'ASC' }}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <TextField source="slug" sortable={false} />
      <TextField source="country" sortable={false} />
      <DateField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);


const BrandCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="slug" validate={[required(), slug]} helperText="vitrine.help.slug" />
      <TextInput source="country" validate={[required(), country]} helperText="vitrine.help.country" />
    </SimpleForm>
  </Create>
);

export default {
  list: BrandList,
  create: BrandCreate,
  icon: LocalOfferIcon,
  recordRepresentation: (b: BrandRecord) => b.name,
};
