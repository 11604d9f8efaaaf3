/** One changed value between two profile documents, by JSON pointer. */
export interface ProfileChange {
  pointer: string;
  before: string | null;
  after: string | null;
}

/** Leaves of a JSON document by pointer; arrays of plain values count as one value. */
function leaves(value: unknown, pointer = '', out = new Map<string, string>()): Map<string, string> {
  const scalarList = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
  if (value !== null && typeof value === 'object' && !scalarList) {
    for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  } else {
    out.set(pointer || '/', Array.isArray(value) ? value.join(', ') : String(value));
  }
  return out;
}

/** What the draft changes against the published version, in document order: added, changed and removed values. */
export function profileDiff(published: unknown, draft: unknown): ProfileChange[] {
  const a = leaves(published ?? {});
  const b = leaves(draft ?? {});
  const pointers = [...new Set([...a.keys(), ...b.keys()])].sort();
  return pointers.filter((p) => a.get(p) !== b.get(p)).map((pointer) => ({ pointer, before: a.get(pointer) ?? null, after: b.get(pointer) ?? null }));
}
