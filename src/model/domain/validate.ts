// JSON Schema validation of frontmatter with ajv: the built-in kinds' generated schemas, plus
// custom kinds' schemas from the config, whose `pattern`s run on a linear-time regex engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { CustomKind } from '../../config.js';
import { ConfigError } from '../../config.js';
import { builtinKinds } from './kinds.js';

type AddFormats = (ajv: Ajv, formats?: string[]) => Ajv;

/** ajv, ajv-formats and RE2JS load only when a schema must be compiled at run time. */
async function loadAjv() {
  const [{ Ajv: AjvClass }, formats, { RE2JS }] = await Promise.all([import('ajv'), import('ajv-formats'), import('re2js')]);
  return { AjvClass, addFormats: formats.default as unknown as AddFormats, RE2JS };
}

/** Where the generated built-in schemas live (`schemas/` at the package root). */
export const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));


/** Validators by kind name. */
export interface Validators {
  validate(kind: string, data: unknown): ErrorObject[] | undefined;
  /** The top-level field names a kind allows, for "did you mean". */
  fieldsOf(kind: string): string[];
  /** The schema of a kind, for enum suggestions. */
  schemaOf(kind: string): Record<string, unknown> | undefined;
}

type Precompiled = Record<string, ValidateFunction>;
let precompiled: Promise<Precompiled | undefined> | undefined;

/** The validators precompiled at build time (dist/model/domain/validators.js), if present. */
function loadPrecompiled(): Promise<Precompiled | undefined> {
  precompiled ??= import(new URL('./validators.js', import.meta.url).href).then(
    (module: Precompiled) => module,
    () => undefined,
  );
  return precompiled;
}

/** Compiles the built-in and custom kinds' schemas. Custom-schema problems are ConfigErrors. */
export async function createValidators(customKinds: readonly CustomKind[]): Promise<Validators> {
  const compiled = new Map<string, ValidateFunction>();
  const ready = await loadPrecompiled();
  if (ready) for (const kind of builtinKinds) {
    const fn = ready[kind.name.replace(/-/g, '_')];
    if (fn) compiled.set(kind.name, fn);
  }
  const schemas = new Map<string, Record<string, unknown>>();
  let builtin: Ajv | undefined;
  for (const kind of builtinKinds) {
    const schema = JSON.parse(readFileSync(`${schemasDir}${kind.name}.schema.json`, 'utf8')) as Record<string, unknown>;
    schemas.set(kind.name, schema);
  }
  const needsAjv = customKinds.length > 0 || compiled.size < builtinKinds.length;
  const lib = needsAjv ? await loadAjv() : undefined;
  let custom: Ajv | undefined;
  for (const kind of customKinds) {
    custom ??= makeCustomAjv(lib!);
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
      if (!builtin) {
        builtin = new lib!.AjvClass({ allErrors: true, strict: true, allowUnionTypes: true });
        lib!.addFormats(builtin, ['date', 'uri']);
      }
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

function makeCustomAjv({ AjvClass, addFormats, RE2JS }: Awaited<ReturnType<typeof loadAjv>>): Ajv {
  // User-supplied patterns run on a regex engine that can never backtrack exponentially.
  const linearRegExp = Object.assign(
    (pattern: string, flags: string) => {
      const re = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
      return { test: (text: string) => re.matcher(text).find() };
    },
    { code: 'linearRegExp' },
  );
  const ajv = new AjvClass({
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
