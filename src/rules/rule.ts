// What a rule is: metadata, message templates, an options schema and a check function that
// reports by message id. `defineRule` types both, after typescript-eslint's `createRule`: a
// `report` with a message id the rule does not define, or an option it does not declare, does
// not compile. The engine stamps the rule id and severity on each finding; rules never do.
import { positionAt, type Entity, type LoadedModel } from '../model/domain/entity.js';
import type { RelationField } from '../model/domain/relations.js';
import type { Config } from '../config.js';
import type { Position } from '../types.js';
import type { Validators } from '../model/domain/validate.js';

/** A value a rule option may hold. */
export type OptionValue = number | string | boolean;

/** Where a finding points, with an optional second place. */
export interface ReportDescriptor<MessageIds extends string = string> {
  /** Repository-relative file. */
  file: string;
  position: Position;
  /** Where the offending key value, cell or link ends (exclusive column), when the reader knows. */
  end?: Position;
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** What was probably meant ("did you mean"): the engine renders it after the message. */
  expected?: string[];
  related?: { file: string; position: Position; message: string }[];
}

/** What a rule's check function is given. */
export interface RuleContext<MessageIds extends string = string, Options = Record<string, OptionValue>> {
  model: LoadedModel;
  /** Entities that parsed (broken ones excluded). */
  entities: Entity[];
  /** The entities of one kind, typed by it: `ofKind('bet')` gives `bet.data.status` its type. */
  ofKind<K extends string>(kind: K): Entity<K>[];
  /** Every id → the first entity with it (broken ones included, so their ids count as existing). */
  byId: Map<string, Entity>;
  /** Reference fields of built-in and custom kinds. */
  relations: readonly RelationField[];
  config: Config;
  /** Compiled JSON Schema validators of every kind. */
  validators: Validators;
  /** The rule's options: its defaults merged with the config's (already checked against its schema). */
  options: Options;
  /** Today's date as YYYY-MM-DD. */
  today: string;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** A rule as written with `defineRule`: message ids and options typed from the rule itself. */
export interface RuleDefinition<MessageIds extends string, Options extends Record<string, OptionValue>> {
  id: string;
  /** One line: what the rule finds. */
  description: string;
  defaultSeverity: 'error' | 'warning';
  /** Option defaults; they give the options their types. */
  defaultOptions?: Options;
  /**
   * JSON Schema of each option (`{ type: 'integer', minimum: 0 }`). The config's options are
   * validated against `{ properties: these, additionalProperties: false }` when it loads.
   */
  optionsSchema?: { [K in keyof Options]: Record<string, unknown> };
  /** Message templates with `{{name}}` placeholders, by message id. */
  messages: Record<MessageIds, string>;
  /**
   * `file` when the rule looks at each entity on its own (and at the config, the date), never
   * at other files: its findings are then cached per file by `lint --cache`.
   */
  scope?: 'file';
  /** Findings of loader rules (`file`, `frontmatter`, `yaml-comment`) come from the loader; they have no check. */
  check?: (context: RuleContext<NoInfer<MessageIds>, Options>) => void;
}

/** One rule module, as the engine and the registry see it. */
export type Rule = RuleDefinition<string, Record<string, OptionValue>>;

/** Declares a rule; `report` accepts only the ids of its `messages`, `options` only its own. */
export function defineRule<const MessageIds extends string, Options extends Record<string, OptionValue> = Record<never, OptionValue>>(
  rule: RuleDefinition<MessageIds, Options>,
): Rule {
  return rule as unknown as Rule;
}

/** Position of a JSON Pointer in an entity, falling back to its parent's, then the opening line. */
export function positionOf(entity: Entity, pointer: string): Position {
  let p = pointer;
  while (true) {
    const found = positionAt(entity, p);
    if (found) return found;
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** `a team or role`, `a metric`: the kinds a field allows, in words. */
export function kindsInWords(kinds: readonly string[]): string {
  const article = (k: string) => (/^[aeiou]/.test(k) ? 'an' : 'a');
  if (kinds.length === 0) return 'an entity';
  return `${article(kinds[0]!)} ${kinds.join(' or ')}`;
}
