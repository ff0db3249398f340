import { useEffect, useState } from 'react';
import {
  Autocomplete,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/AddBusiness';
import { Button, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { pickText } from '../data/localized';
import {
  findVariants,
  setStockLevel,
  stockLocations,
  type StockLocationRecord,
  type VariantChoice,
} from '../resources/stock-locations/stock-locations.data';

/**
 * "Set stock": the units on hand of one variant at one of the museum's locations, for a variant
 * that has no level there yet (a new product) as well as one that has. From the product page the
 * variant is given and the location picked; from a location's screen the reverse. Test ids:
 * `<testId>` (button), `stock-location-select`, `stock-variant-search`, `stock-quantity`, `stock-save`.
 */
export const SetStockButton = ({
  museumId,
  variant,
  locationId,
  levels = [],
  onDone,
  testId,
}: {
  museumId: string;
  /** Given on the product page; picked by name otherwise. */
  variant?: { id: string; sku: string };
  /** Given on a location's screen; picked otherwise. */
  locationId?: string;
  /** The variant's current levels, to start from what is on hand at the picked location. */
  levels?: { locationId: string; onHand: number; reserved: number }[];
  onDone: () => void;
  testId: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [locations, setLocations] = useState<StockLocationRecord[]>([]);
  const [location, setLocation] = useState(locationId ?? '');
  const [search, setSearch] = useState('');
  const [choices, setChoices] = useState<VariantChoice[]>([]);
  const [picked, setPicked] = useState<VariantChoice | null>(null);
  const [quantity, setQuantity] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || locationId) return;
    stockLocations(museumId)
      .then((all) => {
        setLocations(all);
        setLocation((current) => current || all[0]?.id || '');
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }));
  }, [open, museumId, locationId]);

  useEffect(() => {
    if (!open || variant) return;
    const timer = setTimeout(() => {
      findVariants(museumId, search)
        .then(setChoices)
        .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }));
    }, 250);
    return () => clearTimeout(timer);
  }, [open, museumId, search, variant]);

  const variantId = variant?.id ?? picked?.variantId ?? '';
  const current = levels.find((l) => l.locationId === location);
  useEffect(() => {
    if (open) setQuantity(current ? String(current.onHand) : '');
  }, [open, location]);

  const valid = /^\d{1,9}$/.test(quantity.trim());
  const reserved = current?.reserved ?? 0;
  const save = () => {
    setBusy(true);
    setStockLevel({ locationId: location, variantId, onHand: Number(quantity.trim()) })
      .then(() => {
        notify('vitrine.stock.saved', { type: 'success' });
        setOpen(false);
        setPicked(null);
        onDone();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button label="vitrine.stock.set" onClick={() => setOpen(true)} data-testid={testId}>
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{translate('vitrine.stock.set_title', { sku: variant?.sku ?? picked?.sku ?? '' })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important', minWidth: 400 }}>
          {!locationId && (
            <MuiTextField
              select
              label={translate('vitrine.stock.location')}
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'stock-location-select' } as object } }}
              helperText={locations.length ? ' ' : translate('vitrine.stock.no_locations')}
            >
              {locations.map((l) => (
                <MenuItem key={l.id} value={l.id}>
                  {l.name} ({l.code} · {l.customsMode})
                </MenuItem>
              ))}
            </MuiTextField>
          )}
          {!variant && (
            <Autocomplete
              options={choices}
              value={picked}
              onChange={(_, v) => setPicked(v)}
              inputValue={search}
              onInputChange={(_, v, reason) => reason === 'input' && setSearch(v)}
              filterOptions={(x) => x}
              isOptionEqualToValue={(a, b) => a.variantId === b.variantId}
              getOptionLabel={(o) => `${o.sku} — ${pickText(o.productName, locale)}`}
              renderInput={(params) => (
                <MuiTextField
                  {...params}
                  label={translate('vitrine.stock.variant')}
                  helperText={translate('vitrine.stock.variant_help')}
                  slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': 'stock-variant-search' } }}
                />
              )}
            />
          )}
          <MuiTextField
            label={translate('resources.stockLevels.fields.onHand')}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={quantity !== '' && !valid}
            helperText={quantity !== '' && !valid ? translate('vitrine.validation.whole_number') : translate('vitrine.stock.reserved_note', { reserved })}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'stock-quantity' } }}
          />
          {!current && variantId && location && (
            <Typography variant="body2" color="text.secondary">
              {translate('vitrine.stock.first_level')}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.save" variant="contained" onClick={save} disabled={!valid || !location || !variantId || busy} data-testid="stock-save" />
        </DialogActions>
      </Dialog>
    </>
  );
};
