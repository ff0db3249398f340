import type { ReactElement } from 'react';
import { useState } from 'react';
import PublishIcon from '@mui/icons-material/Publish';
import UnpublishedIcon from '@mui/icons-material/Unpublished';
import ArchiveIcon from '@mui/icons-material/Archive';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ApiError, type ListingReason } from '../../api/errors';
import { ListingReasonsDialog } from './ListingReasons';
import { productAction, type ProductAction, type ProductRecord } from './products.data';

const ICONS: Record<ProductAction, ReactElement> = {
  publish: <PublishIcon />,
  unpublish: <UnpublishedIcon />,
  archive: <ArchiveIcon />,
};

/** Publish / unpublish / archive the saved product, whichever its status allows. */
export const ProductStatusButtons = () => {
  const record = useRecordContext<ProductRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [reasons, setReasons] = useState<ListingReason[] | null>(null);
  if (!record) return null;

  const run = (action: ProductAction) => {
    setBusy(true);
    productAction(String(record.id), action)
      .then(() => {
        notify(`vitrine.products.${action}_done`, { type: 'success' });
        refresh();
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'NOT_LISTABLE_FOR_CHINA') setReasons(e.reasons);
        else notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
      })
      .finally(() => setBusy(false));
  };

  const actions: ProductAction[] =
    record.status === 'DRAFT' ? ['publish', 'archive'] : record.status === 'PUBLISHED' ? ['unpublish', 'archive'] : ['unpublish'];
  return (
    <>
      {actions.map((a) => (
        <Button key={a} label={`vitrine.products.${a}`} onClick={() => run(a)} disabled={busy} data-testid={`product-${a}`}>
          {ICONS[a]}
        </Button>
      ))}
      <ListingReasonsDialog reasons={reasons} onClose={() => setReasons(null)} />
    </>
  );
};
