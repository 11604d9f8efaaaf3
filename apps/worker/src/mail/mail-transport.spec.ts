import { describeMailError, MailTransport } from './mail-transport.js';

describe('mail transport', () => {
  it('derives Message-IDs from the row id and the domain of MAIL_FROM', () => {
    const transport = new MailTransport({ smtpUrl: 'smtp://127.0.0.1:1', from: 'BTI <bti-varsel@kommune.no>', publicUrl: 'https://bti.kommune.no' });
    try {
      expect(transport.messageIdFor('notice', 'abc')).toBe('<notice.abc@kommune.no>');
      expect(transport.messageIdFor('digest', 'abc')).toBe('<digest.abc@kommune.no>');
    } finally {
      transport.close();
    }
  });

  it('keeps addresses and line breaks out of a recorded SMTP error', () => {
    const error = new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <kari.ansatt@demo.bti.local>:\n Recipient address rejected');
    const described = describeMailError(error);
    expect(described).not.toContain('kari.ansatt');
    expect(described).not.toContain('\n');
    expect(described).toContain('550 5.1.1');
  });
});
