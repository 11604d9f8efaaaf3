import { randomBytes } from 'node:crypto';
import { DEMO_CITIZENS } from '@app/persistence';
import { startIdPortenStandIn } from '../../scripts/idporten-standin.mjs';

/** The API's redirect URI in tests: supertest drives the callback itself, so the host is never dialled. */
export const TEST_CALLBACK = 'http://localhost:3000/api/v1/citizen/callback';

/**
 * The local ID-porten stand-in (scripts/idporten-standin.mjs) with the demo identities, and the
 * API's environment for it.
 */
export async function startIdPorten({ redirectUri = TEST_CALLBACK }: { redirectUri?: string } = {}) {
  const client = { clientId: 'bti-test', clientSecret: randomBytes(16).toString('hex'), redirectUris: [redirectUri] };
  const standIn = await startIdPortenStandIn({ identities: DEMO_CITIZENS, clients: [client] });
  return {
    issuer: standIn.issuer,
    env: {
      CITIZEN_OIDC_ISSUER: standIn.issuer,
      CITIZEN_OIDC_CLIENT_ID: client.clientId,
      CITIZEN_OIDC_CLIENT_SECRET: client.clientSecret,
      CITIZEN_OIDC_REDIRECT_URI: redirectUri,
    },
    stop: standIn.stop,
  };
}
