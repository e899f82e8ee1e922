import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from '../helpers';

/**
 * The official schemas of the export formats (copied into test/data/schemas, see its README), compiled once.
 * A validator returns the schema errors as `instancePath message` lines: an empty list means valid.
 */
type Validate = (document: unknown) => string[];

function validator(ajv: Ajv | AjvDraft04, file: string): Validate {
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'data', 'schemas', file), 'utf8')));
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

let sarif: Validate | undefined;
let catalog: Validate | undefined;
let component: Validate | undefined;

/** SARIF 2.1.0 is a draft-04 schema; ajv reads it with ajv-draft-04. */
export const validateSarif: Validate = (d) => (sarif ??= validator(new AjvDraft04({ allErrors: true }), 'sarif-2.1.0/sarif-schema-2.1.0.json'))(d);
export const validateCatalog: Validate = (d) => (catalog ??= validator(new Ajv({ allErrors: true }), 'oscal-1.0.6/oscal_catalog_schema.json'))(d);
export const validateComponent: Validate = (d) => (component ??= validator(new Ajv({ allErrors: true }), 'oscal-1.0.6/oscal_component_schema.json'))(d);

/** Temporary folders with the given files, removed after the suite. */
export class TempFolders {
  private readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-reports-'));
  private count = 0;

  make(files: Record<string, string>): string {
    const folder = path.join(this.root, `case-${++this.count}`);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    return folder;
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
