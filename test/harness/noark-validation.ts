import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The Noark 5 v5.0 schemas shipped in the repository (libs/reference-data/noark5/SOURCE.md). */
const SCHEMA_DIR = join(process.cwd(), 'libs/reference-data/noark5');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') });

const SCHEMA_OF: Record<string, string> = {
  'arkivstruktur.xml': 'arkivstruktur.xsd',
  'endringslogg.xml': 'endringslogg.xsd',
  'loependeJournal.xml': 'loependeJournal.xsd',
  'offentligJournal.xml': 'offentligJournal.xsd',
  'arkivuttrekk.xml': 'addml82.xsd',
};

/** Validates one package file against its schema (tests only: xmllint-wasm is a dev dependency). */
export async function validateNoarkFile(fileName: keyof typeof SCHEMA_OF | string, contents: string): Promise<string[]> {
  const schema = SCHEMA_OF[fileName];
  if (!schema) throw new Error(`no schema for ${fileName}`);
  const preload = schema === 'addml82.xsd' ? [] : [schemaFile('metadatakatalog.xsd')];
  const result = await validateXML({ xml: [{ fileName, contents }], schema: [schemaFile(schema)], preload, maxMemoryPages: 4 * 16384 });
  return result.errors.map((e) => e.rawMessage);
}
