import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { DropRecord } from './drops.data';

/** A drop as the console names it (page titles, references): its kind and its start, in the manager's language. */
export const DropTitle = () => {
  const record = useRecordContext<DropRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const starts = new Date(record.startsAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return <span>{translate('vitrine.drops.record_title', { mode: translate(`vitrine.drops.mode_short.${record.mode}`), date: starts })}</span>;
};
