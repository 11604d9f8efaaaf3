// Reads every e-mail the e2e suite sent (the harness's sink directory) and looks for the
// personal data the suite wrote to the database: children's names and birth dates, national
// ids, guardians' names, concern descriptions and the child's own words, and unit names.
// Run by the global teardown, which fails `npm test` on any finding.
import { createDecipheriv, hkdfSync } from 'node:crypto';
import pg from 'pg';
import { readSinkMessages } from '../../scripts/mail-sink.mjs';

/** Same derivation as apps/api/src/common/national-id.ts (NationalIdCipher.decrypt). */
function decryptNationalId(stored, masterKey) {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bti/national-id/aes-256-gcm', 32));
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word or phrase, case-insensitive, not inside a longer word. */
const wordPattern = (s) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'iu');

/** What must never appear in an e-mail, read from the suite's database. */
async function forbiddenTerms(databaseUrl, masterKey) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const terms = [];
    const add = (kind, value, minLength) => {
      const v = String(value ?? '').trim();
      if (v.length >= minLength) terms.push({ kind, value: v });
    };
    const children = await client.query(`SELECT "firstName", "lastName", "birthDate"::text AS "birthDate", "nationalIdEncrypted", guardians FROM child`);
    for (const c of children.rows) {
      // Names of one or two letters would match ordinary words; the full name is checked too.
      add('child name', c.firstName, 3);
      add('child name', c.lastName, 3);
      add('child name', `${c.firstName} ${c.lastName}`, 3);
      add('birth date', c.birthDate, 10);
      const [y, m, d] = String(c.birthDate).split('-');
      add('birth date', `${d}.${m}.${y}`, 10);
      if (c.nationalIdEncrypted) add('national id', decryptNationalId(c.nationalIdEncrypted, masterKey), 11);
      for (const g of Array.isArray(c.guardians) ? c.guardians : []) add('guardian name', g?.name, 3);
    }
    const concerns = await client.query(`SELECT description, "childVoice" FROM concern`);
    for (const c of concerns.rows) {
      add('concern description', c.description, 8);
      add('child voice', c.childVoice, 8);
    }
    const units = await client.query(`SELECT name FROM unit`);
    for (const u of units.rows) add('unit name', u.name, 3);
    const seen = new Set();
    return terms.filter((t) => {
      const key = `${t.kind}\u0000${t.value.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  } finally {
    await client.end();
  }
}

/**
 * Returns one line per finding ("<message id>: <kind>"), without repeating the value found, so
 * the report itself carries no personal data. Also returns how many messages were checked.
 */
export async function checkSentMail({ databaseUrls, mailDir, masterKey }) {
  const messages = readSinkMessages(mailDir);
  // Each test file wrote to a database of its own (test/harness/file-database.ts): the terms of all.
  const seen = new Set();
  const terms = (await Promise.all(databaseUrls.map((url) => forbiddenTerms(url, masterKey))))
    .flat()
    .filter((t) => {
      const key = `${t.kind}\u0000${t.value.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((t) => ({ ...t, pattern: wordPattern(t.value) }));
  const findings = [];
  for (const m of messages) {
    const subjectLine = m.headers.find((h) => /^subject:/i.test(h)) ?? '';
    const body = [m.subject, subjectLine, m.text, m.html].join('\n');
    // Any national-id-shaped number, whether or not the suite used it.
    // Links are left out of this one: a uuid may hold eleven digits in a row.
    if (/(?<!\d)\d{6}\s?\d{5}(?!\d)/.test(body.replace(/https?:\/\/\S+/g, ''))) findings.push(`${m.messageId ?? m.id}: an 11-digit number (national id?)`);
    for (const t of terms) if (t.pattern.test(body)) findings.push(`${m.messageId ?? m.id}: ${t.kind}`);
  }
  return { checked: messages.length, findings };
}
