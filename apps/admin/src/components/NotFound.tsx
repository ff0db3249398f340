import { Box, Card, CardContent, Typography } from '@mui/material';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Button, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** Shown for unknown URLs and for records the user may not see (the API answers NOT_FOUND). */
export const NotFound = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }} data-testid="not-found">
      <Title title="vitrine.not_found.title" />
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <SearchOffIcon sx={{ fontSize: 48 }} color="disabled" />
          <Box>
            <Typography variant="h5">{translate('vitrine.not_found.title')}</Typography>
            <Typography color="text.secondary">{translate('vitrine.not_found.body')}</Typography>
          </Box>
        </Box>
        <Button component={Link} to="/" label="vitrine.not_found.back" sx={{ mt: 2 }} />
      </CardContent>
    </Card>
  );
};
