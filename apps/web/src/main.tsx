import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { Spinner } from '@digdir/designsystemet-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { App } from './App';
import { SessionProvider } from './auth/session';

// The family's door (/innbygger) is its own lazy app: no staff session, header or login.
const CitizenApp = lazy(() => import('./citizen/CitizenApp'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <BrowserRouter>
      <Routes>
        <Route
          path="/innbygger/*"
          element={
            <Suspense fallback={<Spinner aria-label="Laster" />}>
              <CitizenApp />
            </Suspense>
          }
        />
        <Route
          path="*"
          element={
            <SessionProvider>
              <App />
            </SessionProvider>
          }
        />
      </Routes>
    </BrowserRouter>
  </QueryClientProvider>,
);
