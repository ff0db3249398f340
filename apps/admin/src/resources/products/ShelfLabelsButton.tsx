import { useState } from 'react';
import QrCodeIcon from '@mui/icons-material/QrCode2';
import { Button, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../../api/download';
import { ApiError } from '../../api/errors';

/**
 * Bulk action: an A4 PDF of shelf labels for the selected products (name in Chinese and
 * English, CNY price, QR code of the product's short link marked as from the museum's shelf),
 * to print for the museum's own shop.
 */
export const ShelfLabelsButton = () => {
  const { selectedIds } = useListContext();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    const ids = selectedIds.map(String);
    downloadFile(`/shelf-labels.pdf?products=${ids.map(encodeURIComponent).join(',')}`, `shelf-labels-${new Date().toISOString().slice(0, 10)}.pdf`)
      .then(() => notify(translate('vitrine.products.labels_done', { smart_count: ids.length }), { type: 'success' }))
      .catch((e: unknown) => notify(e instanceof ApiError && e.status === 400 ? 'vitrine.products.labels_not_on_sale' : e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label="vitrine.products.labels" onClick={run} disabled={busy} data-testid="shelf-labels">
      <QrCodeIcon />
    </Button>
  );
};
