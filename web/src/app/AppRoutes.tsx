/**
 * The dashboard's routes. Each page is its own chunk, loaded when first
 * visited, so signing in does not wait for the charts of every page.
 */
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '../features/login/LoginPage.js';
import { Layout } from './Layout.js';
import { MetricLayout } from './MetricLayout.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequireSession } from './RequireSession.js';
import { SessionProvider } from './SessionProvider.js';

const OverviewPage = lazy(() =>
  import('../features/overview/OverviewPage.js').then((module) => ({
    default: module.OverviewPage,
  })),
);
const RetentionPage = lazy(() =>
  import('../features/retention/RetentionPage.js').then((module) => ({
    default: module.RetentionPage,
  })),
);
const RevenuePage = lazy(() =>
  import('../features/revenue/RevenuePage.js').then((module) => ({
    default: module.RevenuePage,
  })),
);
const SalesPage = lazy(() =>
  import('../features/sales/SalesPage.js').then((module) => ({ default: module.SalesPage })),
);
const GoalsPage = lazy(() =>
  import('../features/goals/GoalsPage.js').then((module) => ({ default: module.GoalsPage })),
);
const CustomersPage = lazy(() =>
  import('../features/customers/CustomersPage.js').then((module) => ({
    default: module.CustomersPage,
  })),
);
const CustomerPage = lazy(() =>
  import('../features/customers/CustomerPage.js').then((module) => ({
    default: module.CustomerPage,
  })),
);
const ConversationsPage = lazy(() =>
  import('../features/conversations/ConversationsPage.js').then((module) => ({
    default: module.ConversationsPage,
  })),
);
const AlertsPage = lazy(() =>
  import('../features/alerts/AlertsPage.js').then((module) => ({ default: module.AlertsPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage.js').then((module) => ({
    default: module.SettingsPage,
  })),
);

export function AppRoutes() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireSession />}>
            <Route element={<Layout />}>
              <Route element={<MetricLayout />}>
                <Route index element={<OverviewPage />} />
                <Route path="retention" element={<RetentionPage />} />
                <Route path="revenue" element={<RevenuePage />} />
                <Route path="sales" element={<SalesPage />} />
              </Route>
              <Route path="goals" element={<GoalsPage />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="customers/:id" element={<CustomerPage />} />
              <Route path="conversations" element={<ConversationsPage />} />
              <Route path="alerts" element={<AlertsPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
