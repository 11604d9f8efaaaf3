import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArchivePdf } from './archive-pdf.js';

describe('archive PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bti-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is PDF/A-2b by its XMP metadata, embeds its font, and reports its own checksum and size', async () => {
    const path = join(dir, '1.pdf');
    const result = await writeArchivePdf(path, { title: 'Bekymring – BTI-2026-0001', subtitle: 'Solsiden barnehage', sections: [{ heading: 'Bekymringen', paragraphs: ['Æ ø å – «sitat»'] }] }, new Date('2026-05-01T10:00:00Z'));
    const bytes = readFileSync(path);
    expect(result.size).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(text).toContain('/OutputIntents');
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
  });
});
