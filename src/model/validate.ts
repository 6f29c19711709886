// JSON Schema validation of frontmatter with ajv: the built-in kinds' generated schemas, plus
// custom kinds' schemas from the config, whose `pattern`s run on a linear-time regex engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { RE2JS } from 're2js';
import type { CustomKind } from '../config.js';
import { ConfigError } from '../config.js';
import { builtinKinds } from './kinds.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats?: string[]) => Ajv;

/** Where the generated built-in schemas live (`schemas/` at the package root). */
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** A regex engine for user-supplied patterns that can never backtrack exponentially. */
const linearRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const re = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (text: string) => re.matcher(text).find() };
  },
  { code: 'linearRegExp' },
);

/** Validators by kind name. */
export interface Validators {
  validate(kind: string, data: unknown): ErrorObject[] | undefined;
  /** The top-level field names a kind allows, for "did you mean". */
  fieldsOf(kind: string): string[];
  /** The schema of a kind, for enum suggestions. */
  schemaOf(kind: string): Record<string, unknown> | undefined;
}

/** Compiles the built-in and custom kinds' schemas. Custom-schema problems are ConfigErrors. */
export function createValidators(customKinds: readonly CustomKind[]): Validators {
  const compiled = new Map<string, ValidateFunction>();
  const schemas = new Map<string, Record<string, unknown>>();
  const builtin = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(builtin, ['date', 'uri']);
  for (const kind of builtinKinds) {
    const schema = JSON.parse(readFileSync(`${schemasDir}${kind.name}.schema.json`, 'utf8')) as Record<string, unknown>;
    schemas.set(kind.name, schema);
  }
  let custom: Ajv | undefined;
  for (const kind of customKinds) {
    custom ??= makeCustomAjv();
    try {
      compiled.set(kind.name, custom.compile(kind.schemaJson));
    } catch (error) {
      throw new ConfigError(`opmodel.config.yaml: \`kinds.${kind.name}.schema\` (${kind.schema}) is not a valid JSON Schema: ${(error as Error).message}`);
    }
    schemas.set(kind.name, kind.schemaJson);
  }
  const validatorOf = (kind: string) => {
    let fn = compiled.get(kind);
    if (!fn && schemas.has(kind)) {
      fn = builtin.compile(schemas.get(kind)!);
      compiled.set(kind, fn);
    }
    return fn;
  };
  return {
    validate(kind, data) {
      const fn = validatorOf(kind);
      if (!fn) return undefined;
      return fn(data) ? [] : [...(fn.errors ?? [])];
    },
    fieldsOf(kind) {
      const props = schemas.get(kind)?.properties;
      return props && typeof props === 'object' ? Object.keys(props) : [];
    },
    schemaOf(kind) {
      return schemas.get(kind);
    },
  };
}

function makeCustomAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    code: { regExp: linearRegExp },
    loadSchema: undefined,
  });
  addFormats(ajv, ['date', 'date-time', 'uri', 'email']);
  // `x-ref` marks a reference field in a custom kind's schema.
  ajv.addKeyword({ keyword: 'x-ref', schemaType: ['string', 'array'] });
  return ajv;
}
