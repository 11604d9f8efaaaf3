import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { ROUTE_LABEL, roleAt, type CaseEvent, type ReportToChildWelfare, type Route } from '@app/domain';
import {
  AppUser,
  CaseLogEntry,
  ChildVoiceRow,
  ChildWelfareReport,
  Measure,
  Municipality,
  Unit,
  type BtiCase,
  type Child,
  type Concern,
} from '@app/persistence';
import { loadReferenceData, type AppConfig, type CatalogItem } from '@app/platform';
import { toActor, type Principal } from '../auth/principal.js';
import { problems, type FieldError } from '../common/problem.js';
import { CaseEventRecorders, type CaseEventRecorder } from '../case-core/case-event-recorders.js';
import { NationalIdCipher } from '../common/national-id.js';
import { MunicipalityProfiles } from '../organisation/municipality-profiles.js';
import { DocumentCipher } from './document-cipher.js';
import type { ChildWelfareReportFieldsDto } from './dto/report-event-fields.dto.js';
import { buildReportDocument, EMAIL_PATTERN, type ReportFacts } from './report-document.js';
import { REPORT_SCHEMA_NAME, validateReportDocument, type SchemaViolation } from './report-schema.js';

/** The case as the event's transaction loaded it. */
export interface ReportedCase {
  row: BtiCase;
  child: Child;
  concern: Concern;
}

/** The event with the report's own facts (the API's flat event body). */
export type ReportEvent = ReportToChildWelfare & ChildWelfareReportFieldsDto;

const ROLE_TITLE: Record<string, string> = {
  unit_leader: 'Enhetsleder',
  staff: 'Ansatt',
  team_member: 'Medlem av tverrfaglig team',
  tfa_coordinator: 'TFA-koordinator',
  iks_coordinator: 'IKS-koordinator',
  iks_member: 'Medlem av IKS',
};

/** Which input field supplies a part of the document, for naming it when the schema refuses it. */
const FIELD_OF_PATH: [RegExp, string][] = [
  [/^\/offentligMelder\/virksomhet\/adresse/, 'unitAddress'],
  [/^\/offentligMelder\/telefonnummer/, 'reporterPhone'],
  [/^\/offentligMelder\/epost/, 'reporterEmail'],
  [/^\/offentligMelder\/rolle/, 'reporterRole'],
  [/^\/offentligBarn\/\d+\/adresse/, 'childAddress'],
  [/^\/offentligBarn\/\d+\/orientert/, 'childInformed'],
  [/^\/foresatte/, 'guardians'],
  [/^\/(kommunenummer|kommunenavn)/, 'municipalityNumber'],
  [/^\/(bydelsnummer|bydelsnavn)/, 'childWelfareDistrict'],
];

export function violationsToFieldErrors(violations: SchemaViolation[]): FieldError[] {
  return violations.map((v) => ({
    field: FIELD_OF_PATH.find(([pattern]) => pattern.test(v.path))?.[1] ?? v.path,
    message: `avvist av KS-skjemaet (${v.path}): ${v.message}`,
  }));
}

const labels = (items: CatalogItem[], codes: string[]) => codes.map((code) => items.find((i) => i.code === code)?.nb ?? code);

/**
 * Records the report to child welfare in the event's own transaction (the case core runs it with
 * `report_to_child_welfare`): gathers the facts, builds the KS Fiks v2 document, validates it
 * against the schema and stores it. A missing or refused fact is a 400 naming the field, and
 * nothing of the event is written.
 */
@Injectable()
export class ChildWelfareReportRecorder implements CaseEventRecorder, OnModuleInit {
  private readonly nationalIds: NationalIdCipher;
  private readonly documents: DocumentCipher;

  constructor(
    private readonly recorders: CaseEventRecorders,
    @Inject(ConfigService) configService: ConfigService,
    private readonly profiles: MunicipalityProfiles,
  ) {
    const { dataEncryptionKey } = configService.getOrThrow<AppConfig>('app');
    this.nationalIds = new NationalIdCipher(dataEncryptionKey);
    this.documents = new DocumentCipher(dataEncryptionKey);
  }

  onModuleInit(): void {
    this.recorders.register('report_to_child_welfare', this);
  }

  /** The event's body carries the report's own facts (the API's flat event body, ReportEvent). */
  async record(em: EntityManager, principal: Principal, reported: ReportedCase, event: CaseEvent, now: Date): Promise<{ childWelfareReportId: string }> {
    return { childWelfareReportId: await this.recordReport(em, principal, reported, event as ReportEvent, now) };
  }

  private async recordReport(em: EntityManager, principal: Principal, reported: ReportedCase, event: ReportEvent, now: Date): Promise<string> {
    const facts = await this.gather(em, principal, reported, event, now);
    const built = buildReportDocument(facts);
    if (!built.ok) throw problems.validation(built.missing, 'Meldingen til barnevernet mangler opplysninger som skjemaet (KS Fiks) krever.');
    const violations = validateReportDocument(built.document);
    if (violations.length) throw problems.validation(violationsToFieldErrors(violations), 'Meldingen til barnevernet følger ikke skjemaet (KS Fiks).');
    const saved = await em.save(
      em.create(ChildWelfareReport, {
        caseId: reported.row.id,
        municipalityId: reported.row.municipalityId,
        unitId: reported.row.unitId,
        reportedById: principal.userId,
        channel: event.channel,
        reference: event.reference?.trim() || null,
        guardiansInformed: event.guardiansInformed,
        schema: REPORT_SCHEMA_NAME,
        documentEncrypted: this.documents.encrypt(JSON.stringify(built.document)),
        status: 'recorded',
        recordedAt: now,
      }),
    );
    return saved.id;
  }

  decryptDocument(report: ChildWelfareReport): unknown {
    return JSON.parse(this.documents.decrypt(report.documentEncrypted));
  }

  /** Facts from the case, the organisation and the event; the event's facts win where both exist. */
  private async gather(em: EntityManager, principal: Principal, { row, child, concern }: ReportedCase, event: ReportEvent, now: Date): Promise<ReportFacts> {
    // One connection per transaction: queries in sequence (pg queues parallel ones anyway, and deprecates it).
    const municipality = await em.findOneByOrFail(Municipality, { id: row.municipalityId });
    // The case's own profile version says where the report goes (DESIGN 12.7: a case follows its version).
    const profile = await this.profiles.get(row.municipalityId, row.profileVersion);
    const unit = await em.findOneByOrFail(Unit, { id: row.unitId });
    const log = await em.find(CaseLogEntry, { where: { caseId: row.id }, order: { at: 'ASC', id: 'ASC' } });
    const measures = await em.find(Measure, { where: { caseId: row.id }, order: { startDate: 'ASC', createdAt: 'ASC' } });
    const reporter = await em.findOneBy(AppUser, { id: principal.userId });
    // The user's registered e-mail, when the schema would take it; the event's wins.
    const registeredEmail = reporter?.email && EMAIL_PATTERN.test(reporter.email) ? reporter.email : null;
    const catalog = loadReferenceData();
    const roleHere = roleAt(toActor(principal), row.unitId);
    const guardians = event.guardians?.length
      ? event.guardians.map((g) => ({ name: g.name, relation: g.relation, parentalResponsibility: g.parentalResponsibility, phone: g.phone ?? null }))
      : child.guardians.map((g) => ({ name: g.name, relation: g.relation, parentalResponsibility: g.parentalResponsibility, phone: g.contact ?? null }));
    // The voices as the events recorded them (child_voice; the log's data keeps no texts).
    const voices = await em.find(ChildVoiceRow, { where: { caseId: row.id }, order: { at: 'ASC', id: 'ASC' } });
    const views = voices.flatMap((voice) => {
      const found: ReportFacts['views'] = [];
      if (voice.view?.trim()) found.push({ at: voice.at, label: 'Barnets syn', text: voice.view });
      if (voice.guardiansView?.trim()) found.push({ at: voice.at, label: 'Foresattes syn', text: voice.guardiansView });
      return found;
    });
    const route = row.route as Route | null;
    return {
      municipality: {
        number: profile.municipalityNumber ?? null,
        name: municipality.name,
        district: profile.childWelfareDistrict ?? null,
      },
      unit: { name: unit.name, organisationNumber: unit.organisationNumber, address: event.unitAddress ?? unit.address },
      reporter: {
        name: principal.displayName,
        role: event.reporterRole?.trim() || ROLE_TITLE[roleHere ?? ''] || 'Ansatt',
        phone: event.reporterPhone ?? null,
        email: event.reporterEmail ?? registeredEmail,
      },
      child: {
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate,
        nationalId: child.nationalIdEncrypted ? this.nationalIds.decrypt(child.nationalIdEncrypted) : null,
        address: event.childAddress ?? child.address,
        informed: event.childInformed ?? null,
        reasonNotInformed: event.reasonChildNotInformed ?? null,
      },
      guardians,
      guardiansInformed: event.guardiansInformed,
      reasonGuardiansNotInformed: event.reasonGuardiansNotInformed ?? null,
      channel: event.channel,
      reference: event.reference ?? null,
      grounds: event.grounds,
      concern: {
        description: concern.description,
        categories: labels(catalog.concernCategories, concern.categories),
        riskFactors: labels(catalog.riskFactors, concern.riskFactors),
        protectiveFactors: labels(catalog.protectiveFactors, concern.protectiveFactors),
        childVoice: concern.childVoice,
        suspectedViolenceOrAbuse: row.suspectedViolenceOrAbuse || concern.suspectedViolenceOrAbuse,
      },
      views,
      history: log.map((entry) => ({ at: entry.at, text: entry.text })),
      measures: measures.map((m) => ({ title: m.title, startDate: m.startDate, active: m.status === 'active' })),
      followedUpBy: route && route !== 'own_unit' ? `${ROUTE_LABEL[route]} (nivå ${row.level})` : null,
      recordedAt: now,
    };
  }
}
