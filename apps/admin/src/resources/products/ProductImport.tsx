import { useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { parse } from 'csv-parse/browser/esm/sync';
import { useRefresh, useTranslate } from 'react-admin';
import { ApiError } from '../../api/errors';
import { requireMuseumId } from '../../museum/current-museum';
import { createProduct, type ProductRecord } from './products.data';

type Row = Record<string, string>;
interface Outcome {
  line: number;
  sku: string;
  ok: boolean;
  messages: string[];
}

/** Form field paths back to the CSV column the user can fix. */
const COLUMN_OF: Record<string, string> = {
  'name.fr': 'name_fr',
  'name.en': 'name_en',
  'name.zhCN': 'name_zh',
  'description.fr': 'description_fr',
  'description.en': 'description_en',
  'description.zhCN': 'description_zh',
  category: 'category',
  crossBorderCategory: 'cross_border_category',
  'variants.0.sku': 'sku',
  'variants.0.priceEur': 'price_eur',
  'variants.0.weightGrams': 'weight_grams',
  'variants.0.hsCode': 'hs_code',
  'variants.0.originCountry': 'origin_country',
  'variants.0.optionsJson': 'options',
  'variants.0.optionList': 'options',
};

function rowToProduct(row: Row): Partial<ProductRecord> {
  return {
    name: { fr: row['name_fr'] ?? '', en: row['name_en'] ?? '', zhCN: row['name_zh'] ?? '' },
    description: { fr: row['description_fr'] ?? '', en: row['description_en'] ?? '', zhCN: row['description_zh'] ?? '' },
    category: row['category'] ?? '',
    // A value outside the enum is sent as written: the API refuses it and the row shows why.
    crossBorderCategory: (row['cross_border_category'] || 'GENERAL').toUpperCase() as ProductRecord['crossBorderCategory'],
    variants: [
      {
        sku: row['sku'] ?? '',
        priceEur: row['price_eur'] ?? '',
        weightGrams: Number(row['weight_grams'] ?? ''),
        hsCode: row['hs_code'] ?? '',
        originCountry: row['origin_country'] ?? '',
        optionsJson: row['options'] || '{}',
      },
    ],
    media: [],
    artworkIds: [],
    collectionIds: [],
  };
}

/**
 * CSV import: parsed in the browser, then one createProduct per row, in order, so each
 * row's errors are reported against its line and the good rows still land.
 */
const ProductImport = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);

  const describe = (e: unknown): string[] => {
    if (e instanceof ApiError) {
      const errors = (e.body as { errors?: Record<string, unknown> })?.errors;
      if (errors) {
        return Object.entries(errors)
          .filter(([k]) => k !== 'root')
          .map(([k, v]) => `${COLUMN_OF[k] ?? k}: ${translate(String(v), { _: String(v) })}`);
      }
      return [translate(e.message, { _: e.message })];
    }
    return [e instanceof Error ? translate(e.message, { _: e.message }) : String(e)];
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setOutcomes([]);
    setFatal(null);
    let rows: Row[];
    try {
      rows = parse(await file.text(), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
    } catch (e) {
      setFatal(translate('vitrine.import.unreadable', { error: e instanceof Error ? e.message : String(e) }));
      return;
    }
    let museumId: string;
    try {
      museumId = requireMuseumId();
    } catch (e) {
      setFatal(translate((e as Error).message));
      return;
    }
    const results: Outcome[] = [];
    setProgress({ done: 0, total: rows.length });
    for (const [i, row] of rows.entries()) {
      const line = i + 2; // header is line 1
      try {
        await createProduct(museumId, rowToProduct(row));
        results.push({ line, sku: row['sku'] ?? '', ok: true, messages: [] });
      } catch (e) {
        results.push({ line, sku: row['sku'] ?? '', ok: false, messages: describe(e) });
      }
      setOutcomes([...results]);
      setProgress({ done: i + 1, total: rows.length });
    }
    setProgress(null);
    refresh();
  };

  const failed = outcomes.filter((o) => !o.ok);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth data-testid="import-dialog">
      <DialogTitle>{translate('vitrine.import.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('vitrine.import.help')}
        </Typography>
        <Typography variant="caption" component="pre" sx={{ bgcolor: '#f5f5f5', p: 1, overflowX: 'auto' }}>
          name_fr,name_en,name_zh,description_fr,description_en,description_zh,category,cross_border_category,sku,price_eur,weight_grams,hs_code,origin_country,options
        </Typography>
        <Box sx={{ my: 2 }}>
          <Button variant="outlined" component="label" disabled={!!progress}>
            {translate('vitrine.import.choose')}
            <input type="file" accept=".csv,text/csv" hidden onChange={(e) => void onFile(e)} data-testid="import-file" />
          </Button>
        </Box>
        {fatal && <Alert severity="error">{fatal}</Alert>}
        {progress && <LinearProgress variant="determinate" value={(100 * progress.done) / Math.max(progress.total, 1)} />}
        {outcomes.length > 0 && (
          <>
            <Alert severity={failed.length ? 'warning' : 'success'} sx={{ my: 1 }} data-testid="import-summary">
              {translate('vitrine.import.summary', { ok: outcomes.length - failed.length, failed: failed.length })}
            </Alert>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('vitrine.import.line')}</TableCell>
                  <TableCell>SKU</TableCell>
                  <TableCell>{translate('vitrine.import.result')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {outcomes.map((o) => (
                  <TableRow key={o.line}>
                    <TableCell>{o.line}</TableCell>
                    <TableCell>{o.sku}</TableCell>
                    <TableCell sx={{ color: o.ok ? 'success.main' : 'error.main' }}>{o.ok ? translate('vitrine.import.created') : o.messages.join(' · ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

export default ProductImport;
