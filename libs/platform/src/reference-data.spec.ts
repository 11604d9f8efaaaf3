import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { readReferenceData, referenceDataDir } from './reference-data.js';

const bundled = path.join(process.cwd(), 'libs', 'reference-data');

/** A copy of the bundled reference data in a temporary folder, for one test to break. */
function copyOfBundled(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bti-ref-'));
  // Files only: subfolders (the KS report schema) are not the municipality's reference data.
  for (const entry of readdirSync(bundled, { withFileTypes: true })) if (entry.isFile()) copyFileSync(path.join(bundled, entry.name), path.join(dir, entry.name));
  return dir;
}

function edit(dir: string, file: string, change: (json: any) => void): void {
  const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  change(json);
  writeFileSync(path.join(dir, file), JSON.stringify(json));
}

/** The error `readReferenceData` throws for `dir`, which must be one line. */
function failureOf(dir: string): string {
  try {
    readReferenceData(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected the reference data to be refused');
}

describe('reference data', () => {
  let dir: string;
  beforeEach(() => (dir = copyOfBundled()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is found inside the repository by default, never beside it', () => {
    expect(referenceDataDir({})).toBe(bundled);
    expect(referenceDataDir({ REFERENCE_DATA_DIR: dir })).toBe(dir);
  });

  it('the bundled files are valid and hold what round two relies on', () => {
    const data = readReferenceData(bundled);
    expect(data.services.map((s) => s.code)).toEqual(expect.arrayContaining(['ppt', 'health_station', 'tfa', 'iks', 'receiving_unit']));
    expect(data.riskFactors.find((r) => r.code === 'serious_violations')?.indicatesAbuse).toBe(true);
    expect(data.municipalities.every((p) => p.selfConsentAge === 15 || p.selfConsentAge === 16)).toBe(true);
  });

  it('a missing file names the file', () => {
    unlinkSync(path.join(dir, 'services.json'));
    expect(failureOf(dir)).toMatch(/services\.json mangler/);
  });

  it('a file that is not JSON names the file', () => {
    writeFileSync(path.join(dir, 'measures.json'), '{"items": [');
    expect(failureOf(dir)).toMatch(/measures\.json er ikke gyldig JSON/);
  });

  it.each([
    ['an entry without a bokmål name', 'protective-factors.json', (j: any) => delete j.items[1].nb, /protective-factors\.json, items\[1\] \(\w+\): «nb»/],
    ['a malformed code', 'concern-categories.json', (j: any) => (j.items[0].code = 'Vold!'), /concern-categories\.json, items\[0\]: «code»/],
    ['a duplicate code', 'services.json', (j: any) => j.items.push({ ...j.items[0] }), /services\.json, items\[\d+\] \(ppt\): koden finnes fra før/],
    ['a non-boolean indicatesAbuse', 'risk-factors.json', (j: any) => (j.items[0].indicatesAbuse = 'yes'), /risk-factors\.json, items\[0\] \(\w+\): «indicatesAbuse»/],
    ['an unknown measure level', 'measures.json', (j: any) => (j.items[0].levels = ['sometimes']), /measures\.json, items\[0\] \(\w+\): «levels»/],
  ])('%s names file and entry', (_name, file, change, expected) => {
    edit(dir, file, change);
    expect(failureOf(dir)).toMatch(expected);
  });

  it.each([
    ['an unknown route', (p: any) => p.routes.push('police_route'), /ukjent rute "police_route"/],
    ['an arena for a route it does not enable', (p: any) => (p.arenas = { ...p.arenas, iks: 'x' }), /«arenas» nevner iks/],
    ['an unknown reminder', (p: any) => (p.reminders = { REMINDER_SOMETIMES: 'P1D' }), /ukjent påminnelse REMINDER_SOMETIMES/],
    ['a malformed reminder duration', (p: any) => (p.reminders = { REMINDER_TFA_FOLLOW_UP: '14 days' }), /REMINDER_TFA_FOLLOW_UP må være en positiv ISO 8601-varighet/],
    ['a self-consent age the law does not know', (p: any) => (p.selfConsentAge = 12), /«selfConsentAge» må være 15 eller 16/],
    ['a municipality number that is not four digits', (p: any) => (p.municipalityNumber = '42'), /«municipalityNumber» må være fire siffer/],
    ['a child-welfare district without a two-digit number', (p: any) => (p.childWelfareDistrict = { number: '5', name: 'Sentrum' }), /«childWelfareDistrict» må være/],
  ])('a profile with %s names the profile', (_name, change, expected) => {
    edit(dir, 'municipalities.json', (j) => change(j.profiles[0]));
    const message = failureOf(dir);
    expect(message).toMatch(/municipalities\.json, profiles\[0\] \(kristiansand\)/);
    expect(message).toMatch(expected);
  });
});
