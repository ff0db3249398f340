import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, useRecordContext } from 'react-admin';
import { downloadFile } from '../api/download';

interface Statement {
  id: string;
  periodStart: string;
  csvUrl: string;
  pdfUrl: string;
}

/** The statement as CSV and PDF, fetched with the session's token (the API checks the party). */
export const StatementDownloads = (_: { label?: string }) => {
  const s = useRecordContext<Statement>();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  if (!s) return null;
  const get = (kind: 'csv' | 'pdf') => (e: { stopPropagation(): void }) => {
    e.stopPropagation();
    setBusy(kind);
    downloadFile(kind === 'csv' ? s.csvUrl : s.pdfUrl, `royalty-statement-${s.periodStart.slice(0, 7)}-${s.id.slice(0, 8)}.${kind}`)
      .catch((err: unknown) => notify(err instanceof Error ? err.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(null));
  };
  return (
    <>
      <Button label="CSV" onClick={get('csv')} disabled={busy !== null} data-testid={`statement-csv-${s.id}`}>
        <DownloadIcon />
      </Button>
      <Button label="PDF" onClick={get('pdf')} disabled={busy !== null} data-testid={`statement-pdf-${s.id}`}>
        <DownloadIcon />
      </Button>
    </>
  );
};
