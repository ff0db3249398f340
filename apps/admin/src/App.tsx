import { lazy } from 'react';
import { Admin, Resource, type I18nProvider } from 'react-admin';
import { authProvider } from './auth/auth-provider';
import { LoginPage } from './auth/LoginPage';
import { NotFound } from './components/NotFound';
import { dataProvider } from './data/data-provider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import agreements from './resources/agreements';
import artworks from './resources/artworks';
import brandOrders from './resources/brand-orders';
import brandStock from './resources/brand-stock';
import brands from './resources/brands';
import collections from './resources/collections';
import drops from './resources/drops';
import fxRates from './resources/fx-rates';
import inbox from './resources/inbox';
import liveSessions from './resources/live-sessions';
import museums from './resources/museums';
import orders from './resources/orders';
import products from './resources/products';
import promotions from './resources/promotions';
import queues from './resources/queues';
import returns from './resources/returns';
import settlement from './resources/settlement';
import proposals from './resources/proposals';
import statements from './resources/statements';
import stockLocations from './resources/stock-locations';
import storefronts from './resources/storefronts';
import syncRuns from './resources/sync-runs';
import users from './resources/users';

// The dashboard (and its charts) load after sign-in.
const Dashboard = lazy(() => import('./dashboard/Dashboard'));

// Resources follow the role the API gave at login (authProvider.getPermissions).
export const App = ({ i18nProvider }: { i18nProvider: I18nProvider }) => (
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
            <Resource name="orders" {...orders} />
            <Resource name="returns" {...returns} />
            <Resource name="drops" {...drops} />
            <Resource name="promotions" {...promotions} />
            <Resource name="stockLocations" {...stockLocations} />
            <Resource name="stockLevels" />
            <Resource name="syncRuns" {...syncRuns} />
            <Resource name="inbox" {...inbox} />
            <Resource name="liveSessions" {...liveSessions} />
          </>
        )}
        {role === 'BRAND_PARTNER' && (
          <>
            <Resource name="proposals" {...proposals} />
            <Resource name="brandStock" {...brandStock} />
            <Resource name="brandOrders" {...brandOrders} />
            <Resource name="returns" {...returns} />
          </>
        )}
        {(role === 'MUSEUM_MANAGER' || role === 'PLATFORM_ADMIN' || role === 'BRAND_PARTNER') && (
          <>
            <Resource name="agreements" {...agreements} />
            <Resource name="statements" {...statements} />
            <Resource name="royaltyLedger" />
            <Resource name="settlement" {...settlement} />
            <Resource name="settlementLines" />
            <Resource name="settlementPayouts" />
          </>
        )}
        {role === 'PLATFORM_ADMIN' && (
          <>
            <Resource name="museums" {...museums} />
            <Resource name="brands" {...brands} />
            <Resource name="users" {...users} />
            <Resource name="fxRates" {...fxRates} />
            <Resource name="queues" {...queues} />
          </>
        )}
      </>
    )}
  </Admin>
);
