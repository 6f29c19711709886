// What a rule is: metadata, message templates and a check function that reports by message id.
// The engine stamps the rule id and severity on each finding; rules never do.
import type { Entity } from '../model/entity.js';
import type { LoadedModel } from '../model/load.js';
import type { RelationField } from '../model/relations.js';
import type { Config } from '../config.js';
import type { Position } from '../types.js';
import type { Validators } from '../model/validate.js';

/** Where a finding points, with an optional second place. */
export interface ReportDescriptor {
  /** Repository-relative file. */
  file: string;
  position: Position;
  messageId: string;
  data?: Record<string, string | number>;
  related?: { file: string; position: Position; message: string }[];
}

/** What a rule's check function is given. */
export interface RuleContext {
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
  /** The rule's options: its defaults merged with the config's. */
  options: Record<string, unknown>;
  /** Today's date as YYYY-MM-DD. */
  today: string;
  report(descriptor: ReportDescriptor): void;
}

/** One rule module. */
export interface Rule {
  id: string;
  /** One line: what the rule finds. */
  description: string;
  defaultSeverity: 'error' | 'warning';
  /** Option defaults; the keys are the only options accepted. */
  defaultOptions?: Record<string, number | string | boolean>;
  /** Message templates with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /**
   * `file` when the rule looks at each entity on its own (and at the config, the date), never
   * at other files: its findings are then cached per file by `lint --cache`.
   */
  scope?: 'file';
  /** Findings of loader rules (`file`, `frontmatter`) come from the loader; they have no check. */
  check?: (context: RuleContext) => void;
}

/** Position of a JSON Pointer in an entity, falling back to its parent's, then the opening line. */
export function positionOf(entity: Entity, pointer: string): Position {
  let p = pointer;
  while (true) {
    const found = entity.positions[p];
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
