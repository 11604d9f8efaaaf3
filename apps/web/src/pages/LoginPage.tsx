import { Alert, Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { PageHeading } from '../components/PageHeading';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { completeOidcLogin, startOidcLogin } from '../auth/oidc';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/ProblemAlert';
import { ROLE_LABEL, label } from '../labels';

export function useAuthConfig() {
  return useQuery({ queryKey: ['auth-config'], queryFn: () => unwrap(api.GET('/api/v1/auth/config')), staleTime: Infinity });
}

export function LoginPage() {
  const config = useAuthConfig();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const devLogin = useMutation({
    mutationFn: (username: string) => unwrap(api.POST('/api/v1/auth/dev-login', { body: { username } })),
    onSuccess: ({ accessToken }) => {
      signIn(accessToken);
      navigate('/', { replace: true });
    },
  });
  const [oidcError, setOidcError] = useState<unknown>(null);
  const oidc = config.data?.mode === 'oidc' ? config.data : undefined;

  return (
    <main id="main" className="login">
      <PageHeading title="BTI saksflyt" tabTitle="Logg inn" size="lg" />
      <Paragraph>Bekymring for et barn: meld, vurder, beslutt og følg opp etter handlingsveilederen.</Paragraph>
      {config.isPending && <Spinner aria-label="Henter innloggingsvalg" />}
      <ProblemAlert error={config.error ?? devLogin.error ?? oidcError} />
      {config.data?.mode === 'dev' && (
        <section aria-labelledby="demo-heading">
          <Heading level={2} data-size="sm" id="demo-heading">
            Velg en demobruker
          </Heading>
          <Paragraph data-size="sm">Utviklingsmodus: innlogging uten passord, bare for demodata.</Paragraph>
          <ul className="user-picker">
            {config.data.demoUsers?.map((user) => (
              <li key={user.username}>
                <Button
                  variant="secondary"
                  onClick={() => devLogin.mutate(user.username)}
                  disabled={devLogin.isPending}
                  aria-describedby={`role-${user.username}`}
                >
                  {user.displayName}
                </Button>
                <span id={`role-${user.username}`} className="muted">
                  {label(ROLE_LABEL, user.role)} · {user.username}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {oidc && (
        <Card>
          <Heading level={2} data-size="sm">
            Logg inn
          </Heading>
          <Paragraph>Du logges inn med kommunens innloggingstjeneste.</Paragraph>
          <Button
            onClick={() => startOidcLogin(oidc.issuer ?? '', oidc.clientId ?? '').catch(setOidcError)}
          >
            Logg inn med kommunens innlogging
          </Button>
        </Card>
      )}
    </main>
  );
}

/** The issuer redirects here with `?code=…&state=…`. */
export function OidcCallbackPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false); // the code can be redeemed once
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeOidcLogin(window.location.search)
      .then((token) => {
        signIn(token);
        navigate('/', { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'Innloggingen feilet.'));
  }, [signIn, navigate]);
  return (
    <main id="main" className="login">
      <PageHeading title="Logger inn …" />
      {error ? (
        <Alert data-color="danger" role="alert">
          {error} <a href="/">Til innloggingen</a>
        </Alert>
      ) : (
        <Spinner aria-label="Fullfører innloggingen" />
      )}
    </main>
  );
}
