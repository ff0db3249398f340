import HandshakeIcon from '@mui/icons-material/Handshake';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/** Brand partners' licensing proposals arrive with the licensing work; a placeholder until then. */
const ProposalList = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }} data-testid="proposals-placeholder">
      <Title title="resources.proposals.name" />
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('resources.proposals.name', { smart_count: 2 })}
        </Typography>
        <Alert severity="info">{translate('vitrine.proposals.coming')}</Alert>
      </CardContent>
    </Card>
  );
};

export default { list: ProposalList, icon: HandshakeIcon };
