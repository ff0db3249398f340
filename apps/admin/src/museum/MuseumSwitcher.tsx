import { useEffect, useState } from 'react';
import { MenuItem, Select, Typography } from '@mui/material';
import { useLocaleState, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { pickText } from '../data/localized';
import { allMuseums, myMuseums, type MuseumRecord } from '../resources/museums/museums.data';
import { setCurrentMuseumId, useCurrentMuseumId } from './current-museum';

const ALL = '__all__';

/** Which museum the screens work on. Operators may also pick "all museums". */
export const MuseumSwitcher = () => {
  const { permissions } = usePermissions<string>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useRefresh();
  const current = useCurrentMuseumId();
  const [museums, setMuseums] = useState<MuseumRecord[] | null>(null);
  const isAdmin = permissions === 'PLATFORM_ADMIN';
  const isManager = permissions === 'MUSEUM_MANAGER';

  useEffect(() => {
    if (!isAdmin && !isManager) return;
    let live = true;
    (isAdmin ? allMuseums() : myMuseums())
      .then((list) => {
        if (!live) return;
        setMuseums(list);
        if (isManager && list.length && !list.some((m) => m.id === current)) setCurrentMuseumId(list[0]!.id);
      })
      .catch(() => live && setMuseums([]));
    return () => {
      live = false;
    };
    // Loaded once per role: the current museum is read, not watched (picking one reloads nothing here).
  }, [isAdmin, isManager]);

  if (!museums || (!isAdmin && !isManager)) return null;
  const label = (m: MuseumRecord) => pickText(m.storefront?.name, locale) || m.legalName;
  if (isManager && museums.length === 1) {
    return (
      <Typography variant="body2" sx={{ mr: 2, opacity: 0.9 }} data-testid="current-museum">
        {label(museums[0]!)}
      </Typography>
    );
  }
  return (
    <Select
      size="small"
      variant="standard"
      value={current ?? ALL}
      onChange={(e) => {
        setCurrentMuseumId(e.target.value === ALL ? null : e.target.value);
        refresh();
      }}
      sx={{ color: 'inherit', mr: 2, minWidth: 160, '& .MuiSvgIcon-root': { color: 'inherit' } }}
      inputProps={{ 'aria-label': translate('vitrine.museum.switch') }}
      data-testid="museum-switcher"
    >
      {isAdmin && <MenuItem value={ALL}>{translate('vitrine.museum.all')}</MenuItem>}
      {museums.map((m) => (
        <MenuItem key={m.id} value={m.id}>
          {label(m)}
        </MenuItem>
      ))}
    </Select>
  );
};
