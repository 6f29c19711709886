// The built-in kinds: their folders, TypeScript type names and generated schema files.

/** One built-in kind. */
export interface KindInfo {
  name: string;
  /** Folder under the model folder; `model` lives at `operating-model.md` instead. */
  folder: string;
  /** The exported TypeScript type in src/model/kinds/<name>.ts. */
  typeName: string;
  /** What the kind is for, in one line (used in messages and the handbook). */
  summary: string;
}

export const builtinKinds: readonly KindInfo[] = [
  { name: 'model', folder: '', typeName: 'OperatingModel', summary: 'the one-page strategy and root of the handbook' },
  { name: 'bet', folder: 'bets', typeName: 'Bet', summary: 'a strategic bet' },
  { name: 'guardrail', folder: 'guardrails', typeName: 'Guardrail', summary: 'a guardrail, principle or guidance' },
  { name: 'decision-rights', folder: 'decision-rights', typeName: 'DecisionRights', summary: 'decision-rights matrices' },
  { name: 'context-table', folder: 'context', typeName: 'ContextTable', summary: 'the 3×3 context grid' },
  { name: 'team', folder: 'teams', typeName: 'Team', summary: 'a team' },
  { name: 'role', folder: 'roles', typeName: 'Role', summary: 'a role' },
  { name: 'metric', folder: 'metrics', typeName: 'Metric', summary: 'a metric' },
  { name: 'cadence', folder: 'cadences', typeName: 'Cadence', summary: 'a recurring ritual' },
  { name: 'assessment', folder: 'assessments', typeName: 'Assessment', summary: 'a structural self-assessment' },
];

export const builtinKindNames: readonly string[] = builtinKinds.map((k) => k.name);

/** The file name of the model root inside the model folder. */
export const modelRootFile = 'operating-model.md';

/** Kinds whose bodies hold tables that rules read. */
export const tableKinds: readonly string[] = ['decision-rights', 'context-table'];
