import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';

/** Email and password; shoppers are refused with a sentence, not a code. */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    login({ email, password }).catch((e: unknown) => {
      setBusy(false);
      setError(e instanceof Error ? e.message : 'vitrine.errors.internal');
    });
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: '#f3efe8' }}>
      <Box sx={{ position: 'absolute', top: 8, right: 8 }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: 380 }}>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <StorefrontIcon color="primary" />
            <Typography variant="h6">{translate('vitrine.app.title')}</Typography>
          </Box>
          <Typography variant="body2" color="text.secondary">
            {translate('vitrine.auth.intro')}
          </Typography>
          {error && (
            <Alert severity="error" role="alert" data-testid="login-error">
              {translate(error, { _: error })}
            </Alert>
          )}
          <TextField
            name="email"
            type="email"
            label={translate('vitrine.auth.email')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="username"
            required
            autoFocus
          />
          <TextField
            name="password"
            type="password"
            label={translate('ra.auth.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : null}>
            {translate('ra.auth.sign_in')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};
