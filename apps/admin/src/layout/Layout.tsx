import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { MuseumSwitcher } from '../museum/MuseumSwitcher';

const VitrineAppBar = () => (
  <AppBar>
    <TitlePortal />
    <Box sx={{ flex: 1 }} />
    <MuseumSwitcher />
  </AppBar>
);

/**
 * The content column may shrink below its widest table (min-width: 0): a wide table scrolls
 * inside its own box instead of widening the page past the window and pushing the toolbar's
 * buttons off screen.
 */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={VitrineAppBar} sx={{ '& .RaLayout-content': { minWidth: 0 } }}>
    {children}
  </RaLayout>
);
