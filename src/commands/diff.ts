// `opmodel diff BASE [HEAD] [DIR]`: what a change does to the model between two git revisions
// (HEAD defaults to the work tree), as Markdown for a pull-request comment or as JSON.
import { existsSync, statSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { builtinKindNames } from '../model/domain/kinds.js';
import { loadModel } from '../model/read/load.js';
import { loadModelAt } from '../model/read/revision.js';
import { diffModels, type FieldChange, type ModelDiff, type RecordChange } from '../model/domain/diff.js';
import { rules } from '../rules/index.js';
import { verifyRevision } from '../util/git.js';
import { markdownCode, markdownText } from '../reporters/github-text.js';
import { type Command, formatOption, parse, repoDir, UsageError } from './command.js';

export const command: Command = {
  help: `Usage: opmodel diff BASE [HEAD] [DIR] [--format markdown|json]

Show what a change does to the model: entities added, removed and changed; for
decision rights, a changed decider, consulted or informed set, SLA or escalation;
bets that change status. BASE and HEAD are git revisions; without HEAD, the
work tree is compared. A second argument that is an existing folder is DIR.

Options:
  --format NAME   markdown (default; ready to post as a pull-request comment) or json

Example: opmodel diff origin/main
`,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' } });
    const format = formatOption(values.format, ['markdown', 'json'] as const, 'markdown');
    let [base, head, dir] = positionals;
    if (positionals.length > 3) throw new UsageError('diff takes BASE, HEAD and DIR at most.');
    if (!base) throw new UsageError('diff needs a BASE revision, such as `opmodel diff origin/main`.');
    if (head !== undefined && dir === undefined && existsSync(head) && statSync(head).isDirectory()) {
      dir = head;
      head = undefined;
    }
    const root = repoDir(dir);
    const config = loadConfig(root, rules, builtinKindNames);
    for (const rev of [base, head]) if (rev !== undefined) verifyRevision(root, rev);
    const before = await loadModelAt(root, config, base);
    const after = head === undefined ? (await loadModel(root, config)).entities : await loadModelAt(root, config, head);
    const diff = diffModels(before, after);
    const labels = { base, head: head ?? 'work tree' };
    process.stdout.write(format === 'json' ? `${JSON.stringify({ ...labels, ...diff }, null, 2)}\n` : markdown(diff, labels));
    return 0;
  },
};

// Everything from the model goes through the GitHub escaping: no HTML, mention or broken line.
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
const code = (v: unknown) => (v === null || v === undefined ? '_none_' : markdownCode(short(typeof v === 'string' ? v : JSON.stringify(v))));
const text = (s: string) => markdownText(short(s));

function listChange(change: FieldChange): string {
  const field = text(change.field);
  if (Array.isArray(change.before) || Array.isArray(change.after)) {
    const before = (Array.isArray(change.before) ? change.before : []).map((v) => JSON.stringify(v));
    const after = (Array.isArray(change.after) ? change.after : []).map((v) => JSON.stringify(v));
    const shown = (v: string) => code(JSON.parse(v) as unknown);
    const parts = [...after.filter((v) => !before.includes(v)).map((v) => `+ ${shown(v)}`), ...before.filter((v) => !after.includes(v)).map((v) => `− ${shown(v)}`)];
    return `${field} ${parts.join(', ') || 'reordered'}`;
  }
  return `${field} ${code(change.before)} → ${code(change.after)}`;
}

/** One decision record or check-in: "*Change list prices* decided by `cro` on 2026-11-20, superseding …". */
function recordLine(r: RecordChange): string {
  const verb = r.change === 'added' ? 'New' : 'Changed';
  const on = r.date ? ` on ${text(r.date)}` : '';
  if (r.decision) {
    const d = r.decision;
    const who = d.status === 'proposed' ? `proposed for ${code(d.decidedBy)} to decide${on}` : `${d.status === 'superseded' ? 'superseded; was decided' : 'decided'} by ${code(d.decidedBy)}${on}`;
    const right = d.right ? ` under “${text(d.right)}”` : '';
    const superseding = d.supersedes.length ? `, superseding ${d.supersedes.map((s) => `*${text(s.title)}*`).join(', ')}` : '';
    return `- ${verb} decision record *${text(r.title)}*${right}: ${who}${superseding}.`;
  }
  const c = r.checkIn!;
  const what = [c.confidence ?? 'no confidence given', c.next && c.next !== 'continue' ? `proposes ${c.next}` : ''].filter(Boolean).join(', ');
  return `- ${verb} check-in: *${text(c.bet?.title ?? r.title)}*: ${text(what)}${r.date ? ` (${r.date})` : ''}.`;
}

/** The diff as Markdown, ready to post as a pull-request comment. */
export function markdown(diff: ModelDiff, labels: { base: string; head: string }): string {
  const lines = [`### What this change does to the operating model`, '', `Compared ${code(labels.base)} with ${labels.head === 'work tree' ? 'the work tree' : code(labels.head)}.`, ''];
  const nothing = !diff.added.length && !diff.removed.length && !diff.renamed.length && !diff.changed.length && !diff.decisions.length;
  if (nothing) return `${lines.join('\n')}No change to the model.\n`;
  const decided = diff.decisions.filter((d) => d.change === 'changed');
  if (decided.length || diff.decisions.length) {
    lines.push('#### Decision rights', '');
    for (const d of diff.decisions) {
      const what = `*${text(d.decision)}*`;
      if (d.change === 'added') lines.push(`- New decision ${what}: ${code(d.after?.decides)} decides.`);
      else if (d.change === 'removed') lines.push(`- Removed decision ${what} (was decided by ${code(d.before?.decides)}).`);
      else {
        for (const c of d.changes) {
          if (c.field === 'decides') lines.push(`- Who decides ${what} moves from ${code(c.before)} to ${code(c.after)}.`);
          else lines.push(`- ${what}: ${listChange(c)}.`);
        }
      }
    }
    lines.push('');
  }
  if (diff.bets.length) {
    lines.push('#### Bets', '');
    for (const b of diff.bets) lines.push(b.from === null ? `- New bet **${text(b.title)}** (${code(b.to)}).` : `- **${text(b.title)}** goes from ${code(b.from)} to ${code(b.to)}.`);
    lines.push('');
  }
  if (diff.records.length) {
    lines.push('#### Decisions and check-ins', '');
    for (const r of diff.records) lines.push(recordLine(r));
    lines.push('');
  }
  // Records said above are not repeated as entities.
  const said = new Set(diff.records.map((r) => r.id));
  const added = diff.added.filter((e) => !said.has(e.id));
  const changed = diff.changed.filter((e) => !said.has(e.id));
  if (added.length || diff.removed.length || diff.renamed.length || changed.length) {
    lines.push('#### Entities', '');
    for (const r of diff.renamed) lines.push(`- Renamed ${text(r.to.kind)} **${text(r.to.title)}**: ${code(r.from.id)} is now ${code(r.to.id)} (${code(r.to.file)}).`);
    for (const e of added) lines.push(`- Added ${text(e.kind)} **${text(e.title)}** (${code(e.file)}).`);
    for (const e of diff.removed) lines.push(`- Removed ${text(e.kind)} **${text(e.title)}** (${code(e.file)}).`);
    for (const e of changed) {
      const parts = e.fields.map(listChange);
      if (e.bodyChanged) parts.push('text edited');
      lines.push(`- Changed ${text(e.kind)} **${text(e.title)}**: ${parts.join('; ')}.`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
