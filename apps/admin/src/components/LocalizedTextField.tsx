import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';
import { pickText, type LocalizedText } from '../data/localized';

/** A localized text in the console's language (fr or en, then the others). */
export const LocalizedTextField = ({ source, zh }: { source: string; label?: string; zh?: boolean; sortable?: boolean }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = source.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], record) as
    | Partial<LocalizedText>
    | undefined;
  const text = zh ? (value?.zhCN ?? '') : pickText(value, locale);
  return (
    <Typography variant="body2" component="span" lang={zh ? 'zh-CN' : undefined}>
      {text}
    </Typography>
  );
};
