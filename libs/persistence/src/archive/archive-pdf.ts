import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { bundledReferenceDataDir } from '@app/platform';

/** A document of the archive package as text: a title and sections of paragraphs. */
export interface ArchivePdfContent {
  title: string;
  /** Shown under the title (the case reference, the unit). */
  subtitle: string;
  sections: { heading: string; paragraphs: string[] }[];
}

/**
 * DejaVu Sans (libs/reference-data/fonts/SOURCE.md): PDF/A requires every font embedded. Parsed
 * once per process and shared by every document (pdfkit takes a fontkit font): parsing and laying
 * out the font anew for each document cost ~200 ms and most of the memory of an extraction.
 */
let sharedFont: fontkit.Font | undefined;
function font(): fontkit.Font {
  sharedFont ??= fontkit.create(readFileSync(join(bundledReferenceDataDir(), 'fonts', 'DejaVuSans.ttf'))) as fontkit.Font;
  return sharedFont;
}

/**
 * Writes `content` as PDF/A-2b (pdfkit's PDF/A subset: the XMP metadata declares pdfaid part 2,
 * conformance B; sRGB output intent; the font embedded) to `path`, hashing while it streams.
 */
export async function writeArchivePdf(path: string, content: ArchivePdfContent, createdAt: Date): Promise<{ sha256: string; size: number }> {
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    size: 'A4',
    margin: 56,
    lang: 'nb-NO',
    // pdfkit's types name a path only; its font factory also takes a fontkit font.
    font: font() as unknown as string,
    info: { Title: content.title, Creator: 'BTI saksflyt', Producer: 'BTI saksflyt', CreationDate: createdAt, ModDate: createdAt },
    displayTitle: true,
  });
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(doc, measure, createWriteStream(path));
  doc.fontSize(16).text(content.title);
  doc.fontSize(10).fillColor('#333333').text(content.subtitle).moveDown();
  for (const section of content.sections) {
    doc.fillColor('#000000').fontSize(12).text(section.heading).moveDown(0.3);
    doc.fontSize(10);
    for (const p of section.paragraphs) doc.text(p, { paragraphGap: 4 });
    doc.moveDown();
  }
  doc.end();
  await written;
  return { sha256: hash.digest('hex'), size };
}
