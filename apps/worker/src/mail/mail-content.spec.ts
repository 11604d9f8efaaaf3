import { REMINDER_KINDS } from '@app/domain';
import { caseLink, citizenNoticeMail, digestMail, noticeLabel, noticeMail, osloTime } from './mail-content.js';

const caseId = '0b6f8f0e-7d5e-4a7c-9a53-2f0d3c1e9b11';

describe('mail content', () => {
  it('names the notice in bokmål, the case by its reference, its due time in Oslo time, and links to the case', () => {
    const mail = noticeMail({ type: 'assessment_due', caseId, caseReference: 'BTI-2026-0042', dueAt: new Date('2026-12-01T08:00:00Z'), urgent: false }, 'https://bti.kommune.no');
    expect(mail.subject).toBe('BTI: En sak venter på vurdering (BTI-2026-0042)');
    expect(mail.text).toContain('Sak: BTI-2026-0042');
    expect(mail.text).toContain('Frist: tirsdag 1. desember 2026 kl. 09:00');
    expect(mail.text).toContain(`Åpne saken: https://bti.kommune.no/saker/${caseId}`);
    expect(mail.html).toContain(`<a href="https://bti.kommune.no/saker/${caseId}">`);
  });

  it('urgent notices say so in the subject; a notice without a due time or case still reads well', () => {
    const mail = noticeMail({ type: 'child_welfare_report_missing', caseId: null, caseReference: null, dueAt: null, urgent: true }, 'http://localhost:3000');
    expect(mail.subject).toBe('HASTER: Melding til barnevernet mangler');
    expect(mail.text).not.toContain('Frist');
    expect(mail.text).toContain('Se varslene: http://localhost:3000/varsler');
  });

  it('has a label for every reminder kind, and a neutral one for an unknown type', () => {
    for (const kind of REMINDER_KINDS) expect(noticeLabel(kind)).not.toBe(noticeLabel('something_new'));
    expect(noticeLabel('something_new')).toBe('Nytt varsel i en sak');
  });

  it('shows summer time in Oslo wall time', () => {
    expect(osloTime(new Date('2026-06-15T05:30:00Z'))).toBe('mandag 15. juni 2026 kl. 07:30');
  });

  it('the digest lists every notice with its link and counts them', () => {
    const other = '9a1c2b3d-0000-4000-8000-000000000001';
    const mail = digestMail(
      [
        { type: 'unassigned', caseId, caseReference: 'BTI-2026-0001', dueAt: null, urgent: false },
        { type: 'case_assigned', caseId: other, caseReference: 'BTI-2026-0002', dueAt: null, urgent: false },
      ],
      'https://bti.kommune.no',
      '2026-12-01',
    );
    expect(mail.subject).toBe('BTI: Daglig sammendrag tirsdag 1. desember 2026 (2 varsler)');
    expect(mail.text).toContain(caseLink('https://bti.kommune.no', caseId));
    expect(mail.text).toContain(caseLink('https://bti.kommune.no', other));
    expect(mail.text).toContain('2 nye varsler');
    expect(mail.text).toContain('Sak: BTI-2026-0002');
  });
});

describe("a guardian's e-mail (DESIGN 12.8.11)", () => {
  it('names the kind of notice and the portal, nothing else: no case, no reference', () => {
    for (const kind of ['consent_request', 'log_shared']) {
      const mail = citizenNoticeMail(kind, 'https://bti.kommune.no');
      expect(mail.text).toContain('https://bti.kommune.no/innbygger');
      expect(`${mail.subject}${mail.text}`).not.toMatch(/BTI-\d{4}-|\/saker\//);
    }
    expect(citizenNoticeMail('consent_request', 'https://x').subject).toBe('BTI: Du har fått en forespørsel om samtykke');
  });
});
