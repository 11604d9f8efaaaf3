import { Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './auth/session';
import { Layout, navItems } from './components/Layout';
import { LoginPage, OidcCallbackPage } from './pages/LoginPage';

// Routes split so the first load carries only the shell, the login and the concern form's code.
const ConcernFormPage = lazy(() => import('./pages/ConcernFormPage'));
const CaseListPage = lazy(() => import('./pages/CaseListPage'));
const CasePage = lazy(() => import('./case/CasePage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const IksQueuePage = lazy(() => import('./pages/IksQueuePage'));
const StatsPage = lazy(() => import('./pages/StatsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const AdminPage = lazy(() => import('./admin/AdminPage'));
const AgendaPage = lazy(() => import('./pages/AgendaPage'));
const ReportDocumentPage = lazy(() => import('./case/ReportDocumentPage'));

const loading = <Spinner aria-label="Laster" />;

export function App() {
  const { me, loading: sessionLoading, may } = useSession();
  if (sessionLoading) return loading;
  if (!me) {
    return (
      <Routes>
        <Route path="/innlogging/tilbake" element={<OidcCallbackPage />} />
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  const home = navItems(may)[0]?.to ?? '/varsler';
  return (
    <Layout>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/innlogging/tilbake" element={<Navigate to={home} replace />} />
          <Route path="/bekymring/ny" element={<ConcernFormPage />} />
          <Route path="/saker" element={<CaseListPage />} />
          <Route path="/saker/:id" element={<CasePage />} />
          <Route path="/saker/:id/meldinger/:reportId" element={<ReportDocumentPage />} />
          <Route path="/denne-uka" element={<AgendaPage />} />
          <Route path="/varsler" element={<NotificationsPage />} />
          <Route path="/iks" element={<IksQueuePage />} />
          <Route path="/statistikk" element={<StatsPage />} />
          <Route path="/revisjon" element={<AuditPage />} />
          <Route path="/administrasjon" element={<AdminPage />} />
          <Route path="*" element={<Navigate to={home} replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
