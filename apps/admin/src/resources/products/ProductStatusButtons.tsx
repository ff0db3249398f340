import type { ReactElement } from 'react';
import { useState } from 'react';
import PublishIcon from '@mui/icons-material/Publish';
import UnpublishedIcon from '@mui/icons-material/Unpublished';
import ArchiveIcon from '@mui/icons-material/Archive';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
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
  const [confirmEmpty, setConfirmEmpty] = useState(false);
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

  // Published with nothing to sell, shoppers only see it sold out: ask first. A product that
  // cannot be listed yet goes straight to the API, whose reasons say what to fix first.
  const onClick = (action: ProductAction) => (action === 'publish' && record.listableForChina && record.available <= 0 ? setConfirmEmpty(true) : run(action));

  const actions: ProductAction[] =
    record.status === 'DRAFT' ? ['publish', 'archive'] : record.status === 'PUBLISHED' ? ['unpublish', 'archive'] : ['unpublish'];
  return (
    <>
      {actions.map((a) => (
        <Button key={a} label={`vitrine.products.${a}`} onClick={() => onClick(a)} disabled={busy} data-testid={`product-${a}`}>
          {ICONS[a]}
        </Button>
      ))}
      <ListingReasonsDialog reasons={reasons} onClose={() => setReasons(null)} />
      <Confirm
        isOpen={confirmEmpty}
        title="vitrine.products.publish_empty_title"
        content="vitrine.products.publish_empty_content"
        confirm="vitrine.products.publish_anyway"
        onConfirm={() => {
          setConfirmEmpty(false);
          run('publish');
        }}
        onClose={() => setConfirmEmpty(false)}
      />
    </>
  );
};
