import { useState } from 'react';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, useNotify } from 'react-admin';
import { queueBoardLink } from './queues.data';

/**
 * Opens the API's queue board in a new tab. The tab is opened on the click (so no popup
 * blocker stops it) and sent to the one-minute link once the API has given it.
 */
export const QueueBoardButton = () => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const open = () => {
    const tab = window.open('about:blank', '_blank');
    setBusy(true);
    queueBoardLink()
      .then(({ path }) => {
        if (tab) {
          tab.opener = null;
          tab.location.href = path;
        } else window.location.assign(path);
      })
      .catch((e: unknown) => {
        tab?.close();
        notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
      })
      .finally(() => setBusy(false));
  };
  return (
    <Button label="vitrine.queues.open" onClick={open} disabled={busy} variant="contained" data-testid="open-queue-board">
      <OpenInNewIcon />
    </Button>
  );
};
