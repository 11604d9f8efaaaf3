import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PostalAddressValue } from './case.entities.js';

/** What a municipality enables (routes, IKS core group, reminder overrides); from municipalities.json. */
export interface MunicipalityProfile {
  routes: string[];
  iksCoreGroup?: string[];
  iksCasesPerYear?: [number, number];
  reminders?: Record<string, string>;
  arenas?: Record<string, string>;
  /** Kommunenummer, for the report to child welfare. */
  municipalityNumber?: string;
  /** The child-welfare office (bydel) reports go to; none → "00" and the municipality's name. */
  childWelfareDistrict?: { number: string; name: string };
  /** The age from which a young person consents alone (15 or 16; DESIGN 8.3). */
  selfConsentAge?: number;
  /** When a digital consent takes effect (DESIGN 12.4): every guardian with parental responsibility (default) or one. */
  consentRequires?: 'all_with_responsibility' | 'one';
}

/** Kommune: the tenant. */
@Entity('municipality')
export class Municipality {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 60, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'jsonb' }) profile!: MunicipalityProfile;
}

/** Klynge: a group of units sharing an interdisciplinary team. */
@Entity('cluster')
@Unique(['municipalityId', 'code'])
export class Cluster {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => Municipality, { name: 'FK_cluster_municipalityId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'varchar', length: 60 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  /** Deactivated, never deleted: units keep their cluster. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

export const UNIT_KINDS = ['health_station', 'kindergarten', 'primary_school', 'lower_secondary_school', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Enhet ("hus"): a kindergarten, school or health station. */
@Entity('unit')
@Unique(['municipalityId', 'code'])
export class Unit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => Municipality, { name: 'FK_unit_municipalityId', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) municipalityId!: string;
  @ForeignKey(() => Cluster, { name: 'FK_unit_clusterId', onDelete: 'RESTRICT' }) @Index() @Column({ type: 'uuid' }) clusterId!: string;
  @Column({ type: 'varchar', length: 60 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: UnitKind;
  /** Postal address and organisation number: the sender block of a report to child welfare. */
  @Column({ type: 'jsonb', nullable: true }) address!: PostalAddressValue | null;
  @Column({ type: 'varchar', length: 9, nullable: true }) organisationNumber!: string | null;
  /** Deactivated, never deleted: cases keep their unit. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity('app_user')
export class AppUser {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => Municipality, { name: 'FK_app_user_municipalityId', onDelete: 'RESTRICT' }) @Index() @Column({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'varchar', length: 100, unique: true }) username!: string;
  @Column({ type: 'varchar', length: 200 }) displayName!: string;
  /** The `sub` claim of the municipality's identity provider; null for demo users. */
  @Column({ type: 'varchar', length: 200, nullable: true, unique: true }) externalSubject!: string | null;
  /** Where e-mail notices go (DESIGN section 10); null: in-app notifications only. */
  @Column({ type: 'varchar', length: 320, nullable: true }) email!: string | null;
  /** The service (services.json) a team, TFA or IKS member works in; consent names services (DESIGN 8.3). */
  @Column({ type: 'varchar', length: 40, nullable: true }) service!: string | null;
  /** A seeded demo user: the only kind dev login gives a token (DESIGN 12.8.4). Set by the demo seed alone. */
  @Column({ type: 'boolean', default: false }) demo!: boolean;
  /** A deactivated user is refused on their next request (the identity statement checks it). */
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('role_assignment')
@Unique(['userId', 'role', 'scopeType', 'scopeId'])
export class RoleAssignmentRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey(() => AppUser, { name: 'FK_role_assignment_userId', onDelete: 'CASCADE' }) @Index() @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', length: 40 }) role!: string;
  /** `platform`: the operator's scope, outside every municipality (scopeId is the nil uuid, PLATFORM_SCOPE_ID). */
  @Column({ type: 'varchar', length: 20 }) scopeType!: 'unit' | 'cluster' | 'municipality' | 'platform';
  @Index() @Column({ type: 'uuid' }) scopeId!: string;
}

/**
 * One version of a municipality's profile (DESIGN 12.7): a draft (`publishedAt` null, at most one)
 * or a published version, which a trigger keeps from ever changing. Cases keep theirs. Defined by
 * its hand-written migration (partial unique index, triggers): `synchronize: false`.
 */
@Entity('municipality_profile_version', { synchronize: false })
export class MunicipalityProfileVersion {
  @PrimaryColumn({ type: 'uuid' }) municipalityId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) document!: MunicipalityProfile;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy!: string | null;
}

/** A SCIM bearer token of a municipality: only its SHA-256 is stored. Hand-written migration. */
@Entity('scim_token', { synchronize: false })
export class ScimToken {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'char', length: 64 }) tokenHash!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'uuid' }) createdBy!: string;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

/** A group of the identity provider (SCIM) and the role and scope its members get; null until the admin maps it. */
@Entity('scim_group', { synchronize: false })
export class ScimGroup {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) municipalityId!: string;
  @Column({ type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) externalId!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) role!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) scopeType!: 'unit' | 'cluster' | 'municipality' | null;
  @Column({ type: 'uuid', nullable: true }) scopeId!: string | null;
}

@Entity('scim_group_member', { synchronize: false })
export class ScimGroupMember {
  @PrimaryColumn({ type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
}
