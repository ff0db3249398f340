import { Box, InputAdornment, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  minValue,
  required,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { countryFormat, priceFormat, urlFormat } from '../../data/validators';
import { CROSS_BORDER_CATEGORIES, NET_CONTENT_UNITS } from './products.data';
import { VariantFacts } from './VariantFacts';

const CATEGORY_CHOICES = CROSS_BORDER_CATEGORIES.map((id) => ({ id, name: `vitrine.crossBorder.${id}` }));
const UNIT_CHOICES = NET_CONTENT_UNITS.map((id) => ({ id, name: `vitrine.netContentUnit.${id}` }));

export const newVariant = () => ({ sku: '', optionList: [], optionsJson: '{}', priceEur: '', weightGrams: 100, hsCode: '', originCountry: 'FR', netContent: null, netContentUnit: '' });
export const productDefaults = () => ({
  crossBorderCategory: 'GENERAL',
  category: '',
  name: { fr: '', en: '', zhCN: '' },
  description: { fr: '', en: '', zhCN: '' },
  variants: [newVariant()],
  media: [],
  artworkIds: [],
  collectionIds: [],
});

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};

/**
 * The product form shared by create and edit. Prices are typed in euros and sent as
 * integer cents (products.data.ts); options are name/value rows per variant, sent as an object.
 */
export const ProductForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <Section title="vitrine.products.section_texts" />
    <LocalizedTextInput source="name" label="resources.products.fields.name" />
    <LocalizedTextInput source="description" label="resources.products.fields.description" multiline />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextInput source="category" validate={required()} helperText="vitrine.help.category" />
      <SelectInput source="crossBorderCategory" choices={CATEGORY_CHOICES} validate={required()} />
    </Box>

    <Section title="vitrine.products.section_variants" />
    <ArrayInput source="variants" label={false}>
      <SimpleFormIterator inline disableReordering getItemLabel={(i) => `#${i + 1}`} sx={{ '& .RaSimpleFormIterator-form': { flexWrap: 'wrap' } }}>
        <TextInput source="sku" validate={required()} sx={{ width: 160 }} />
        <TextInput source="priceEur" validate={[required(), priceFormat]} sx={{ width: 130 }} slotProps={{ input: { endAdornment: <InputAdornment position="end">€</InputAdornment> } }} />
        <NumberInput source="weightGrams" validate={[required(), minValue(1)]} sx={{ width: 120 }} slotProps={{ input: { endAdornment: <InputAdornment position="end">g</InputAdornment> } }} />
        <TextInput source="hsCode" validate={required()} sx={{ width: 130 }} />
        <TextInput source="originCountry" validate={[required(), countryFormat]} sx={{ width: 90 }} />
        <NumberInput source="netContent" validate={minValue(1)} step={1} sx={{ width: 120 }} helperText="vitrine.help.netContent" />
        <SelectInput source="netContentUnit" choices={UNIT_CHOICES} emptyText="vitrine.netContentUnit.none" sx={{ width: 130 }} />
        {/* A line of its own under the variant's inputs: options (name → value), then price in CNY and stock. */}
        <Box sx={{ flexBasis: '100%', display: 'flex', gap: 4, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <ArrayInput source="optionList" label="resources.products.fields.options" helperText="vitrine.help.options" sx={{ minWidth: 320 }}>
            <SimpleFormIterator inline disableReordering disableClear>
              <TextInput source="name" label="vitrine.products.option_name" sx={{ width: 140 }} helperText={false} />
              <TextInput source="value" label="vitrine.products.option_value" sx={{ width: 140 }} helperText={false} />
            </SimpleFormIterator>
          </ArrayInput>
          <VariantFacts />
        </Box>
      </SimpleFormIterator>
    </ArrayInput>

    <Section title="vitrine.products.section_media" />
    <ArrayInput source="media" label={false}>
      <SimpleFormIterator inline>
        <TextInput source="url" validate={[required(), urlFormat]} sx={{ width: 420 }} />
        <TextInput source="alt" sx={{ width: 240 }} />
      </SimpleFormIterator>
    </ArrayInput>

    <Section title="vitrine.products.section_links" />
    <ReferenceArrayInput source="artworkIds" reference="artworks">
      <AutocompleteArrayInput label="resources.products.fields.artworkIds" fullWidth />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="collectionIds" reference="collections">
      <AutocompleteArrayInput label="resources.products.fields.collectionIds" fullWidth />
    </ReferenceArrayInput>
  </SimpleForm>
);
