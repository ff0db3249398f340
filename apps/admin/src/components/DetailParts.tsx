import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { dateLocale } from '../data/dates';

/** A date and time in the console's language, or a dash when there is none. */
export const When = ({ at }: { at: string | null | undefined }) => {
  const [locale] = useLocaleState();
  return <>{at ? new Date(at).toLocaleString(dateLocale(locale)) : '—'}</>;
};

/** A titled card of a detail page (an order's payment, a return's facts, a feed's runs); `actions` sit at its top right. */
export const Section = ({ title, children, testId, actions, minWidth = 320 }: { title: string; children: ReactNode; testId?: string; actions?: ReactNode; minWidth?: number }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth }} data-testid={testId}>
      <CardContent>
        {actions ? (
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate(title)}
            </Typography>
            <Box>{actions}</Box>
          </Box>
        ) : (
          <Typography variant="subtitle1" gutterBottom sx={{ fontWeight: 600 }}>
            {translate(title)}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
};

/** A label and its value on one line of a Section. */
export const Row = ({ label, children, labelWidth = 150 }: { label: string; children: ReactNode; labelWidth?: number }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1.5, py: 0.25 }}>
      <Typography variant="body2" color="text.secondary" sx={{ width: labelWidth, flexShrink: 0 }}>
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
};
