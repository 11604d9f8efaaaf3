import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { problems, ProblemException } from '../../common/problem.js';
import { RowSecurity } from '../../database/row-security.js';
import { MunicipalityProfiles } from '../../organisation/municipality-profiles.js';
import type { ProfileVersionView, ProfileView, PublishedView } from './profile.dto.js';
import { validateProfileDocument } from './profile-schema.js';

const VERSION_COLUMNS = `version, document, "createdAt", "publishedAt", "publishedBy"`;

/** The municipality's profile as versions: one draft is edited and published; published versions never change (DESIGN 12.7). */
@Injectable()
export class ProfileAdmin {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
    private readonly profiles: MunicipalityProfiles,
  ) {}

  get(principal: Principal): Promise<ProfileView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const versions: ProfileVersionView[] = await em.query(
        `SELECT ${VERSION_COLUMNS} FROM municipality_profile_version WHERE "municipalityId" = $1 ORDER BY version DESC`,
        [principal.municipalityId],
      );
      return {
        published: versions.find((v) => v.publishedAt !== null) ?? null,
        draft: versions.find((v) => v.publishedAt === null) ?? null,
        versions: versions.map(({ version, publishedAt }) => ({ version, publishedAt })),
      };
    });
  }

  /** Creates the draft (the next version number) or replaces its document. */
  saveDraft(principal: Principal, document: Record<string, unknown>): Promise<ProfileVersionView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      assertValid(document);
      await lockProfile(em, principal.municipalityId);
      const [draft] = await em.query(`SELECT version FROM municipality_profile_version WHERE "municipalityId" = $1 AND "publishedAt" IS NULL`, [principal.municipalityId]);
      const [row]: ProfileVersionView[] = draft
        ? (await em.query(`UPDATE municipality_profile_version SET document = $3 WHERE "municipalityId" = $1 AND version = $2 RETURNING ${VERSION_COLUMNS}`, [principal.municipalityId, draft.version, document]))[0]
        : await em.query(
            `INSERT INTO municipality_profile_version ("municipalityId", version, document)
             SELECT $1, coalesce(max(version), 0) + 1, $2 FROM municipality_profile_version WHERE "municipalityId" = $1
             RETURNING ${VERSION_COLUMNS}`,
            [principal.municipalityId, document],
          );
      await this.audit.recordChange(em, principal, 'admin.profile.draft', { target: { type: 'profile', id: principal.municipalityId }, before: null, after: { version: row.version } });
      return row;
    });
  }

  /**
   * Changes one version by number: the draft's document changes; a published version refuses with
   * 409 (the table's trigger says so, whatever this code checks).
   */
  saveVersion(principal: Principal, version: number, document: Record<string, unknown>): Promise<ProfileVersionView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      assertValid(document);
      const [rows] = await em.query(
        `UPDATE municipality_profile_version SET document = $3 WHERE "municipalityId" = $1 AND version = $2 RETURNING ${VERSION_COLUMNS}`,
        [principal.municipalityId, version, document],
      );
      if (!rows.length) throw problems.notFound('Fant ikke versjonen.');
      await this.audit.recordChange(em, principal, 'admin.profile.draft', { target: { type: 'profile', id: principal.municipalityId }, before: null, after: { version } });
      return rows[0];
    });
  }

  publish(principal: Principal): Promise<PublishedView> {
    return this.rowSecurity
      .transaction(principal, async (em) => {
        await lockProfile(em, principal.municipalityId);
        const [rows] = await em.query(
          `UPDATE municipality_profile_version SET "publishedAt" = now(), "publishedBy" = $2
           WHERE "municipalityId" = $1 AND "publishedAt" IS NULL RETURNING version, document`,
          [principal.municipalityId, principal.userId],
        );
        if (!rows.length) throw new ProblemException(409, 'NO_DRAFT', 'Det finnes ingen kladd å publisere.');
        // Checked again: the schema may have grown stricter since the draft was saved.
        assertValid(rows[0].document);
        await this.audit.recordChange(em, principal, 'admin.profile.publish', { target: { type: 'profile', id: principal.municipalityId }, before: null, after: { version: rows[0].version } });
        return { version: rows[0].version as number };
      })
      .finally(() => this.profiles.invalidate(principal.municipalityId));
  }
}

/** Drafts and publications of one municipality one at a time (the version numbers follow each other). */
async function lockProfile(em: EntityManager, municipalityId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('bti_profile:' || $1::text))`, [municipalityId]);
}

function assertValid(document: unknown): void {
  const errors = validateProfileDocument(document);
  if (errors.length) {
    throw new ProblemException(422, 'PROFILE_INVALID', 'Profilen følger ikke skjemaet: se errors.', undefined, { errors });
  }
}
