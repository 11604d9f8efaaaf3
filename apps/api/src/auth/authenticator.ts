import { Injectable } from '@nestjs/common';
import { problems } from '../common/problem.js';
import { PrincipalService, type StoredPrincipal } from './principal.service.js';
import { TokenService } from './token.service.js';

/** The caller behind an `Authorization: Bearer` header; throws a 401 problem otherwise. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly principals: PrincipalService,
  ) {}

  async authenticate(authorization: string | undefined): Promise<StoredPrincipal> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw problems.unauthenticated();
    let subject: string;
    try {
      subject = (await this.tokens.verify(token)).sub;
    } catch {
      throw problems.unauthenticated('Tokenet er ugyldig eller utløpt.');
    }
    const stored =
      this.tokens.mode === 'dev' ? await this.principals.byUserId(subject) : await this.principals.byExternalSubject(subject);
    if (!stored) throw problems.unauthenticated('Brukeren finnes ikke i løsningen.');
    return stored;
  }
}
