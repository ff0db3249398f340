import { useEffect, useState, type ReactElement } from 'react';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  CheckboxGroupInput,
  DateInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { pickText } from '../../data/localized';
import { priceFormat } from '../../data/validators';
import { CHANNELS, licensableArtworks, licensingMuseums, type LicensableArtwork, type LicensingMuseum } from '../../licensing/proposal-api';
import type { ProposalFormValues } from '../../licensing/proposal-form';
import { CROSS_BORDER_CATEGORIES } from '../products/products.data';

const CATEGORY_CHOICES = CROSS_BORDER_CATEGORIES.map((id) => ({ id, name: `vitrine.crossBorder.${id}` }));
const CHANNEL_CHOICES = CHANNELS.map((id) => ({ id, name: `vitrine.licensing.channel.${id}` }));
const CURRENCIES = [
  { id: 'EUR', name: 'EUR' },
  { id: 'CNY', name: 'CNY' },
];

const Heading = ({ k }: { k: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
      {translate(k)}
    </Typography>
  );
};

/** Museums that offer works for licensing; chosen once, when the proposal is created. */
const MuseumInput = () => {
  const [locale] = useLocaleState();
  const [museums, setMuseums] = useState<LicensingMuseum[] | null>(null);
  useEffect(() => {
    let live = true;
    licensingMuseums()
      .then((m) => live && setMuseums(m))
      .catch(() => live && setMuseums([]));
    return () => {
      live = false;
    };
  }, []);
  return (
    <SelectInput
      source="museumId"
      choices={(museums ?? []).map((m) => ({ id: m.id, name: pickText(m.name, locale) || m.slug }))}
      isPending={museums === null}
      validate={required()}
      sx={{ minWidth: 320 }}
    />
  );
};

/** The works of the chosen museum offered for licensing (the first 100, with search). */
const ArtworksInput = () => {
  const [locale] = useLocaleState();
  const museumId = useWatch({ name: 'museumId' }) as string | undefined;
  const [works, setWorks] = useState<LicensableArtwork[]>([]);
  const [search, setSearch] = useState('');
  useEffect(() => {
    if (!museumId) return;
    let live = true;
    const t = setTimeout(() => {
      licensableArtworks(museumId, search.trim() || null)
        .then((w) => live && setWorks((known) => [...new Map([...known, ...w].map((a) => [a.id, a])).values()]))
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [museumId, search]);
  return (
    <AutocompleteArrayInput
      source="artworkIds"
      choices={works.map((w) => ({ id: w.id, name: `${w.accessionNumber} · ${pickText(w.title, locale)}${w.artist ? ` (${w.artist})` : ''}` }))}
      onInputChange={(_, value) => setSearch(value)}
      disabled={!museumId}
      fullWidth
    />
  );
};

interface Props {
  toolbar?: ReactElement;
  defaultValues?: Partial<ProposalFormValues>;
  /** On creation the museum is chosen; afterwards it is fixed. */
  creating?: boolean;
}

/**
 * The proposal's working copy. Every field may be left blank while drafting; the API lists
 * what is missing before it can be submitted, and its messages land under the fields.
 */
export const ProposalForm = ({ toolbar, defaultValues, creating }: Props) => (
  <SimpleForm toolbar={toolbar} defaultValues={defaultValues} warnWhenUnsavedChanges={false}>
    {creating && <MuseumInput />}
    <Heading k="vitrine.licensing.section_item" />
    <LocalizedTextInput source="title" label="resources.proposals.fields.title" />
    <LocalizedTextInput source="concept" label="resources.proposals.fields.concept" multiline />
    <ArtworksInput />
    <TextInput source="imageUrlsText" multiline minRows={2} fullWidth helperText="vitrine.licensing.help_images" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextInput source="category" helperText="vitrine.help.category" />
      <SelectInput source="crossBorderCategory" choices={CATEGORY_CHOICES} emptyText="—" />
      <TextInput source="targetRetailPriceEur" validate={priceFormat} />
      <TextInput source="forecastUnits" />
    </Box>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextInput source="specification.hsCode" label="resources.proposals.fields.hsCode" />
      <TextInput source="specification.weightGrams" label="resources.proposals.fields.weightGrams" />
      <TextInput source="specification.originCountry" label="resources.proposals.fields.originCountry" />
    </Box>
    <Heading k="vitrine.licensing.section_terms" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextInput source="territoryText" helperText="vitrine.licensing.help_territory" />
      <DateInput source="termStart" />
      <DateInput source="termEnd" />
      <TextInput source="sellOffDays" />
    </Box>
    <CheckboxGroupInput source="channels" choices={CHANNEL_CHOICES} />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextInput source="royaltyRatePercent" helperText="vitrine.licensing.help_royalty" />
      <SelectInput source="guaranteeCurrency" choices={CURRENCIES} validate={required()} />
      <TextInput source="minimumGuarantee" validate={priceFormat} />
      <TextInput source="advance" validate={priceFormat} />
    </Box>
    {!creating && (
      <>
        <Heading k="vitrine.licensing.section_note" />
        <TextInput source="note" fullWidth multiline helperText="vitrine.licensing.help_note" />
      </>
    )}
  </SimpleForm>
);
