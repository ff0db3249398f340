import PaletteIcon from '@mui/icons-material/Palette';
import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, SearchInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { LocalizedTextField } from '../../components/LocalizedTextField';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { NotFound } from '../../components/NotFound';
import { urlFormat } from '../../data/validators';
import { RequireMuseum } from '../../museum/RequireMuseum';
import type { ArtworkRecord } from './artworks.data';

const ArtworkList = () => (
  <RequireMuseum>
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="accessionNumber" sortable={false} />
        <LocalizedTextField source="title" label="resources.artworks.fields.title" />
        <LocalizedTextField source="title" zh label="resources.artworks.fields.titleZh" />
        <TextField source="artist" sortable={false} />
        <TextField source="period" sortable={false} />
        <BooleanField source="licensable" sortable={false} />
      </Datagrid>
    </List>
  </RequireMuseum>
);

const ArtworkForm = () => (
  <SimpleForm defaultValues={{ licensable: true, title: { fr: '', en: '', zhCN: '' } }}>
    <TextInput source="accessionNumber" validate={required()} />
    <LocalizedTextInput source="title" label="resources.artworks.fields.title" />
    <TextInput source="artist" validate={required()} />
    <TextInput source="period" />
    <TextInput source="periodName.en" label="resources.artworks.fields.periodEn" />
    <TextInput source="periodName.zhCN" label="resources.artworks.fields.periodZh" />
    <TextInput source="creditLine" fullWidth />
    <TextInput source="imageUrl" validate={urlFormat} fullWidth />
    <BooleanInput source="licensable" />
  </SimpleForm>
);

const ArtworkCreate = () => (
  <RequireMuseum>
    <Create redirect="list">
      <ArtworkForm />
    </Create>
  </RequireMuseum>
);

const ArtworkEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />}>
    <ArtworkForm />
  </Edit>
);

export default {
  list: ArtworkList,
  create: ArtworkCreate,
  edit: ArtworkEdit,
  icon: PaletteIcon,
  recordRepresentation: (a: ArtworkRecord) => `${a.accessionNumber} · ${a.title.en || a.title.fr || a.title.zhCN}`,
};
