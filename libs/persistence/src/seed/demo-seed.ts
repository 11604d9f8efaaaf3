import type { DataSource, EntityManager } from 'typeorm';
import { PLATFORM_SCOPE_ID } from '@app/domain';
import { loadReferenceData, type ReferenceProfile } from '@app/platform';
import { AppUser, Cluster, Municipality, RoleAssignmentRow, Unit, type PostalAddressValue, type UnitKind } from '../entities/index.js';

/** The demo municipality of DESIGN section 7, relied on by outside tests: keep codes and usernames stable. */
const DEMO_CLUSTERS = [
  { code: 'sentrum', name: 'Sentrum' },
  { code: 'frei', name: 'Frei' },
];
// Demo addresses are made up (the demo municipality is not a real one); a real unit's comes from its register.
const DEMO_UNITS: { code: string; name: string; kind: UnitKind; cluster: string; address: PostalAddressValue }[] = [
  { code: 'solsiden-bhg', name: 'Solsiden barnehage', kind: 'kindergarten', cluster: 'sentrum', address: { line1: 'Solsidevegen 2', postalPlace: 'Demo' } },
  { code: 'bakken-skole', name: 'Bakken skole', kind: 'primary_school', cluster: 'sentrum', address: { line1: 'Skolebakken 10', postalPlace: 'Demo' } },
  { code: 'fjordglott-us', name: 'Fjordglott ungdomsskole', kind: 'lower_secondary_school', cluster: 'frei', address: { line1: 'Fjordvegen 5', postalPlace: 'Demo' } },
  { code: 'helsestasjon-sentrum', name: 'Helsestasjon Sentrum', kind: 'health_station', cluster: 'sentrum', address: { line1: 'Torget 1', postalPlace: 'Demo' } },
];
/** The audit trail's actor for jobs and one-shot tasks (as the archive extraction's). */
const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
type Scope = { unit: string } | { cluster: string } | 'municipality' | 'platform';
/** `service`: the service (services.json) a team, TFA or IKS member works in (DESIGN 8.3, 8.11). */
export const DEMO_USERS: { username: string; displayName: string; role: string; scope: Scope; service?: string }[] = [
  { username: 'kari.ansatt', displayName: 'Kari Ansatt', role: 'staff', scope: { unit: 'solsiden-bhg' } },
  { username: 'ola.leder', displayName: 'Ola Leder', role: 'unit_leader', scope: { unit: 'solsiden-bhg' } },
  { username: 'nina.ansatt', displayName: 'Nina Ansatt', role: 'staff', scope: { unit: 'bakken-skole' } },
  { username: 'berit.leder', displayName: 'Berit Leder', role: 'unit_leader', scope: { unit: 'bakken-skole' } },
  { username: 'per.ppt', displayName: 'Per PPT', role: 'team_member', scope: { cluster: 'sentrum' }, service: 'ppt' },
  { username: 'hanne.helse', displayName: 'Hanne Helse', role: 'team_member', scope: { cluster: 'sentrum' }, service: 'health_station' },
  { username: 'tor.tfa', displayName: 'Tor TFA', role: 'tfa_coordinator', scope: 'municipality', service: 'tfa' },
  { username: 'siri.iks', displayName: 'Siri IKS', role: 'iks_coordinator', scope: 'municipality', service: 'iks' },
  { username: 'anne.admin', displayName: 'Anne Admin', role: 'admin', scope: 'municipality' },
  { username: 'eva.revisor', displayName: 'Eva Revisor', role: 'auditor', scope: 'municipality' },
  { username: 'lars.analytiker', displayName: 'Lars Analytiker', role: 'analyst', scope: 'municipality' },
  // Operates the job queues of the whole platform; no municipality role, reads no case (DESIGN 12.8 item 10).
  { username: 'ole.operator', displayName: 'Ole Operatør', role: 'operator', scope: 'platform' },
  { username: 'arne.arkivar', displayName: 'Arne Arkivar', role: 'archivist', scope: 'municipality' },
  // The demo youth's school (DESIGN 12.4 demo identities).
  { username: 'tone.ansatt', displayName: 'Tone Ansatt', role: 'staff', scope: { unit: 'fjordglott-us' } },
  { username: 'geir.leder', displayName: 'Geir Leder', role: 'unit_leader', scope: { unit: 'fjordglott-us' } },
];

/** `demo` enables every route and borrows Kristiansund's IKS set-up, so every path can be tried. */
function demoProfile(profiles: ReferenceProfile[]): ReferenceProfile {
  const kristiansund = profiles.find((p) => p.code === 'kristiansund');
  return {
    code: 'demo',
    name: 'Demo kommune',
    routes: ['own_unit', 'interdisciplinary_team', 'tfa', 'iks'],
    clusters: DEMO_CLUSTERS.map((c) => c.name),
    iksCoreGroup: kristiansund?.iksCoreGroup,
    iksCasesPerYear: kristiansund?.iksCasesPerYear,
    // No municipality has 0000, so a demo report to child welfare can never reach a real office.
    municipalityNumber: '0000',
    selfConsentAge: 16,
    retention: { closedCaseAccess: 'P90D', closedCaseKeep: 'P3Y', archive: true },
  };
}

/**
 * A municipality and its profile from the repository's JSON (DESIGN 12.8.3). A new municipality's
 * profile becomes published version 1 (trigger of migration MunicipalityAdministration). Later, a
 * version is never changed: JSON that changed since the seed last imported it (`municipality.profile`)
 * and differs from the latest version becomes a draft for the admin to review and publish. While the
 * admin has a draft of their own, the import waits (`profile` keeps the old JSON, so the next run
 * tries again); JSON that did not change never brings back what the admin has since published.
 */
export async function seedMunicipality(em: EntityManager, profile: ReferenceProfile): Promise<Municipality> {
  const { code, name, ...document } = profile;
  const [found] = (await em.query(`SELECT id, profile = $2::jsonb AS imported FROM municipality WHERE code = $1`, [code, document])) as { id: string; imported: boolean }[];
  if (!found) {
    await em.insert(Municipality, { code, name, profile: document });
    return em.findOneByOrFail(Municipality, { code });
  }
  await em.update(Municipality, { id: found.id }, { name });
  if (!found.imported) await importChangedProfile(em, found.id, document);
  return em.findOneByOrFail(Municipality, { code });
}

async function importChangedProfile(em: EntityManager, municipalityId: string, document: object): Promise<void> {
  // The same lock as the admin's draft and publish (ProfileAdmin): version numbers follow each other.
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('bti_profile:' || $1::text))`, [municipalityId]);
  const [latest] = (await em.query(
    `SELECT version, document = $2::jsonb AS same, "publishedAt" IS NULL AS draft FROM municipality_profile_version
     WHERE "municipalityId" = $1 ORDER BY version DESC LIMIT 1`,
    [municipalityId, document],
  )) as { version: number; same: boolean; draft: boolean }[];
  if (latest && latest.draft && !latest.same) return;
  if (!latest?.same) {
    const version = (latest?.version ?? 0) + 1;
    await em.query(`INSERT INTO municipality_profile_version ("municipalityId", version, document) VALUES ($1, $2, $3)`, [municipalityId, version, document]);
    await em.query(
      `INSERT INTO "audit_event" ("municipalityId", "actorId", "actorUsername", "action", "caseId", "at", "requestId", "purpose", "detail")
       VALUES ($1, $2, 'system', 'admin.profile.import', NULL, now(), 'seed', 'profil fra repositoriet som kladd', $3)`,
      [municipalityId, SYSTEM_ACTOR_ID, { target: { type: 'profile', id: municipalityId }, before: null, after: { version } }],
    );
  }
  await em.update(Municipality, { id: municipalityId }, { profile: document as Municipality['profile'] });
}

async function upsertBy<T extends object>(em: EntityManager, entity: new () => T, where: Partial<T>, values: Partial<T>): Promise<T> {
  const found = await em.findOneBy(entity, where as never);
  if (found) {
    await em.update(entity, where as never, values as never);
    return em.findOneByOrFail(entity, where as never);
  }
  return em.save(entity, em.create(entity, { ...where, ...values } as never));
}

/**
 * The JSON profile becomes version 1 where a municipality has no version yet; a version that exists
 * is never touched (DESIGN 12.8.3): later changes are the admin's drafts, not the seed's.
 */
async function seedFirstProfileVersions(em: EntityManager): Promise<void> {
  await em.query(
    `INSERT INTO municipality_profile_version ("municipalityId", version, document, "publishedAt")
     SELECT m.id, 1, m.profile, now() FROM municipality m
     WHERE NOT EXISTS (SELECT 1 FROM municipality_profile_version v WHERE v."municipalityId" = m.id)`,
  );
}

/** Seeds the reference municipalities and the demo organisation. Safe to run at every start. */
export async function seedDemoData(dataSource: DataSource): Promise<void> {
  const { municipalities } = loadReferenceData();
  await dataSource.transaction(async (em) => {
    for (const profile of municipalities) await seedMunicipality(em, profile);
    const demo = await seedMunicipality(em, demoProfile(municipalities));
    await seedFirstProfileVersions(em);

    const clusters = new Map<string, Cluster>();
    for (const c of DEMO_CLUSTERS) {
      clusters.set(c.code, await upsertBy(em, Cluster, { municipalityId: demo.id, code: c.code }, { name: c.name }));
    }
    const units = new Map<string, Unit>();
    for (const u of DEMO_UNITS) {
      const values = { name: u.name, kind: u.kind, clusterId: clusters.get(u.cluster)!.id, address: u.address };
      units.set(u.code, await upsertBy(em, Unit, { municipalityId: demo.id, code: u.code }, values));
    }
    for (const u of DEMO_USERS) {
      const user = await upsertBy(em, AppUser, { username: u.username }, {
        municipalityId: demo.id,
        displayName: u.displayName,
        email: `${u.username}@demo.bti.local`,
        service: u.service ?? null,
        demo: true,
      });
      const scope =
        u.scope === 'municipality'
          ? { scopeType: 'municipality' as const, scopeId: demo.id }
          : u.scope === 'platform'
            ? { scopeType: 'platform' as const, scopeId: PLATFORM_SCOPE_ID }
            : 'unit' in u.scope
            ? { scopeType: 'unit' as const, scopeId: units.get(u.scope.unit)!.id }
            : { scopeType: 'cluster' as const, scopeId: clusters.get(u.scope.cluster)!.id };
      await em
        .createQueryBuilder()
        .insert()
        .into(RoleAssignmentRow)
        .values({ userId: user.id, role: u.role, ...scope })
        .orIgnore()
        .execute();
    }
  });
}
