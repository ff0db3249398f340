import { Box, Typography } from '@mui/material';
import { TextInput, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';

interface Props {
  /** Form path of a { fr, en, zhCN } object. */
  source: string;
  /** Translation key or text naming the field. */
  label: string;
  multiline?: boolean;
  /** Blocks saving without the French and English text (e.g. museum names). */
  requireFrEn?: boolean;
}

const requiredText: Validator = (value: unknown) => (typeof value === 'string' && value.trim() ? undefined : 'ra.validation.required');

/**
 * One text in three languages side by side: fr | en | zh-CN. The Chinese text is what
 * shoppers read, so it is marked as required for China; products can be saved as drafts
 * without it, but publishing is refused until it is there.
 */
export const LocalizedTextInput = ({ source, label, multiline, requireFrEn }: Props) => {
  const translate = useTranslate();
  const zh = useWatch({ name: `${source}.zhCN` }) as string | undefined;
  const name = translate(label, { _: label });
  const validate = requireFrEn ? [requiredText] : undefined;
  return (
    <Box sx={{ width: '100%' }} data-testid={`localized-${source}`}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {name}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: { xs: 'wrap', md: 'nowrap' } }}>
        <TextInput source={`${source}.fr`} label={`${name} · FR`} multiline={multiline} minRows={multiline ? 3 : undefined} validate={validate} sx={{ flex: 1, minWidth: 200 }} />
        <TextInput source={`${source}.en`} label={`${name} · EN`} multiline={multiline} minRows={multiline ? 3 : undefined} validate={validate} sx={{ flex: 1, minWidth: 200 }} />
        <TextInput
          source={`${source}.zhCN`}
          label={`${name} · 中文 (zh-CN) *`}
          multiline={multiline}
          minRows={multiline ? 3 : undefined}
          helperText={zh?.trim() ? 'vitrine.localized.zh_ok' : 'vitrine.localized.zh_required'}
          color={zh?.trim() ? undefined : 'warning'}
          sx={{ flex: 1, minWidth: 200 }}
          slotProps={{ htmlInput: { lang: 'zh-CN' } }}
        />
      </Box>
    </Box>
  );
};
