// What a change does to the model: entities added, removed and changed field by field;
// decision rights compared per decision; bets that change status.
import type { Entity } from './entity.js';
import { decisionMatrices, normaliseDecision, type DecisionRow } from './decision-rights.js';
import { isKind } from './kinds.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntityRef {
  id: string;
  kind: string;
  file: string;
  title: string;
}

export interface DecisionChange {
  decision: string;
  file: string;
  change: 'added' | 'removed' | 'changed';
  /** For changed decisions: what moved. */
  changes: FieldChange[];
  before: DecisionSummary | null;
  after: DecisionSummary | null;
}

export interface DecisionSummary {
  decides: string | null;
  consulted: string[];
  informed: string[];
  responsible: string[];
  sla: string | null;
  escalation: string | null;
}

export interface ModelDiff {
  added: EntityRef[];
  removed: EntityRef[];
  /** Entities whose id changed and nothing else (`opmodel rename`): not also listed as added and removed. */
  renamed: { from: EntityRef; to: EntityRef }[];
  changed: (EntityRef & { fields: FieldChange[]; bodyChanged: boolean })[];
  decisions: DecisionChange[];
  bets: { id: string; file: string; title: string; from: unknown; to: unknown }[];
  /** Decision records and check-ins added or changed, with what the log and the review read. */
  records: RecordChange[];
}

/** A decision record or check-in added or changed. */
export interface RecordChange extends EntityRef {
  change: 'added' | 'changed';
  date: string | null;
  /** Decision records: the decision right, its decider, status and the records it supersedes (with titles). */
  decision?: { right: string | null; decidedBy: string | null; status: string; supersedes: EntityRef[] };
  /** Check-ins: the bet (with its title), the confidence and what the owner proposes. */
  checkIn?: { bet: EntityRef | null; confidence: string | null; next: string | null };
}

const ref = (e: Entity): EntityRef => ({ id: e.id, kind: e.kind, file: e.file, title: typeof e.data.title === 'string' ? e.data.title : e.id });

/** Compares two loaded models (broken entities included by id). */
export function diffModels(before: Entity[], after: Entity[]): ModelDiff {
  const oldById = new Map(before.map((e) => [e.id, e]));
  const newById = new Map(after.map((e) => [e.id, e]));
  const result: ModelDiff = { added: [], removed: [], renamed: [], changed: [], decisions: [], bets: [], records: [] };
  // A file that moved to a new id with the same kind and the same fields and text was renamed.
  const key = (e: Entity) => `${e.kind}\0${e.body.trim()}`;
  const gone = new Map<string, Entity[]>();
  for (const e of before) if (!newById.has(e.id) && !e.broken) gone.set(key(e), [...(gone.get(key(e)) ?? []), e]);
  const renamedTo = new Map<string, Entity>();
  for (const e of after) {
    if (oldById.has(e.id) || e.broken) continue;
    const from = gone.get(key(e))?.find((old) => !renamedTo.has(old.id) && sameValue(withoutId(old.data), withoutId(e.data)));
    if (from) renamedTo.set(from.id, e);
  }
  for (const [id, to] of renamedTo) result.renamed.push({ from: ref(oldById.get(id)!), to: ref(to) });
  const renamedIds = new Set([...renamedTo.values()].map((e) => e.id));
  for (const e of after) if (!oldById.has(e.id) && !renamedIds.has(e.id)) result.added.push(ref(e));
  for (const e of before) if (!newById.has(e.id) && !renamedTo.has(e.id)) result.removed.push(ref(e));
  for (const e of after) {
    const old = oldById.get(e.id);
    if (!old) continue;
    const fields: FieldChange[] = [];
    const keys = new Set([...Object.keys(old.data), ...Object.keys(e.data)]);
    for (const key of [...keys].sort()) {
      if (!sameValue(old.data[key], e.data[key])) fields.push({ field: key, before: old.data[key] ?? null, after: e.data[key] ?? null });
    }
    const bodyChanged = old.body.trim() !== e.body.trim();
    if (fields.length > 0 || bodyChanged) result.changed.push({ ...ref(e), fields, bodyChanged });
    if (isKind(e, 'bet') && isKind(old, 'bet') && !sameValue(old.data.status, e.data.status)) {
      result.bets.push({ id: e.id, file: e.file, title: ref(e).title, from: old.data.status ?? null, to: e.data.status ?? null });
    }
  }
  for (const e of after) {
    if (isKind(e, 'bet') && !oldById.has(e.id) && !renamedIds.has(e.id)) result.bets.push({ id: e.id, file: e.file, title: ref(e).title, from: null, to: e.data.status ?? null });
  }
  result.decisions = diffDecisions(before, after);
  const changedIds = new Set(result.changed.map((c) => c.id));
  for (const e of after) {
    if (e.broken || (e.kind !== 'decision' && e.kind !== 'check-in') || (oldById.has(e.id) && !changedIds.has(e.id)) || renamedIds.has(e.id)) continue;
    result.records.push(recordOf(e, oldById.has(e.id) ? 'changed' : 'added', newById));
  }
  return result;
}

/** Frontmatter without its optional `id` field, which a rename rewrites. */
const withoutId = (data: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'id'));

const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function recordOf(e: Entity, change: RecordChange['change'], byId: Map<string, Entity>): RecordChange {
  const named = (id: unknown): EntityRef | null => (typeof id !== 'string' ? null : byId.get(id) ? ref(byId.get(id)!) : { id, kind: '', file: '', title: id });
  const base = { ...ref(e), change, date: textOf(e.data.date) };
  if (isKind(e, 'decision')) {
    const supersedes = (Array.isArray(e.data.supersedes) ? e.data.supersedes : []).map(named).filter((r): r is EntityRef => r !== null);
    return { ...base, decision: { right: textOf(e.data.decision), decidedBy: textOf(e.data.decided_by), status: textOf(e.data.status) ?? 'decided', supersedes } };
  }
  return { ...base, checkIn: { bet: named(e.data.bet), confidence: textOf(e.data.confidence), next: textOf(e.data.next) } };
}

/** Every decision row by its normalised wording; a decision recorded twice has two rows. */
function decisionsOf(entities: Entity[]): Map<string, { row: DecisionRow; file: string }[]> {
  const map = new Map<string, { row: DecisionRow; file: string }[]>();
  for (const e of entities) {
    if (e.kind !== 'decision-rights' || e.broken) continue;
    for (const matrix of decisionMatrices(e)) {
      for (const row of matrix.rows) {
        const key = normaliseDecision(row.decision);
        if (!key) continue;
        const list = map.get(key);
        if (list) list.push({ row, file: e.file });
        else map.set(key, [{ row, file: e.file }]);
      }
    }
  }
  return map;
}

/**
 * Pairs the rows of one decision before and after: a row stays in its file first, then the rest in
 * order. A row added elsewhere for a decision that exists (a duplicate) is an added row, not a change.
 */
function pairRows<T extends { file: string }>(before: T[], after: T[]): { old?: T; now?: T }[] {
  const pairs: { old?: T; now?: T }[] = [];
  const left = [...before];
  const right: T[] = [];
  for (const now of after) {
    const index = left.findIndex((old) => old.file === now.file);
    if (index >= 0) pairs.push({ old: left.splice(index, 1)[0]!, now });
    else right.push(now);
  }
  for (const now of right) pairs.push(left.length > 0 && before.length >= after.length ? { old: left.shift()!, now } : { now });
  for (const old of left) pairs.push({ old });
  return pairs;
}

const summary = (row: DecisionRow): DecisionSummary => ({
  decides: row.decides,
  consulted: [...row.consulted].sort(),
  informed: [...row.informed].sort(),
  responsible: [...row.responsible].sort(),
  sla: row.sla,
  escalation: row.escalation,
});

function diffDecisions(before: Entity[], after: Entity[]): DecisionChange[] {
  const oldRows = decisionsOf(before);
  const newRows = decisionsOf(after);
  const changes: DecisionChange[] = [];
  const removed: DecisionChange[] = [];
  for (const key of new Set([...newRows.keys(), ...oldRows.keys()])) {
    for (const { old, now } of pairRows(oldRows.get(key) ?? [], newRows.get(key) ?? [])) {
      if (now && !old) {
        changes.push({ decision: now.row.decision, file: now.file, change: 'added', changes: [], before: null, after: summary(now.row) });
      } else if (old && !now) {
        removed.push({ decision: old.row.decision, file: old.file, change: 'removed', changes: [], before: summary(old.row), after: null });
      } else if (old && now) {
        const a = summary(old.row);
        const b = summary(now.row);
        const moved: FieldChange[] = [];
        for (const field of ['decides', 'consulted', 'informed', 'responsible', 'sla', 'escalation'] as const) {
          if (!sameValue(a[field], b[field])) moved.push({ field, before: a[field], after: b[field] });
        }
        if (moved.length > 0) changes.push({ decision: now.row.decision, file: now.file, change: 'changed', changes: moved, before: a, after: b });
      }
    }
  }
  return [...changes, ...removed];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
