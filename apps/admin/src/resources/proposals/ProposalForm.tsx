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
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { LocalizedTextInput } from '../../components/LocalizedTextInput';
import { pickText } from '../../data/localized';
import { priceFormat } from '../../data/validators';
import { CHANNELS, licensableArtworks, licensingMuseums, proposalField, type LicensableArtwork, type LicensingMuseum, type ProposalRecord } from '../../licensing/proposal-api';
import type { ProposalFormValues } from '../../licensing/proposal-form';
import { CROSS_BORDER_CATEGORIES } from '../products/products.data';

const CATEGORY_CHOICES = CROSS_BORDER_CATEGORIES.map((id) => ({ id, name: `vitrine.crossBorder.${id}` }));
const CHANNEL_CHOICES = CHANNELS.map((id) => ({ id, name: `vitrine.licensing.channel.${id}` }));
const CURRENCIES = [
  { id: 'EUR', name: 'EUR' },
  { id: 'CNY', name: 'CNY' },
];

/**
 * What the API says is missing before submission (Proposal.submissionProblems), under the
 * field it concerns: shown, never blocking a draft's save.
 */
const Problem = ({ path }: { path: string }) => {
  const p = useRecordContext<ProposalRecord>();
  const messages = (p?.submissionProblems ?? []).filter((x) => proposalField(x.path) === path || proposalField(x.path).startsWith(`${path}.`));
  if (!messages.length) return null;
  return (
    <Typography variant="caption" color="warning.dark" display="block" sx={{ mt: -0.5, mb: 1, mx: 1.75 }} data-testid={`problem-${path}`}>
      {[...new Set(messages.map((m) => m.message))].join(' · ')}
    </Typography>
  );
};

/** An input with the submission problem that concerns it beneath. */
const At = ({ path, children }: { path: string; children: ReactElement }) => (
  <Box>
    {children}
    <Problem path={path} />
  </Box>
);

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
    <Problem path="title" />
    <LocalizedTextInput source="concept" label="resources.proposals.fields.concept" multiline />
    <Problem path="concept" />
    <ArtworksInput />
    <Problem path="artworkIds" />
    <TextInput source="imageUrlsText" multiline minRows={2} fullWidth helperText="vitrine.licensing.help_images" />
    <Problem path="imageUrlsText" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <At path="category">
        <TextInput source="category" helperText="vitrine.help.category" />
      </At>
      <At path="crossBorderCategory">
        <SelectInput source="crossBorderCategory" choices={CATEGORY_CHOICES} emptyText="—" />
      </At>
      <At path="targetRetailPriceEur">
        <TextInput source="targetRetailPriceEur" validate={priceFormat} />
      </At>
      <At path="forecastUnits">
        <TextInput source="forecastUnits" />
      </At>
    </Box>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <At path="specification.hsCode">
        <TextInput source="specification.hsCode" label="resources.proposals.fields.hsCode" />
      </At>
      <At path="specification.weightGrams">
        <TextInput source="specification.weightGrams" label="resources.proposals.fields.weightGrams" />
      </At>
      <At path="specification.originCountry">
        <TextInput source="specification.originCountry" label="resources.proposals.fields.originCountry" />
      </At>
    </Box>
    <Heading k="vitrine.licensing.section_terms" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <At path="territoryText">
        <TextInput source="territoryText" helperText="vitrine.licensing.help_territory" />
      </At>
      <At path="termStart">
        <DateInput source="termStart" />
      </At>
      <At path="termEnd">
        <DateInput source="termEnd" />
      </At>
      <At path="sellOffDays">
        <TextInput source="sellOffDays" />
      </At>
    </Box>
    <CheckboxGroupInput source="channels" choices={CHANNEL_CHOICES} />
    <Problem path="channels" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <At path="royaltyRatePercent">
        <TextInput source="royaltyRatePercent" helperText="vitrine.licensing.help_royalty" />
      </At>
      <At path="guaranteeCurrency">
        <SelectInput source="guaranteeCurrency" choices={CURRENCIES} validate={required()} />
      </At>
      <At path="minimumGuarantee">
        <TextInput source="minimumGuarantee" validate={priceFormat} />
      </At>
      <At path="advance">
        <TextInput source="advance" validate={priceFormat} />
      </At>
    </Box>
    {!creating && (
      <>
        <Heading k="vitrine.licensing.section_note" />
        <TextInput source="note" fullWidth multiline helperText="vitrine.licensing.help_note" />
      </>
    )}
  </SimpleForm>
);
