import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { FxRefreshPanel } from './FxRefreshPanel';
import { QueueBoardButton } from './QueueBoardButton';

/** Operators: the job queues and dead letters live on the API's queue board. */
export const QueuesPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={translate('resources.queues.name', { smart_count: 2 })} />
      <Card>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
          <Typography variant="h6">{translate('vitrine.queues.title')}</Typography>
          <Typography color="text.secondary">{translate('vitrine.queues.help')}</Typography>
          <QueueBoardButton />
        </CardContent>
      </Card>
      <FxRefreshPanel />
    </Box>
  );
};
