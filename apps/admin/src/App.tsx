import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/auth-provider';
import { LoginPage } from './auth/LoginPage';
import { NotFound } from './components/NotFound';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import artworks from './resources/artworks';
import brands from './resources/brands';
import collections from './resources/collections';
import fxRates from './resources/fx-rates';
import museums from './resources/museums';
import products from './resources/products';
import proposals from './resources/proposals';
import storefronts from './resources/storefronts';
import users from './resources/users';

// Resources follow the role the API gave at login (authProvider.getPermissions).
export const App = () => (
  <Admin
    title="Vitrine"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    catchAll={NotFound}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {(role: string) => (
      <>
        {(role === 'MUSEUM_MANAGER' || role === 'PLATFORM_ADMIN') && (
          <>
            <Resource name="storefronts" {...storefronts} />
            <Resource name="products" {...products} />
            <Resource name="artworks" {...artworks} />
            <Resource name="collections" {...collections} />
          </>
        )}
        {role === 'PLATFORM_ADMIN' && (
          <>
            <Resource name="museums" {...museums} />
            <Resource name="brands" {...brands} />
            <Resource name="users" {...users} />
            <Resource name="fxRates" {...fxRates} />
          </>
        )}
        {role === 'BRAND_PARTNER' && <Resource name="proposals" {...proposals} />}
      </>
    )}
  </Admin>
);
