import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loggerParams, REDACTED_PATHS } from './logging.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('log redaction', () => {
  const params = loggerParams({ logLevel: 'info' }) as { pinoHttp: { redact: { paths: string[]; censor: string } } };

  it('uses the shared list of personal-data paths', () => {
    expect(params.pinoHttp.redact.paths).toBe(REDACTED_PATHS);
  });

  it('removes names, national ids, free text and tokens passed in log objects by mistake', () => {
    const { lines, stream } = capture();
    const logger = pino({ redact: params.pinoHttp.redact }, stream);
    logger.info(
      {
        child: { firstName: 'Emma', lastName: 'Testesen', nationalId: '13097248022', guardians: [{ name: 'Mor' }] },
        concern: { description: 'Barnet gråter', childVoice: 'Jeg er lei meg' },
        req: { headers: { authorization: 'Bearer secret-token' } },
        caseId: 'c-1',
      },
      'opprettet',
    );
    const line = lines.join('');
    for (const secret of ['Emma', 'Testesen', '13097248022', 'Mor', 'Barnet gråter', 'Jeg er lei meg', 'secret-token']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('c-1');
    expect(line).toContain('[skjult]');
  });

  it('logs request paths without query strings', () => {
    const serializers = (loggerParams({ logLevel: 'info' }) as { pinoHttp: { serializers: { req: (r: object) => object } } }).pinoHttp.serializers;
    expect(serializers.req({ id: '1', method: 'GET', url: '/api/v1/cases?name=Emma' })).toEqual({ id: '1', method: 'GET', path: '/api/v1/cases' });
  });
});
