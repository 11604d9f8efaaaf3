import { buildReportDocument, oneLine, sendingTime, type OffentligBekymringsmelding, type ReportFacts } from './report-document.js';
import { renderReportHtml } from './report-html.js';
import { reportSchemaForOpenApi, validateReportDocument } from './report-schema.js';

const RECORDED = new Date('2026-11-30T09:15:00Z');

function facts(overrides: Partial<ReportFacts> = {}): ReportFacts {
  return {
    municipality: { number: '4204', name: 'Kristiansand kommune', district: null },
    unit: { name: 'Solsiden barnehage', organisationNumber: '974123456', address: { line1: 'Solsidevegen 2', postalCode: '4610', postalPlace: 'Kristiansand' } },
    reporter: { name: 'Kari Ansatt', role: 'Pedagogisk leder', phone: '+47 912 34 567', email: 'kari.ansatt@kristiansand.kommune.no' },
    child: {
      firstName: 'Emma',
      lastName: 'Testesen',
      birthDate: '2021-03-14',
      nationalId: '14032112345',
      address: { line1: 'Bakkegata 3', postalCode: '4611', postalPlace: 'Kristiansand' },
      informed: true,
      reasonNotInformed: null,
    },
    guardians: [{ name: 'Mor Testesen', relation: 'mor', parentalResponsibility: true, phone: '41234567' }],
    guardiansInformed: true,
    reasonGuardiansNotInformed: null,
    channel: 'digital',
    reference: null,
    grounds: 'Barnet har gjentatte blåmerker.',
    concern: {
      description: 'Barnet har sluttet å spise lunsj og virker trist.',
      categories: ['Omsorg'],
      riskFactors: ['Foreldrekonflikt'],
      protectiveFactors: ['En trygg voksen'],
      childVoice: 'Sier hun er lei seg.',
      suspectedViolenceOrAbuse: false,
    },
    views: [],
    history: [{ at: new Date('2026-11-02T08:00:00Z'), text: 'Bekymring registrert.' }],
    measures: [{ title: 'Tett oppfølging', startDate: '2026-11-05', active: true }],
    followedUpBy: null,
    recordedAt: RECORDED,
    ...overrides,
  };
}

function built(f: ReportFacts): OffentligBekymringsmelding {
  const result = buildReportDocument(f);
  if (!result.ok) throw new Error(`missing: ${result.missing.map((m) => m.field).join(', ')}`);
  return result.document;
}

describe('buildReportDocument', () => {
  it('builds a document the v2 schema accepts, from the case and the event', () => {
    const doc = built(facts());
    expect(validateReportDocument(doc)).toEqual([]);
    expect(doc).toMatchObject({
      kommunenummer: '4204',
      kommunenavn: 'Kristiansand kommune',
      bydelsnummer: '00',
      bydelsnavn: 'Kristiansand kommune',
      offentligMelder: { personnavn: 'Kari Ansatt', rolle: 'Pedagogisk leder', virksomhet: { navn: 'Solsiden barnehage', orgnr: '974123456' } },
      offentligBarn: [{ fnr: '14032112345', ufoedt: false, personnavn: 'Emma Testesen', orientert: true, adresse: { adresselinje1: 'Bakkegata 3', postnummer: '4611' } }],
      foresatte: [{ personnavn: 'Mor Testesen', telefonnummer: '41234567', orientert: true }],
      sendingstidspunkt: '2026-11-30T10:15:00+01:00',
      leveringskanal: 'Solsiden barnehage',
    });
    expect(doc.melding.melding).toContain('Barnet har gjentatte blåmerker.');
    expect(doc.melding.melding).toContain('Bekymringsområder: Omsorg.');
    expect(doc.melding.historie).toContain('02.11.2026: Bekymring registrert.');
    expect(doc.melding.historie).toContain('Tiltak: Tett oppfølging (fra 05.11.2026)');
    expect(doc.melding.andreSynspunkter).toContain('Barnets stemme (da bekymringen ble meldt): Sier hun er lei seg.');
  });

  it('without a national id: fnr is empty and the message gives the birth date instead', () => {
    const doc = built(facts({ child: { ...facts().child, nationalId: null } }));
    expect(validateReportDocument(doc)).toEqual([]);
    expect(doc.offentligBarn[0].fnr).toBe('');
    expect(doc.melding.melding).toContain('Barnets fødselsdato: 14.03.2021. Fødselsnummer er ikke registrert i saken.');
  });

  it('guardians not informed: every guardian says so, with the reason', () => {
    const doc = built(facts({ guardiansInformed: false, reasonGuardiansNotInformed: 'Mistanke om vold\ni hjemmet.' }));
    expect(validateReportDocument(doc)).toEqual([]);
    expect(doc.foresatte).toEqual([{ personnavn: 'Mor Testesen', telefonnummer: '41234567', orientert: false, orientertGrunn: 'Mistanke om vold i hjemmet.' }]);
  });

  it('names every fact the schema requires and the case lacks, and invents none', () => {
    const result = buildReportDocument(
      facts({
        municipality: { number: null, name: 'Demo kommune', district: null },
        unit: { name: 'Solsiden barnehage', organisationNumber: null, address: null },
        reporter: { name: 'Kari Ansatt', role: 'Ansatt', phone: null, email: ' ' },
        child: { ...facts().child, address: null, informed: null },
        guardians: [],
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.missing.map((m) => m.field)).toEqual([
      'municipalityNumber',
      'unitAddress',
      'reporterPhone',
      'reporterEmail',
      'childAddress',
      'childInformed',
      'guardians',
    ]);
  });

  it('keeps names and reasons on one line, as the schema demands', () => {
    const doc = built(facts({ guardians: [{ name: 'Mor\nTestesen', relation: 'mor', parentalResponsibility: true, phone: null }], child: { ...facts().child, firstName: 'Emma\r\n' } }));
    expect(validateReportDocument(doc)).toEqual([]);
    expect(doc.foresatte[0].personnavn).toBe('Mor Testesen');
    expect(doc.offentligBarn[0].personnavn).toBe('Emma Testesen');
  });

  it('names at most two guardians, those with parental responsibility first, and lists the others in the history', () => {
    const doc = built(
      facts({
        guardians: [
          { name: 'Steforelder', relation: 'stemor', parentalResponsibility: false, phone: null },
          { name: 'Mor', relation: 'mor', parentalResponsibility: true, phone: 'e-post: mor@example.no' },
          { name: 'Far', relation: 'far', parentalResponsibility: true, phone: null },
        ],
      }),
    );
    expect(validateReportDocument(doc)).toEqual([]);
    expect(doc.foresatte.map((f) => f.personnavn)).toEqual(['Mor', 'Far']);
    expect(doc.foresatte[0].telefonnummer).toBeUndefined(); // a contact that is not a phone number is left out
    expect(doc.melding.historie).toContain('Andre foresatte eller omsorgspersoner: Steforelder (stemor).');
  });

  it('uses the configured child-welfare district and says where the case is followed up', () => {
    const doc = built(facts({ municipality: { number: '0301', name: 'Oslo kommune', district: { number: '05', name: 'Grünerløkka' } }, followedUpBy: 'tverrfaglig team (nivå 2)' }));
    expect(validateReportDocument(doc)).toEqual([]);
    expect(doc).toMatchObject({ bydelsnummer: '05', bydelsnavn: 'Grünerløkka', andreHjelpeinstanser: 'Saken følges opp i tverrfaglig team (nivå 2).' });
  });
});

describe('validateReportDocument bites', () => {
  const valid = () => built(facts());

  it('refuses a phone number the schema refuses', () => {
    const doc = valid();
    doc.offentligMelder.telefonnummer = 'ring meg';
    expect(validateReportDocument(doc)).toEqual([{ path: '/offentligMelder/telefonnummer', message: expect.stringContaining('pattern') }]);
  });

  it('refuses a missing required field, a bad municipality number and a time without offset', () => {
    const doc = valid() as unknown as Record<string, unknown>;
    delete doc.melding;
    doc.kommunenummer = '42';
    doc.sendingstidspunkt = '2026-11-30 10:15';
    expect(validateReportDocument(doc).map((v) => v.path).sort()).toEqual(['/kommunenummer', '/melding', '/sendingstidspunkt']);
  });

  it('refuses an address without its first line (the address sub-schema is applied)', () => {
    const doc = valid() as unknown as { offentligBarn: { adresse: object }[] };
    doc.offentligBarn[0].adresse = { poststed: 'Kristiansand' };
    expect(validateReportDocument(doc)).toEqual([{ path: '/offentligBarn/0/adresse/adresselinje1', message: expect.any(String) }]);
  });

  it('refuses three guardians', () => {
    const doc = valid();
    doc.foresatte = [doc.foresatte[0], doc.foresatte[0], doc.foresatte[0]];
    expect(validateReportDocument(doc).map((v) => v.path)).toEqual(['/foresatte']);
  });
});

describe('helpers', () => {
  it('writes the sending time in Oslo time with its offset (winter and summer)', () => {
    expect(sendingTime(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15T13:00:00+01:00');
    expect(sendingTime(new Date('2026-07-15T12:00:00Z'))).toBe('2026-07-15T14:00:00+02:00');
  });
  it('oneLine folds every kind of line break', () => {
    expect(oneLine(' a\r\n b\u2028c\td ')).toBe('a b c d');
  });
  it('the OpenAPI copy of the schema is self-contained', () => {
    const text = JSON.stringify(reportSchemaForOpenApi());
    expect(text).not.toContain('$ref');
    expect(text).toContain('adresselinje1');
  });
});

describe('renderReportHtml', () => {
  it('prints the report in bokmål, escaping every value', () => {
    const doc = built(facts({ grounds: '<script>alert(1)</script> & mer', child: { ...facts().child, nationalId: null } }));
    const html = renderReportHtml(doc, { id: 'r1', status: 'recorded', channel: 'phone', reference: null, recordedAt: RECORDED });
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('Bekymringsmelding til barnevernet');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Ikke registrert (fødselsdato står i meldingen)');
    expect(html).toContain('<dt>Kanal</dt><dd>telefon</dd>');
    expect(html).toContain('@media print');
  });
});
