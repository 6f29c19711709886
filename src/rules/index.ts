// The rule registry, in alphabetical order. The id, the file name and the docs slug are one string.
import type { Rule } from './rule.js';
import { rule as assessment } from './assessment.js';
import { rule as betExpired } from './bet-expired.js';
import { rule as betWip } from './bet-wip.js';
import { rule as cadenceCoverage } from './cadence-coverage.js';
import { rule as checkInDue } from './check-in-due.js';
import { rule as checkInMetric } from './check-in-metric.js';
import { rule as contextEmpty } from './context-empty.js';
import { rule as contextTable } from './context-table.js';
import { rule as decisionAuthority } from './decision-authority.js';
import { rule as decisionConsulted } from './decision-consulted.js';
import { rule as decisionDuplicate } from './decision-duplicate.js';
import { rule as decisionMatrix } from './decision-matrix.js';
import { rule as file } from './file.js';
import { rule as frontmatter } from './frontmatter.js';
import { rule as id } from './id.js';
import { rule as initiativeWip } from './initiative-wip.js';
import { rule as kind } from './kind.js';
import { rule as link } from './link.js';
import { rule as modelRoot } from './model-root.js';
import { rule as orphanMetric } from './orphan-metric.js';
import { rule as ref } from './ref.js';
import { rule as schema } from './schema.js';
import { rule as stale } from './stale.js';
import { rule as unsafeHtml } from './unsafe-html.js';
import { rule as yamlComment } from './yaml-comment.js';

export const rules: readonly Rule[] = [
  assessment,
  betExpired,
  betWip,
  cadenceCoverage,
  checkInDue,
  checkInMetric,
  contextEmpty,
  contextTable,
  decisionAuthority,
  decisionConsulted,
  decisionDuplicate,
  decisionMatrix,
  file,
  frontmatter,
  id,
  initiativeWip,
  kind,
  link,
  modelRoot,
  orphanMetric,
  ref,
  schema,
  stale,
  unsafeHtml,
  yamlComment,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);

/** The docs page of a rule, relative to the repository. */
export const docsPath = (id: string) => `docs/rules/${id}.md`;
