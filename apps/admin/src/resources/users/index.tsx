import PeopleIcon from '@mui/icons-material/People';
import {
  BooleanField,
  BooleanInput,
  ChipField,
  Create,
  Datagrid,
  DateField,
  Edit,
  EmailField,
  FunctionField,
  List,
  PasswordInput,
  ReferenceArrayField,
  ReferenceField,
  SearchInput,
  SelectInput,
  SaveButton,
  SimpleForm,
  SingleFieldList,
  TextField,
  TextInput,
  Toolbar,
  email,
  minLength,
  required,
  useTranslate,
} from 'react-admin';
import { NotFound } from '../../components/NotFound';
import { AccessInputs, ROLE_CHOICES } from './UserInputs';
import type { UserRecord } from './users.data';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />];

const RoleField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<UserRecord> render={(u) => translate(`vitrine.roles.${u.role}`)} />;
};

const UserList = () => (
  <List filters={filters} sort={{ field: 'email', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <EmailField source="email" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <RoleField label="resources.users.fields.role" />
      <ReferenceArrayField source="museumIds" reference="museums" sortable={false}>
        <SingleFieldList linkType={false}>
          <ChipField source="slug" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <ReferenceField source="brandId" reference="brands" link={false} sortable={false} emptyText="" />
      <BooleanField source="disabled" sortable={false} />
      <DateField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);

const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'MUSEUM_MANAGER', museumIds: [] }}>
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <TextInput source="displayName" validate={required()} />
      <PasswordInput source="password" validate={[required(), minLength(12)]} autoComplete="new-password" />
      <AccessInputs />
    </SimpleForm>
  </Create>
);

const UserEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />} redirect="list">
    {/* Accounts are disabled, never deleted: the API has no deleteUser. */}
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
      <TextInput source="email" disabled />
      <TextInput source="displayName" disabled />
      <AccessInputs />
      <BooleanInput source="disabled" />
    </SimpleForm>
  </Edit>
);

export default {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleIcon,
  recordRepresentation: (u: UserRecord) => u.email,
};
