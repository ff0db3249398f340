import { createElement, lazy } from 'react';
import LocalActivityIcon from '@mui/icons-material/LocalActivity';
import { DropTitle } from './DropTitle';

// Limited-edition drops (issue 22): configuration, and the entries with their signals. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.DropList }))),
  create: lazy(() => screens().then((m) => ({ default: m.DropCreate }))),
  edit: lazy(() => screens().then((m) => ({ default: m.DropEdit }))),
  show: lazy(() => screens().then((m) => ({ default: m.DropShow }))),
  icon: LocalActivityIcon,
  recordRepresentation: createElement(DropTitle),
};
