import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, validate } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
import { ROLES } from '@app/domain';
import { AppUser, Cluster, RoleAssignmentRow, Unit } from '@app/persistence';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { problems, type FieldError } from '../../common/problem.js';
import { flattenValidationErrors } from '../../common/validation.js';
import { RowSecurity } from '../../database/row-security.js';
import { changeDetail, USER_FIELDS, USER_PERSONAL } from '../admin-change.js';
import { CreateUserDto, SCOPE_TYPES } from './people.dto.js';
import { PeopleAdmin } from './people.service.js';

const MAX_ROWS = 5000;
const COLUMNS = ['username', 'displayName', 'email', 'externalSubject', 'service', 'role', 'scopeType', 'scopeCode'];

export class UserImportDto {
  @ApiProperty({
    description: `CSV with a header row: ${COLUMNS.join(', ')} (comma or semicolon). A row creates or updates the user by username and grants the role; scopeCode is the unit's or cluster's code (empty for the municipality).`,
    example: 'username;displayName;email;role;scopeType;scopeCode\nlise.larsen;Lise Larsen;lise@kommune.no;staff;unit;solsiden-bhg',
  })
  @IsString()
  @MaxLength(2_000_000)
  csv!: string;
  @ApiPropertyOptional({ default: true, description: 'Report what would happen and change nothing (the default: always try first)' })
  @IsOptional()
  @IsBoolean()
  dryRun: boolean = true;
}

/** One CSV row: the user's fields, and optionally one role. */
class ImportRow extends CreateUserDto {
  @IsOptional() @IsIn(ROLES) role?: string;
  @IsOptional() @IsIn(SCOPE_TYPES) scopeType?: (typeof SCOPE_TYPES)[number];
  @IsOptional() @IsString() @MaxLength(60) scopeCode?: string;
}

export class ImportRowResult {
  @ApiProperty({ description: 'Line in the file (the header is line 1)' }) line!: number;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'error'] }) result!: 'created' | 'updated' | 'unchanged' | 'error';
  @ApiProperty({ description: 'The row’s bad fields, when result is error' }) errors!: FieldError[];
}

export class ImportReport {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [ImportRowResult] }) rows!: ImportRowResult[];
}

class DryRunDone extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Requires('admin.users')
@Controller('admin/users/import')
export class UserImportController {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
    private readonly people: PeopleAdmin,
  ) {}

  /**
   * Imports users from CSV for municipalities without SCIM. Each row runs under a savepoint, so a bad
   * row is reported and the rest go on; a dry run does the same work and rolls it all back.
   */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: ImportReport })
  async import(@CurrentPrincipal() principal: Principal, @Body() dto: UserImportDto): Promise<ImportReport> {
    const records = parseCsv(dto.csv);
    try {
      return await this.rowSecurity.transaction(principal, async (em) => {
        const rows: ImportRowResult[] = [];
        for (const [i, record] of records.entries()) rows.push(await this.importRow(em, principal, i + 2, record));
        const report = { dryRun: dto.dryRun, rows };
        if (dto.dryRun) throw new DryRunDone(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRunDone) return error.report;
      throw error;
    }
  }

  private async importRow(em: EntityManager, principal: Principal, line: number, record: Record<string, string>): Promise<ImportRowResult> {
    const plain = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''));
    const row = plainToInstance(ImportRow, plain);
    const username = typeof plain.username === 'string' ? plain.username : null;
    const invalid = flattenValidationErrors(await validate(row, { whitelist: true, forbidNonWhitelisted: true }));
    if (invalid.length) return { line, username, result: 'error', errors: invalid };
    await em.query('SAVEPOINT import_row');
    try {
      const result = await this.apply(em, principal, row);
      await em.query('RELEASE SAVEPOINT import_row');
      return { line, username, result, errors: [] };
    } catch (error) {
      await em.query('ROLLBACK TO SAVEPOINT import_row');
      const errors = (error as { errors?: FieldError[] }).errors ?? takenField(error);
      if (!errors) throw error;
      return { line, username, result: 'error', errors };
    }
  }

  private async apply(em: EntityManager, principal: Principal, row: ImportRow): Promise<ImportRowResult['result']> {
    // A row without the identity provider's subject keeps the one the user has (a SCIM or earlier import may have set it): clearing it would lock the user out of their login.
    const fields = { displayName: row.displayName, email: row.email ?? null, service: row.service ?? null, ...(row.externalSubject ? { externalSubject: row.externalSubject } : {}) };
    const existing = await em.findOneBy(AppUser, { username: row.username });
    if (existing && existing.municipalityId !== principal.municipalityId) throw problems.validation([{ field: 'username', message: 'er i bruk i en annen kommune' }]);
    if (existing && !existing.active) throw problems.validation([{ field: 'username', message: 'brukeren er deaktivert; aktiver den først' }]);
    let user = existing;
    let result: ImportRowResult['result'] = 'unchanged';
    if (!user) {
      user = await em.save(AppUser, em.create(AppUser, { ...fields, username: row.username, municipalityId: principal.municipalityId, active: true }));
      await this.audit.recordChange(em, principal, 'admin.user.create', changeDetail({ type: 'user', id: user.id }, null, user, USER_FIELDS, USER_PERSONAL));
      result = 'created';
    } else if (Object.entries(fields).some(([k, v]) => user![k as keyof typeof fields] !== v)) {
      const after = { ...user, ...fields };
      await em.update(AppUser, { id: user.id }, fields);
      await this.audit.recordChange(em, principal, 'admin.user.update', changeDetail({ type: 'user', id: user.id }, user, after, USER_FIELDS, USER_PERSONAL));
      result = 'updated';
    }
    if (row.role) {
      const scopeType = row.scopeType ?? 'municipality';
      const scopeId = await this.scopeIdOf(em, principal, scopeType, row.scopeCode);
      await this.people.checkScope(em, principal, row.role, scopeType, scopeId);
      const inserted = await em.createQueryBuilder().insert().into(RoleAssignmentRow).values({ userId: user.id, role: row.role, scopeType, scopeId }).orIgnore().returning('id').execute();
      if (inserted.raw.length) {
        await this.audit.recordChange(em, principal, 'admin.role.grant', { target: { type: 'user', id: user.id }, before: null, after: { role: row.role, scopeType, scopeId } });
        if (result === 'unchanged') result = 'updated';
      }
    }
    return result;
  }

  private async scopeIdOf(em: EntityManager, principal: Principal, scopeType: string, code: string | undefined): Promise<string> {
    if (scopeType === 'municipality') return principal.municipalityId;
    const entity = scopeType === 'unit' ? Unit : Cluster;
    const found = code ? await em.findOneBy(entity, { municipalityId: principal.municipalityId, code }) : null;
    if (!found) throw problems.validation([{ field: 'scopeCode', message: `ingen ${scopeType === 'unit' ? 'enhet' : 'klynge'} med den koden` }]);
    return found.id;
  }
}

/** A unique value another user has (username or externalSubject), as the row's error; null for other errors. */
function takenField(error: unknown): FieldError[] | null {
  const driverError = (error as { driverError?: { code?: string; detail?: string } }).driverError;
  if (driverError?.code !== '23505') return null;
  return [{ field: /Key \("?(\w+)"?\)/.exec(driverError.detail ?? '')?.[1] ?? 'username', message: 'er i bruk fra før' }];
}

/** The file's rows as objects by the header's names; a file that cannot be read is one 400. */
function parseCsv(csv: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, delimiter: [',', ';'], bom: true });
  } catch (error) {
    if (error instanceof CsvError) throw problems.validation([{ field: 'csv', message: `kan ikke leses som CSV (linje ${error.lines ?? '?'})` }]);
    throw error;
  }
  if (records.length > MAX_ROWS) throw problems.validation([{ field: 'csv', message: `høyst ${MAX_ROWS} rader` }]);
  const unknown = Object.keys(records[0] ?? {}).filter((c) => !COLUMNS.includes(c));
  if (unknown.length) throw problems.validation([{ field: 'csv', message: `ukjente kolonner: ${unknown.join(', ')} (kjente: ${COLUMNS.join(', ')})` }]);
  return records;
}
