import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  DRAFT: 'default',
  PUBLISHED: 'success',
  ARCHIVED: 'warning',
  OPEN: 'success',
  CLOSED: 'warning',
  // orders
  PENDING_PAYMENT: 'default',
  PAID: 'info',
  CUSTOMS_SUBMITTED: 'info',
  HELD: 'error',
  CLEARED: 'success',
  SHIPPED: 'success',
  DELIVERED: 'success',
  CANCELLED: 'default',
  REFUNDED: 'warning',
  // licensing proposals and agreements
  SUBMITTED: 'info',
  CHANGES_REQUESTED: 'warning',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  ACTIVE: 'success',
  EXPIRED: 'default',
  // warehouse sync runs and webhook deliveries
  QUEUED: 'default',
  RUNNING: 'info',
  SUCCEEDED: 'success',
  PARTIAL: 'warning',
  FAILED: 'error',
  PENDING: 'default',
};

/** A record's status as a coloured, translated chip. */
export const StatusChip = ({ source = 'status' }: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = source.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], record) as string | undefined;
  if (!value) return null;
  return <Chip size="small" color={COLORS[value] ?? 'default'} label={translate(`vitrine.status.${value}`, { _: value })} />;
};
