import { problems } from '../common/problem.js';

/**
 * What `GET /cases?q=` looks for (DESIGN 12.1): a case reference, a national id (exact, through the
 * HMAC column), a birth date (`dd.mm.yyyy` or ISO) or the start of the child's first or last name
 * (every word must start one of them). The text itself never reaches a log, an error or the audit.
 */
export type CaseSearch =
  | { kind: 'reference'; reference: string }
  | { kind: 'nationalId'; nationalId: string }
  | { kind: 'birthDate'; birthDate: string }
  | { kind: 'name'; prefixes: string[] };

const invalid = (message: string) => problems.validation([{ field: 'q', message }]);

export function parseCaseSearch(q: string): CaseSearch {
  if (/[\u0000-\u001f\u007f]/.test(q)) throw invalid('inneholder kontrolltegn');
  const text = q.trim().replace(/\s+/g, ' ');
  if (text === '') throw invalid('må inneholde noe å søke etter');
  const reference = /^BTI-(\d{4})-(\d{1,9})$/i.exec(text);
  if (reference) return { kind: 'reference', reference: `BTI-${reference[1]}-${reference[2].replace(/^0+(?=\d)/, '').padStart(4, '0')}` };
  if (/^\d{11}$/.test(text)) return { kind: 'nationalId', nationalId: text };
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (norwegian || iso) {
    const [y, m, d] = norwegian ? [norwegian[3], norwegian[2], norwegian[1]] : [iso![1], iso![2], iso![3]];
    const birthDate = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const parsed = new Date(`${birthDate}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birthDate) throw invalid('er ikke en gyldig dato');
    return { kind: 'birthDate', birthDate };
  }
  if (/\d/.test(text)) throw invalid('søk på navn, fødselsdato (dd.mm.åååå), fødselsnummer (11 siffer) eller saksnummer (BTI-år-nummer)');
  const words = text.split(' ');
  if (words.length > 3) throw invalid('høyst tre ord');
  return { kind: 'name', prefixes: words.map((w) => w.toLocaleLowerCase('nb')) };
}

/** A LIKE pattern matching what starts with `prefix` (its own `%`, `_` and `\` taken literally). */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The SQL condition over the case alias `c` for a search. `identified` is the caller's
 * identified-view condition: an anonymised case never matches on the child's identity (8.4).
 * `nationalIdHash` hashes with the data key, as the child's lookup column was written.
 */
export function searchCondition(
  search: CaseSearch,
  identified: string,
  nationalIdHash: (nationalId: string) => string,
): { sql: string; params: Record<string, unknown> } {
  if (search.kind === 'reference') return { sql: 'c.reference = :qReference', params: { qReference: search.reference } };
  const child = (match: string) => `(c."childId" IN (SELECT ch.id FROM child ch WHERE ch."municipalityId" = :accMunicipality AND ${match}) AND ${identified})`;
  if (search.kind === 'nationalId') return { sql: child('ch."nationalIdHash" = :qHash'), params: { qHash: nationalIdHash(search.nationalId) } };
  if (search.kind === 'birthDate') return { sql: child('ch."birthDate" = CAST(:qBirthDate AS date)'), params: { qBirthDate: search.birthDate } };
  const params: Record<string, unknown> = {};
  const words = search.prefixes.map((prefix, i) => {
    params[`qName${i}`] = likePrefix(prefix);
    return `(bti_fold(ch."firstName") LIKE :qName${i} OR bti_fold(ch."lastName") LIKE :qName${i})`;
  });
  return { sql: child(words.join(' AND ')), params };
}
