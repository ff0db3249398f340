import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Confirm, useNotify, useRefresh } from 'react-admin';

/**
 * A red action (cancel a drop or a live session, archive a promotion) that asks first, then runs
 * `action`: busy while it runs, `done` notified and the page refreshed when it succeeds, the
 * error's message (or `onError`) when it fails; the dialog closes either way.
 */
export const ConfirmActionButton = ({
  label,
  icon,
  testId,
  title,
  titleTranslateOptions,
  content,
  confirm,
  cancel,
  action,
  done,
  onDone,
  onError,
}: {
  label: string;
  icon: ReactElement;
  testId: string;
  title: string;
  titleTranslateOptions?: Record<string, unknown>;
  content: ReactNode;
  confirm: string;
  cancel?: string;
  action: () => Promise<unknown>;
  done: string;
  /** After the success notice, before the refresh (a redirect). */
  onDone?: () => void;
  onError?: (e: unknown) => void;
}) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const failed =
    onError ??
    ((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }));
  const onConfirm = () => {
    setBusy(true);
    action()
      .then(() => {
        notify(done, { type: 'success' });
        onDone?.();
        refresh();
      })
      .catch(failed)
      .finally(() => {
        setBusy(false);
        setOpen(false);
      });
  };
  return (
    <>
      <Button label={label} color="error" onClick={() => setOpen(true)} disabled={busy} data-testid={testId}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={title}
        titleTranslateOptions={titleTranslateOptions}
        content={content}
        confirm={confirm}
        cancel={cancel}
        onConfirm={onConfirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
