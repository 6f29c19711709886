// What one kind definition holds: everything opmodel knows about a kind besides its TypeScript
// type (which sits next to it in the same file and generates schemas/<kind>.schema.json).
// A built-in kind is one file in this folder plus one line in the registry (src/model/domain/kinds.ts).

/** A reference field as a kind declares it (F: the kind's top-level field names); the registry adds the holding kind. */
export interface RelationSpec<F extends string = string> {
  /** Path into the frontmatter: a top-level field, then keys below it; `*` stands for every item of a list. */
  path: readonly [F, ...string[]];
  /** Kinds the reference may point to. */
  targets: readonly string[];
  /** How the holder's page names the relation ("Owner"). */
  label: string;
  /** How the target's page names it ("Owns bets"). */
  reverse: string;
}

/** What a template may fill in. */
export interface TemplateInput {
  /** The title given to `opmodel new` (already written as the `title:` line). */
  title: string;
  /** Today, YYYY-MM-DD (OPMODEL_TODAY when set). */
  today: string;
  /** The quarter today falls in, e.g. 2026-Q4. */
  quarter: string;
  /** The date a year from today, for review_by. */
  inOneYear: string;
}

/** How the handbook shows a kind: its section in the navigation and its pages. */
export interface HandbookFacts<F extends string = string> {
  /** The section's path under the site (`bets`), which is also where its entities' pages live. */
  section: string;
  /** The section's title in the navigation (`Bets`). */
  title: string;
  /** What one entity's page calls its kind (`Bet`, `Decision record`). */
  label: string;
  /** Where the section stands in the navigation: lower first (the built-in kinds use 10, 20, …; custom kinds follow). */
  nav: number;
  /** The index page's heading and description, when the section has no page of its own in site/src/pages/<section>/. */
  heading?: string;
  description?: string;
  /** What the index page counts (`3 roles.`), one and many; default entry, entries. */
  noun?: { one: string; many: string };
  /** The index page's lede after the count, when it has no page of its own. */
  lede?: string;
  /** Whether an entity's page title names its unit (`Core (Payments)`); not for kinds that make up the units (teams). */
  unitInTitle?: false;
  /** Most entities one index or listing page shows, for kinds whose entries weigh more (default 80). */
  pageSize?: number;
  /** A field that splits a long section besides its units (bets by `quarter`): the model's current value first, then newest first. */
  facet?: { field: F; label: string; none: string };
}

/** One kind: name, folder, words, reference fields, template, and what cross-file rules read. */
export interface KindDefinition<N extends string = string, T = Record<string, unknown>> {
  name: N;
  /** Folder under the model folder; `model` lives at `operating-model.md` instead (folder ''). */
  folder: string;
  /** The exported TypeScript type in src/model/domain/kinds/<name>.ts that schemas/ is generated from. */
  typeName: string;
  /** What the kind is for, in one line (used in messages and the handbook). */
  summary: string;
  /** The reference fields, named in pairs (forward and reverse label). */
  relations: readonly RelationSpec<keyof T & string>[];
  /** Whether cross-file rules read the tables in the body (decision matrices, the context grid). */
  tables?: boolean;
  /**
   * What `lint --cache` keeps of the frontmatter for cross-file rules besides ids and reference
   * fields: a list of top-level fields, or `all` when a rule reads the whole frontmatter.
   */
  crossFile?: readonly (keyof T & string)[] | 'all';
  /**
   * The frontmatter lines after `title:` and the body that `opmodel new` writes; fields to fill in
   * are marked with comments. Absent for kinds `new` does not create.
   */
  template?: (input: TemplateInput) => { frontmatter: string; body: string };
  /** The handbook's section for the kind; absent for the model root, whose page is the home page. */
  handbook?: HandbookFacts<keyof T & string>;
  /** Type only, never set: the frontmatter's type, which the registry maps the name to. */
  readonly data?: T;
}

/** Any kind, built-in or custom, with its frontmatter type left out: what the registry lists. */
export type Kind = Omit<KindDefinition, 'data'>;

/** Declares a kind whose frontmatter has type T; the name stays a literal type for the registry. */
export function defineKind<T>() {
  return <const N extends string>(definition: KindDefinition<N, T>): KindDefinition<N, T> => definition;
}
