import { useEffect } from 'react';
import { Box } from '@mui/material';
import { Navigate } from 'react-router-dom';
import {
  AutocompleteArrayInput,
  BooleanInput,
  Edit,
  ReferenceArrayInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useLocaleState,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { pickText } from '../../data/localized';
import type { CollectionRecord } from '../collections/collections.data';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { NotFound } from '../../components/NotFound';
import { customsCodeFormat, togetherWith, urlFormat } from '../../data/validators';
import { setCurrentMuseumId, useCurrentMuseumId } from '../../museum/current-museum';
import { RequireMuseum } from '../../museum/RequireMuseum';
import { CommissionPanel } from './CommissionPanel';
import type { StorefrontRecord } from './storefronts.data';
import { StorefrontPreview } from './StorefrontPreview';

const STATUSES = ['DRAFT', 'OPEN', 'CLOSED'].map((id) => ({ id, name: `vitrine.status.${id}` }));

/** One storefront per museum: the menu entry opens the current museum's settings. */
export const StorefrontRedirect = () => {
  const museumId = useCurrentMuseumId();
  return (
    <RequireMuseum>
      <Navigate to={`/storefronts/${museumId}`} replace />
    </RequireMuseum>
  );
};

/** Featured collections as chips named in the console's language (the records' own representation is English first). */
const CollectionsInput = () => {
  const [locale] = useLocaleState();
  return (
    <AutocompleteArrayInput
      label="resources.storefronts.fields.featuredCollectionIds"
      optionText={(c: CollectionRecord) => pickText(c.name, locale) || c.slug}
      inputText={(c: CollectionRecord) => pickText(c.name, locale) || c.slug}
      fullWidth
    />
  );
};

/**
 * A link straight to a museum's storefront (an operator's, or a manager of several museums)
 * makes that museum the console's current one once the API has answered it, so the inputs
 * that list the museum's own records (featured collections) list this museum's.
 */
const FollowMuseum = () => {
  const record = useRecordContext<StorefrontRecord>();
  const current = useCurrentMuseumId();
  useEffect(() => {
    if (record?.museumId && record.museumId !== current) setCurrentMuseumId(record.museumId);
  }, [record?.museumId, current]);
  return null;
};

/** The operator's commission on this storefront (operators only; the API refuses anyone else). */
const OperatorCommission = () => {
  const { permissions } = usePermissions<string>();
  const record = useRecordContext<StorefrontRecord>();
  if (permissions !== 'PLATFORM_ADMIN' || !record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <CommissionPanel storefrontId={record.storefrontId} />
    </Box>
  );
};

export const StorefrontEdit = () => (
  <Edit mutationMode="pessimistic" error={<NotFound />} redirect={false} title="vitrine.storefront.title">
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
      <Box sx={{ display: 'flex', gap: 3, width: '100%', alignItems: 'flex-start', flexWrap: { xs: 'wrap', lg: 'nowrap' } }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <LocalizedTextInput source="name" label="resources.storefronts.fields.name" requireFrEn />
          <LocalizedTextInput source="story" label="resources.storefronts.fields.story" multiline />
          <TextInput source="bannerUrl" validate={urlFormat} fullWidth />
          <ReferenceArrayInput source="featuredCollectionIds" reference="collections">
            <CollectionsInput />
          </ReferenceArrayInput>
          <SelectInput source="status" choices={STATUSES} validate={required()} />
          <BooleanInput source="autoBookCarrier" helperText="vitrine.storefront.auto_book_help" />
          <TextInput source="customsCode" validate={[customsCodeFormat, togetherWith('customsName')]} helperText="vitrine.storefront.customs_code_help" fullWidth />
          <TextInput source="customsName" validate={togetherWith('customsCode')} helperText="vitrine.storefront.customs_name_help" fullWidth />
        </Box>
        <StorefrontPreview />
      </Box>
    </SimpleForm>
    <OperatorCommission />
    <FollowMuseum />
  </Edit>
);

