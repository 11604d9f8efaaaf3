import { createHash, randomBytes } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { may, type RoleAssignment } from '@app/domain';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { problems } from '../../common/problem.js';
import { RowSecurity } from '../../database/row-security.js';
import { KnownId } from '../admin-access.js';

export class ScimTokenCreated {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Shown this once; only its SHA-256 is stored' }) token!: string;
}

export class ScimTokenView {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Who a SCIM request acts for: the token's municipality, and the admin who made the token (the audit's actor). */
export interface ScimCaller {
  municipalityId: string;
  actorId: string;
  actorUsername: string;
}

/**
 * The caller behind a SCIM bearer token, or null: a token counts while it is not revoked and its
 * maker is still an active admin of the municipality (an admin who leaves takes the tokens along).
 */
export async function scimCallerOf(dataSource: DataSource, authorization: string | undefined): Promise<ScimCaller | null> {
  const [scheme, token] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return null;
  const [caller]: ScimCaller[] = await dataSource.query(
    `SELECT t."municipalityId", u.id AS "actorId", u.username AS "actorUsername"
     FROM scim_token t JOIN app_user u ON u.id = t."createdBy" AND u.active
     WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL`,
    [hashToken(token)],
  );
  if (!caller) return null;
  // The maker must still be one who may manage the municipality's users (the permission table's `admin.users`).
  const roles: RoleAssignment[] = await dataSource.query(`SELECT role, "scopeType", "scopeId" FROM role_assignment WHERE "userId" = $1`, [caller.actorId]);
  return may({ userId: caller.actorId, municipalityId: caller.municipalityId, roles }, 'admin.users') ? caller : null;
}

@ApiTags('admin')
@ApiBearerAuth()
@Requires('admin.users')
@Controller('admin/scim-tokens')
export class ScimTokensController {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ScimTokenCreated })
  create(@CurrentPrincipal() principal: Principal): Promise<ScimTokenCreated> {
    const token = `scim_${randomBytes(32).toString('base64url')}`;
    return this.rowSecurity.transaction(principal, async (em) => {
      const [{ id }] = await em.query(`INSERT INTO scim_token ("municipalityId", "tokenHash", "createdBy") VALUES ($1, $2, $3) RETURNING id`, [
        principal.municipalityId,
        hashToken(token),
        principal.userId,
      ]);
      await this.audit.recordChange(em, principal, 'admin.scim-token.create', { target: { type: 'scim-token', id }, before: null, after: { active: true } });
      return { id, token };
    });
  }

  @Get()
  @ApiOkResponse({ type: [ScimTokenView] })
  list(@CurrentPrincipal() principal: Principal): Promise<ScimTokenView[]> {
    return this.rowSecurity.transaction(principal, (em) =>
      em.query(`SELECT id, "createdAt", "createdBy", "revokedAt" FROM scim_token WHERE "municipalityId" = $1 ORDER BY "createdAt" DESC`, [principal.municipalityId]),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string): Promise<void> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const [rows] = await em.query(`UPDATE scim_token SET "revokedAt" = now() WHERE id = $1 AND "municipalityId" = $2 AND "revokedAt" IS NULL RETURNING id`, [id, principal.municipalityId]);
      if (!rows.length) throw problems.notFound('Fant ikke et gyldig token med den id-en.');
      await this.audit.recordChange(em, principal, 'admin.scim-token.revoke', { target: { type: 'scim-token', id }, before: { active: true }, after: { active: false } });
    });
  }
}
