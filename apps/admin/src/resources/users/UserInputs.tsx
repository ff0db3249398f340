import {
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  required,
} from 'react-admin';

export const ROLE_CHOICES = ['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER', 'SHOPPER'].map((id) => ({ id, name: `vitrine.roles.${id}` }));

/** Role, then the museums of a manager or the brand of a partner. */
export const AccessInputs = () => (
  <>
    <SelectInput source="role" choices={ROLE_CHOICES} validate={required()} />
    <FormDataConsumer>
      {({ formData }) =>
        formData.role === 'MUSEUM_MANAGER' ? (
          <ReferenceArrayInput source="museumIds" reference="museums">
            <AutocompleteArrayInput label="resources.users.fields.museumIds" sx={{ minWidth: 320 }} />
          </ReferenceArrayInput>
        ) : formData.role === 'BRAND_PARTNER' ? (
          <ReferenceInput source="brandId" reference="brands">
            <AutocompleteInput label="resources.users.fields.brandId" sx={{ minWidth: 320 }} />
          </ReferenceInput>
        ) : null
      }
    </FormDataConsumer>
  </>
);
