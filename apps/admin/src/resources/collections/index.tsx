import CollectionsIcon from '@mui/icons-material/CollectionsBookmark';
import { Create, Datagrid, Edit, List, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { LocalizedTextField } from '../../components/LocalizedTextField';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { NotFound } from '../../components/NotFound';
import { slugFormat } from '../../data/validators';
import { RequireMuseum } from '../../museum/RequireMuseum';
import type { CollectionRecord } from './collections.data';

const CollectionList = () => (
  <RequireMuseum>
    <List exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <LocalizedTextField source="name" label="resources.collections.fields.name" />
        <LocalizedTextField source="name" zh label="resources.collections.fields.nameZh" />
        <TextField source="slug" sortable={false} />
      </Datagrid>
    </List>
  </RequireMuseum>
);

const CollectionForm = () => (
  <SimpleForm defaultValues={{ name: { fr: '', en: '', zhCN: '' } }}>
    <LocalizedTextInput source="name" label="resources.collections.fields.name" />
    <TextInput source="slug" validate={[required(), slugFormat]} helperText="vitrine.help.slug" />
  </SimpleForm>
);

const CollectionCreate = () => (
  <RequireMuseum>
    <Create redirect="list">
      <CollectionForm />
    </Create>
  </RequireMuseum>
);

const CollectionEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />}>
    <CollectionForm />
  </Edit>
);

export default {
  list: CollectionList,
  create: CollectionCreate,
  edit: CollectionEdit,
  icon: CollectionsIcon,
  recordRepresentation: (c: CollectionRecord) => c.name.en || c.name.fr || c.name.zhCN || c.slug,
};
