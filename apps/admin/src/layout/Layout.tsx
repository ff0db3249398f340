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

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={VitrineAppBar}>{children}</RaLayout>;
