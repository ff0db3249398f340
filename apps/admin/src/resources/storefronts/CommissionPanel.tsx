import { useEffect, useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Form,
  SaveButton,
  SimpleFormIterator,
  TextInput,
  required,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ApiError } from '../../api/errors';
import { Section, When } from '../../components/DetailParts';
import { commissionOf, percentToBps, saveCommission, toForm, type CommissionForm, type CommissionSettings } from './commission.data';

const percent: Validator = (value) => (value == null || value === '' || percentToBps(value) != null ? undefined : 'vitrine.commission.percent_format');

/** Category names once each (the API refuses a category named twice). */
const distinctCategories: Validator = (rows: CommissionForm['categoryRates'] | undefined) => {
  const names = (rows ?? []).map((r) => r?.category?.trim()).filter(Boolean);
  return new Set(names).size === names.length ? undefined : 'vitrine.commission.category_twice';
};

/**
 * The operator's commission on this storefront: the default rate, rates per product category,
 * and whether Stripe's fees pass on to the sellers. Saved rates apply to orders placed from
 * then on (each order keeps its checkout's rates); the card says since when the current ones apply.
 */
export const CommissionPanel = ({ storefrontId }: { storefrontId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [settings, setSettings] = useState<CommissionSettings | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    commissionOf(storefrontId)
      .then((s) => live && setSettings(s))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [storefrontId]);

  const submit = async (values: Record<string, unknown>) => {
    try {
      const saved = await saveCommission(storefrontId, values as unknown as CommissionForm);
      setSettings(saved);
      notify('vitrine.commission.saved', { type: 'success' });
      return undefined;
    } catch (e) {
      if (e instanceof ApiError && e.body?.errors) return e.body.errors as Record<string, string>;
      notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
      return undefined;
    }
  };

  if (failed) return <Alert severity="error">{translate('vitrine.errors.internal')}</Alert>;
  if (!settings) return null;
  return (
    <Section title="vitrine.commission.title" testId="commission-settings">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="commission-in-force">
        {settings.effectiveFrom ? (
          <>
            {translate('vitrine.commission.in_force_since')} <When at={settings.effectiveFrom} />
          </>
        ) : (
          translate('vitrine.commission.never_set')
        )}
      </Typography>
      {/* A new record each save: the form starts again from what is in force. */}
      <Form key={settings.id ?? 'none'} defaultValues={toForm(settings)} onSubmit={submit}>
        <TextInput
          source="defaultPercent"
          label="vitrine.commission.default_rate"
          validate={[required(), percent]}
          helperText="vitrine.commission.percent_help"
          InputProps={{ endAdornment: '%' }}
        />
        <ArrayInput source="categoryRates" label="vitrine.commission.category_rates" validate={distinctCategories}>
          <SimpleFormIterator inline disableReordering>
            <TextInput source="category" label="vitrine.commission.category" validate={required()} helperText={false} />
            <TextInput source="percent" label="vitrine.commission.rate" validate={[required(), percent]} helperText={false} InputProps={{ endAdornment: '%' }} />
          </SimpleFormIterator>
        </ArrayInput>
        <BooleanInput source="passStripeFees" label="vitrine.commission.pass_stripe_fees" helperText="vitrine.commission.pass_stripe_fees_help" />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <SaveButton label="vitrine.commission.save" />
          <Typography variant="caption" color="text.secondary">
            {translate('vitrine.commission.applies_from_now')}
          </Typography>
        </Box>
      </Form>
    </Section>
  );
};
