import MuseumIcon from '@mui/icons-material/Museum';
import { Create, Datagrid, Edit, List, SaveButton, SearchInput, SimpleForm, TextField, TextInput, Toolbar, required } from 'react-admin';
import { LocalizedTextField } from '../../components/LocalizedTextField';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { countryFormat, slugFormat } from '../../data/validators';
import type { MuseumRecord } from './museums.data';

const MuseumList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} exporter={false} sort={{ field: 'slug', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <LocalizedTextField source="storefront.name" label="resources.museums.fields.name" sortable={false} />
      <LocalizedTextField source="storefront.name" zh label="resources.museums.fields.nameZh" sortable={false} />
      <TextField source="slug" sortable={false} />
      <TextField source="legalName" sortable={false} />
      <TextField source="country" sortable={false} />
      <StatusChip source="storefront.status" label="resources.museums.fields.storefrontStatus" sortable={false} />
    </Datagrid>
  </List>
);

const MuseumCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ country: 'FR', storefront: { name: { fr: '', en: '', zhCN: '' } } }}>
      <LocalizedTextInput source="storefront.name" label="resources.museums.fields.name" requireFrEn />
      <TextInput source="slug" validate={[required(), slugFormat]} helperText="vitrine.help.slug" />
      <TextInput source="legalName" validate={required()} />
      <TextInput source="country" validate={[required(), countryFormat]} helperText="vitrine.help.country" />
    </SimpleForm>
  </Create>
);

const MuseumEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />}>
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
      <TextInput source="slug" disabled />
      <TextInput source="legalName" validate={required()} />
      <TextInput source="country" validate={[required(), countryFormat]} />
    </SimpleForm>
  </Edit>
);

export default {
  list: MuseumList,
  create: MuseumCreate,
  edit: MuseumEdit,
  icon: MuseumIcon,
  recordRepresentation: (m: MuseumRecord) => m.storefront?.name.en || m.storefront?.name.fr || m.legalName,
};
