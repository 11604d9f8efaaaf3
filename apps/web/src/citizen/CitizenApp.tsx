import { Button, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { AccessLogPage } from './AccessLogPage';
import { CasePage } from './CasePage';
import { isLoggedOut, logout } from './client';
import { ConsentRequestPage } from './ConsentRequestPage';
import { LoginPage } from './LoginPage';
import { useChildren } from './queries';
import { StartPage } from './StartPage';
import { StatementPage } from './StatementPage';
import { WithdrawConsentPage } from './WithdrawConsentPage';
import './citizen.css';

/**
 * The family's own door at /innbygger (DESIGN 12.4): its own header, login and routes, never the
 * staff's. Loaded as a lazy chunk. Whether someone is logged in is what the API says about the
 * session cookie (GET /citizen/children answers 401 without one).
 */
export default function CitizenApp() {
  const children = useChildren();
  const signedIn = children.isSuccess;
  return (
    <>
      <SkipLink href="#main">Hopp til hovedinnholdet</SkipLink>
      <header className="citizen-header">
        <div className="citizen-header__inner">
          <Link className="citizen-brand" to="/innbygger">
            BTI <span>for familien</span>
          </Link>
          {signedIn && <LogoutButton />}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="citizen-main">
        {children.isPending ? (
          <Spinner aria-label="Laster" />
        ) : children.isError && isLoggedOut(children.error) ? (
          <LoginPage />
        ) : children.isError ? (
          <ProblemAlert error={children.error} />
        ) : (
          <Routes>
            <Route index element={<StartPage />} />
            <Route path="saker/:caseId" element={<CasePage />} />
            <Route path="saker/:caseId/skriv" element={<StatementPage />} />
            <Route path="saker/:caseId/innsyn" element={<AccessLogPage />} />
            <Route path="saker/:caseId/samtykker/:consentId/trekk" element={<WithdrawConsentPage />} />
            <Route path="samtykke/:requestId" element={<ConsentRequestPage />} />
            <Route path="*" element={<Navigate to="/innbygger" replace />} />
          </Routes>
        )}
      </main>
    </>
  );
}

function LogoutButton() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      await navigate('/innbygger', { replace: true, state: { loggedOut: true } });
      // The session is gone: reading again gets 401, and the login page shows.
      await client.resetQueries({ queryKey: ['citizen'] });
    },
  });
  return (
    <div className="citizen-logout">
      <Button variant="secondary" data-size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Logg ut
      </Button>
      {signOut.isError && <ProblemAlert error={signOut.error} />}
    </div>
  );
}
