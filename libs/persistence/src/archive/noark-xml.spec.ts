import { validateNoarkFile } from '../../../../test/harness/noark-validation.js';
import {
  addmlFile, addmlHead, addmlTail, arkivstrukturHead, arkivstrukturTail, caseNumber, endringXml, endringsloggHead, endringsloggTail,
  journalHead, journalRegistreringer, journalTail, saksmappeXml, screenedTitle, type ArchiveCase, type ArchiveMeta,
} from './noark-xml.js';

const meta: ArchiveMeta = { municipalityId: '00000000-0000-4000-8000-000000000001', municipalityName: 'Fjordvik & omegn', from: '2026-01-01', to: '2026-12-31', createdAt: new Date('2027-01-05T10:00:00Z') };
const doc = { path: 'DOKUMENT/2026/42/1.pdf', sha256: 'ab'.repeat(32), size: 1234 };
const theCase: ArchiveCase = {
  id: '11111111-1111-4111-8111-111111111111',
  reference: 'BTI-2026-0042',
  title: 'Bekymring for Ola <Nordmann>',
  publicTitle: screenedTitle('Bekymring for Ola <Nordmann>', ['Ola', '<Nordmann>']),
  createdAt: new Date('2026-03-01T08:00:00Z'),
  closedAt: new Date('2026-09-30T22:30:00Z'),
  unitName: 'Solsiden barnehage',
  coordinatorName: 'Kari Koordinator',
  journalposts: [
    { systemId: '22222222-2222-4222-8222-222222222222', kind: 'concern', title: 'Bekymring', publicTitle: 'Bekymring', at: new Date('2026-03-01T08:00:00Z'), author: 'Kari', journalYear: 2026, journalSequence: 1, number: 1, document: doc },
    { systemId: '33333333-3333-4333-8333-333333333333', kind: 'report', title: 'Melding', publicTitle: 'Melding', at: new Date('2026-04-01T08:00:00Z'), author: 'Kari', journalYear: 2026, journalSequence: 2, number: 2, document: { ...doc, path: 'DOKUMENT/2026/42/2.pdf' } },
  ],
};

describe('Noark 5 v5.0 XML', () => {
  it('reads saksaar and sakssekvensnummer from the case reference', () => {
    expect(caseNumber('BTI-2026-0042')).toEqual({ year: 2026, sequence: 42 });
    expect(caseNumber('BTI-2027-12345')).toEqual({ year: 2027, sequence: 12345 });
    expect(() => caseNumber('X-1')).toThrow();
  });

  it('screens names in public titles', () => {
    expect(theCase.publicTitle).toBe('Bekymring for ***** *****');
  });

  it('arkivstruktur.xml validates against arkivstruktur.xsd, with skjerming and PDF/A-2b documents', async () => {
    const xml = arkivstrukturHead(meta) + saksmappeXml(theCase) + arkivstrukturTail();
    expect(await validateNoarkFile('arkivstruktur.xml', xml)).toEqual([]);
    expect(xml).toContain('<skjermingshjemmel>Offl. § 13 jf. fvl. § 13</skjermingshjemmel>');
    expect(xml).toContain('<saksaar>2026</saksaar><sakssekvensnummer>42</sakssekvensnummer>');
    expect(xml).toContain('<format>fmt/477</format>');
    expect(xml).toContain('<sjekksumAlgoritme>SHA256</sjekksumAlgoritme>');
    expect(xml).toContain('Ola &lt;Nordmann&gt;');
  });

  it('endringslogg and both journals validate; the public journal carries no internal title', async () => {
    expect(await validateNoarkFile('endringslogg.xml', endringsloggHead() + endringXml(theCase) + endringsloggTail())).toEqual([]);
    const loepende = journalHead('loependeJournal', meta, 2) + journalRegistreringer('loependeJournal', theCase) + journalTail('loependeJournal');
    expect(await validateNoarkFile('loependeJournal.xml', loepende)).toEqual([]);
    const offentlig = journalHead('offentligJournal', meta, 2) + journalRegistreringer('offentligJournal', theCase) + journalTail('offentligJournal');
    expect(await validateNoarkFile('offentligJournal.xml', offentlig)).toEqual([]);
    expect(offentlig).not.toContain('Nordmann');
  });

  it('arkivuttrekk.xml validates against ADDML 8.2', async () => {
    const xml = addmlHead(meta, { mapper: 1, registreringer: 2, dokumentobjekter: 2 }) + addmlFile({ path: 'arkivstruktur.xml', sha256: 'cd'.repeat(32), size: 10 }) + addmlFile(doc) + addmlTail();
    expect(await validateNoarkFile('arkivuttrekk.xml', xml)).toEqual([]);
  });

  it('a broken document is reported, so the validation can fail', async () => {
    const xml = arkivstrukturHead(meta) + saksmappeXml(theCase).replace(/<saksstatus>[^<]*<\/saksstatus>/, '') + arkivstrukturTail();
    expect((await validateNoarkFile('arkivstruktur.xml', xml)).length).toBeGreaterThan(0);
  });
});
