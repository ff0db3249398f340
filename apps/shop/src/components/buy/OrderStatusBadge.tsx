import type { Dictionary } from '../../i18n/dictionary';

export function OrderStatusBadge({ status, dict }: { status: string; dict: Dictionary }) {
  const label = (dict.buy.orders.status as Record<string, string>)[status] ?? status;
  return (
    <span className={`status-badge status-${status.toLowerCase()}`} data-testid="order-status" data-status={status}>
      {label}
    </span>
  );
}
