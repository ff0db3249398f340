import { lazy } from 'react';
import QueueIcon from '@mui/icons-material/Queue';

// Operators: the queue board (@bull-board on the API) and the FX refresh alerts.
export default {
  list: lazy(() => import('./screens').then((m) => ({ default: m.QueuesPage }))),
  icon: QueueIcon,
};
