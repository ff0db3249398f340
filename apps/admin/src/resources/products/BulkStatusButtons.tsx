import type { ReactElement } from 'react';
import { useState } from 'react';
import PublishIcon from '@mui/icons-material/Publish';
import ArchiveIcon from '@mui/icons-material/Archive';
import { Button, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { bulkSetProductStatus, type ProductStatus } from './products.data';

const BulkStatusButton = ({ status, label, icon }: { status: ProductStatus; label: string; icon: ReactElement }) => {
  const { selectedIds, onUnselectItems } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    bulkSetProductStatus(selectedIds.map(String), status)
      .then(({ updated, failed }) => {
        if (failed.length) {
          const details = failed.map((f) => f.message).join(' · ');
          notify(translate('vitrine.products.bulk_partial', { updated: updated.length, failed: failed.length, details }), {
            type: 'warning',
            autoHideDuration: 10_000,
          });
        } else {
          notify(translate('vitrine.products.bulk_done', { smart_count: updated.length }), { type: 'success' });
        }
        onUnselectItems();
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label={label} onClick={run} disabled={busy}>
      {icon}
    </Button>
  );
};

export const BulkStatusButtons = () => (
  <>
    <BulkStatusButton status="PUBLISHED" label="vitrine.products.bulk_publish" icon={<PublishIcon />} />
    <BulkStatusButton status="ARCHIVED" label="vitrine.products.bulk_archive" icon={<ArchiveIcon />} />
  </>
);
