// Rule `schema`: frontmatter that breaks its kind's JSON Schema, one finding per problem, at the key.
import type { ErrorObject } from 'ajv';
import type { Entity } from '../model/domain/entity.js';
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { closest } from '../util/did-you-mean.js';
import { escapePointer } from '../model/domain/relations.js';
import type { Validators } from '../model/domain/validate.js';

export const rule = defineRule({
  id: 'schema',
  description: "Frontmatter that breaks its kind's JSON Schema: a missing or unknown field, a wrong type, a value outside the allowed list.",
  defaultSeverity: 'error',
  scope: 'file',
  messages: {
    problem: '{{message}}',
  },
  check(context) {
    const { validators } = context;
    for (const entity of context.entities) {
      const errors = validators.validate(entity.kind, entity.data);
      if (!errors) continue;
      const seen = new Set<string>();
      for (const error of errors) {
        const described = describe(error, entity, validators);
        if (!described) continue;
        const key = `${described.pointer}\u0000${described.message}`;
        if (seen.has(key) || seen.has(described.pointer + '\u0000*')) continue;
        seen.add(key);
        seen.add(described.pointer + '\u0000*');
        const { pointer, message, expected } = described;
        context.report({ file: entity.file, position: positionOf(entity, pointer), messageId: 'problem', data: { message }, ...(expected ? { expected } : {}) });
      }
    }
  },
});

/** Turns an ajv error into a pointer and a message in an editor's words. */
function describe(error: ErrorObject, entity: Entity, validators: Validators): { pointer: string; message: string; expected?: string[] } | undefined {
  const pointer = error.instancePath;
  const field = fieldName(pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = pointer === '' ? '' : ` in ${field}`;
      return { pointer, message: `\`${missing}\` is missing${where}: add \`${missing}: …\`.` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const at = `${pointer}/${escapePointer(extra)}`;
      const allowed = pointer === '' ? validators.fieldsOf(entity.kind) : propertiesAt(validators.schemaOf(entity.kind), pointer);
      const guess = closest(extra, allowed);
      const what = `\`${extra}\` is not a field of ${entity.kind === 'model' ? 'the model' : `a ${entity.kind}`}`;
      if (guess) return { pointer: at, message: what, expected: [guess] };
      return { pointer: at, message: `${what}; allowed fields: ${allowed.join(', ')}; or prefix it with \`x-\` for your own use.` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = valueAt(entity.data, pointer);
      const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
      const what = `${field} '${String(value)}' is not allowed`;
      return guess ? { pointer, message: what, expected: [guess] } : { pointer, message: `${what}; use one of: ${allowed.join(', ')}.` };
    }
    case 'const':
      if (pointer === '/kind') return undefined; // the kind rule reports it
      return { pointer, message: `${field} must be '${String(params.allowedValue)}'.` };
    case 'type': {
      const words: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'text', array: 'a list', object: 'a set of fields', boolean: 'true or false', null: 'empty' };
      const expected = String(params.type).split(',').map((t) => words[t] ?? t).join(' or ');
      const value = valueAt(entity.data, pointer);
      // Quoted as written: `version: 1.0` needs `"1.0"`, not the `"1"` that YAML's number prints as.
      const quoteHint = params.type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ` — put it in quotes, e.g. \`"${entity.written?.[pointer] ?? String(value)}"\`` : '';
      // `value: 12%`, `"12"` or `1,200`: say the number to write.
      const asNumber = (params.type === 'number' || params.type === 'integer') && typeof value === 'string' ? numberIn(value) : undefined;
      const numberHint = asNumber !== undefined ? ` — write the number alone, \`${asNumber}\` (no quotes, % or thousands separator; the unit belongs to the metric)` : '';
      const item = params.type === 'string' ? itemAsText(pointer, value) : undefined;
      if (item) return { pointer, message: `${field} is read as a field, not text, because of the colon and space in it: put the item in quotes, \`- ${item}\`.` };
      const shown = entity.written?.[pointer] !== undefined ? `${typeof value} ${entity.written[pointer]}` : describeValue(value);
      return { pointer, message: `${field} must be ${expected}, not ${shown}${quoteHint}${numberHint}.` };
    }
    case 'pattern':
    case 'format':
      return { pointer, message: formatMessage(field, valueAt(entity.data, pointer), String(params.pattern ?? params.format), error.keyword) };
    case 'minItems':
      return { pointer, message: `${field} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.` };
    case 'minLength':
      return { pointer, message: `${field} must not be empty.` };
    case 'maxLength':
      return { pointer, message: `${field} is longer than ${String(params.limit)} characters.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, message: `${field} must be ${String(params.comparison)} ${String(params.limit)}, not ${describeValue(valueAt(entity.data, pointer))}.` };
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return undefined; // the specific errors beneath say more
    default:
      return { pointer, message: `${field} ${error.message ?? 'is not valid'}.` };
  }
}

/**
 * A list item written `- Phones: tablets only` where text was meant is a mapping of one field:
 * the item as it was meant, quoted, or undefined for anything else.
 */
function itemAsText(pointer: string, value: unknown): string | undefined {
  if (!/\/\d+$/.test(pointer) || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, inner] = entries[0]!;
  if (inner !== null && typeof inner === 'object') return undefined;
  const text = inner === null ? `${key}:` : `${key}: ${String(inner)}`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function formatMessage(field: string, value: unknown, rule: string, keyword: string): string {
  const shown = `'${String(value)}'`;
  if ((rule === 'date' || rule.includes('\\d{4}-\\d{2}-\\d{2}')) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${field} ${shown} is not a real date: check the month and the day.`;
  if (rule === 'date' || rule.includes('\\d{4}-\\d{2}-\\d{2}')) return `${field} ${shown} is not a date written YYYY-MM-DD (such as 2026-12-31).`;
  if (rule.includes('Q[1-4]')) return `${field} ${shown} is not a quarter written YYYY-Qn (such as 2026-Q4).`;
  if (rule === 'uri' || rule === '^https://') return `${field} ${shown} must be an https:// link.`;
  if (rule.startsWith('^@')) return `${field} ${shown} must be a GitHub handle such as ${rule.includes('/') ? '@acme/growth' : '@octocat'}.`;
  if (rule.includes('[a-z0-9]+(-[a-z0-9]+)*')) return `${field} ${shown} must be lower-case words joined by hyphens, such as 'growth-squad'.`;
  return keyword === 'format' ? `${field} ${shown} is not a valid ${rule}.` : `${field} ${shown} does not match the pattern ${rule}.`;
}

function fieldName(pointer: string): string {
  if (pointer === '') return 'the frontmatter';
  const parts = pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let name = '';
  for (const part of parts) name += /^\d+$/.test(part) ? `[${part}]` : name ? `.${part}` : part;
  return `\`${name}\``;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return `${typeof value} ${String(value)}`;
}

/** Property names allowed at a pointer (for nested "did you mean"). */
function propertiesAt(schema: Record<string, unknown> | undefined, pointer: string): string[] {
  let node: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    if (!node || typeof node !== 'object') return [];
    const n = node as Record<string, unknown>;
    node = /^\d+$/.test(raw) ? n.items : (n.properties as Record<string, unknown> | undefined)?.[raw];
  }
  const props = (node as Record<string, unknown> | undefined)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** The number a text like "12%", "1,200" or " 3.5 " means, when it means one; else undefined. */
function numberIn(text: string): string | undefined {
  const bare = text.trim().replace(/%$/, '').replace(/^([+-]?\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_, whole: string, frac = '') => whole.replace(/,/g, '') + frac).trim();
  return /^[+-]?\d+(\.\d+)?$/.test(bare) ? bare.replace(/^\+/, '') : undefined;
}
