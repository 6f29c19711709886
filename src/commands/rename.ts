// `opmodel rename OLD NEW [DIR]`: renames an id — moves its file and rewrites every reference to it
// across the model — all or nothing, with `--dry-run` to print the plan first.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { builtinKindNames } from '../model/domain/kinds.js';
import { loadConfig } from '../config.js';
import { loadModel, pathExists } from '../model/read/load.js';
import { relationsOf } from '../lint.js';
import { planRename, type RenamePlan } from '../model/edit/rename.js';
import { escapeControl } from '../reporters/escape.js';
import { rules } from '../rules/index.js';
import { idPattern, suggestId } from '../rules/id.js';
import { applyAllOrNothing, type FileChange } from '../util/file-transaction.js';
import { readExistingFile } from '../util/write.js';
import { closest } from '../util/did-you-mean.js';
import { fileWithId } from './new.js';
import { type Command, parse, repoDir, UsageError } from './command.js';

export const command: Command = {
  help: `Usage: opmodel rename OLD NEW [DIR] [--dry-run]

Rename an id. Moves the file OLD.md to NEW.md in the same folder and rewrites
every reference to OLD across the model: reference fields in frontmatter (of
every kind, custom kinds too), relative and /model/… links in bodies, and
decision-rights column headers and escalation cells. Only the id changes in
each file; comments, quotes and layout stay as they are.

It is all or nothing: when anything cannot be done (NEW is not a valid id, or
another file already has it; a file changed meanwhile; a file cannot be
written) nothing is changed. The id mentioned in prose is not a reference: it
is left alone, and rename lists where. Files outside the model folder (a README,
docs) are not changed; if you keep .github/CODEOWNERS, run \`opmodel codeowners\`
afterwards.

  opmodel rename growth-lead growth-director

Options:
  --dry-run   print every line that would change, and write nothing

DIR is the repository root (default: the current folder).
`,
  async run(args) {
    const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } });
    if (positionals.length < 2 || positionals.length > 3) {
      throw new UsageError('rename needs the old id and the new one, such as `opmodel rename growth-lead growth-director`.');
    }
    // An id is a file name: `model/roles/growth-lead.md` names the same id as `growth-lead`.
    const [oldId, newId] = positionals.slice(0, 2).map((arg) => arg.replace(/^.*[\\/]/, '').replace(/\.md$/i, '')) as [string, string];
    const root = repoDir(positionals[2]);
    if (!idPattern.test(newId)) {
      return refuse(`'${newId}' is not a valid id: use lower-case words joined by hyphens, such as '${suggestId(newId) || 'growth-director'}'.`);
    }
    if (newId === oldId) throw new UsageError(`the new id is the same as the old one, '${oldId}'.`);
    const config = loadConfig(root, rules, builtinKindNames);
    const model = await loadModel(root, config);
    const holders = model.entities.filter((e) => e.id === oldId);
    if (holders.length === 0) {
      const guess = closest(oldId, model.entities.map((e) => e.id));
      return refuse(`no file in the model has the id '${oldId}'${guess ? `; did you mean '${guess}'?` : '.'}`, 'An id is a file name without .md, such as growth-lead for model/roles/growth-lead.md.');
    }
    if (holders.length > 1) {
      return refuse(`'${oldId}' is the id of ${holders.length} files (${holders.map((h) => h.file).join(', ')}): ids must be unique, so rename one of those files by hand first.`);
    }
    const entity = holders[0]!;
    if (entity.kind === 'model') return refuse(`${entity.file} is the model root: its file name is fixed, so it cannot be renamed.`);
    const taken = fileWithId(root, config, newId);
    if (taken !== undefined) return refuse(`the id '${newId}' is taken by ${escapeControl(taken)}; ids are unique across the whole model, so nothing was written.`, 'Choose another id, or rename that file first.');

    // Plan from the text on disk, and only if it is the text the model was loaded from.
    const texts = new Map<string, string>();
    for (const e of model.entities) {
      const read = readExistingFile(root, join(root, e.file));
      const text = read.state === 'file' ? read.text : undefined;
      if (text === undefined || createHash('sha1').update(text).digest('hex') !== e.hash) {
        return refuse(`${escapeControl(e.file)} changed while rename read the model, so nothing was written.`, 'Run the command again.');
      }
      texts.set(e.file, text);
    }
    const plan = planRename({ entities: model.entities, relations: relationsOf(config), textOf: (file) => texts.get(file)! }, entity, newId);
    if (pathExists(join(root, plan.to))) return refuse(`${escapeControl(plan.to)} exists already, so nothing was written.`, 'Move or delete that file first, or choose another id.');
    if (plan.problems.length > 0) {
      const list = plan.problems.map((p) => `  ${escapeControl(p.file)}:${p.line}: ${escapeControl(p.message)}`).join('\n');
      return refuse(`cannot rename '${oldId}', so nothing was written:\n${list}`, 'Fix these by hand, then run rename again.');
    }
    if (values['dry-run']) {
      process.stdout.write(describePlan(plan));
      return 0;
    }
    const moved = plan.files.find((f) => f.from === plan.from)!;
    const changes: FileChange[] = [
      { path: join(root, plan.to), before: null, after: moved.after },
      ...plan.files.filter((f) => f !== moved).map((f) => ({ path: join(root, f.file), before: f.before, after: f.after })),
      { path: join(root, plan.from), before: moved.before, after: null },
    ];
    const failure = applyAllOrNothing(root, changes);
    if (failure) {
      const restored = failure.notRestored.length === 0 ? 'nothing was changed' : `these files could not be put back and need checking: ${failure.notRestored.join(', ')}`;
      return refuse(`could not write ${escapeControl(failure.file)} (${failure.reason}), so ${restored}.`);
    }
    process.stdout.write(`${summary(plan, 'Renamed')}\n${leftAloneNote(plan)}${codeownersNote(root, plan)}`);
    return 0;
  },
};

function refuse(message: string, hint?: string): number {
  process.stderr.write(`opmodel: ${message}\n${hint ? `${hint}\n` : ''}`);
  return 1;
}

function summary(plan: RenamePlan, verb: string): string {
  const files = plan.files.filter((f) => f.references > 0).length;
  const refs = `${plan.references} reference${plan.references === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return `${verb} ${plan.kind} \`${plan.oldId}\` to \`${plan.newId}\`: moved ${escapeControl(plan.from)} to ${escapeControl(plan.to)}, updated ${refs}.`;
}

/** The plan as `--dry-run` prints it: each file, and each line that changes, old then new. */
function describePlan(plan: RenamePlan): string {
  const out = [`${summary(plan, 'Would rename').replace(/: moved/, ': would move').replace(/, updated/, ', update')} (dry run: nothing was written)`, ''];
  for (const file of plan.files) {
    const heading = file.from === file.file ? file.file : `${file.from} → ${file.file}`;
    out.push(escapeControl(heading));
    const width = String(Math.max(0, ...file.lines.map((l) => l.line))).length;
    for (const change of file.lines) {
      out.push(`  ${String(change.line).padStart(width)} - ${escapeControl(change.before)}`);
      out.push(`  ${' '.repeat(width)} + ${escapeControl(change.after)}`);
    }
    if (file.lines.length === 0) out.push('  (moved as it is)');
  }
  return `${out.join('\n')}\n${leftAloneNote(plan)}`;
}

/** Where the id stands in text that is not a reference, which rename leaves as it is. */
function leftAloneNote(plan: RenamePlan): string {
  const places = plan.leftAlone;
  if (places.length === 0) return '';
  const shown = places.slice(0, 10).map((p) => `${escapeControl(p.file)}:${p.line}`);
  const more = places.length > shown.length ? `, and ${places.length - shown.length} more` : '';
  return `Left alone: '${plan.oldId}' also appears ${places.length} time${places.length === 1 ? '' : 's'} in text that is not a reference (${shown.join(', ')}${more}). Change it by hand where it means this ${plan.kind}.\n`;
}

/** A CODEOWNERS file that names the old path goes stale: say how to refresh it. */
function codeownersNote(root: string, plan: RenamePlan): string {
  const codeowners = readExistingFile(root, join(root, '.github', 'CODEOWNERS'));
  if (codeowners.state !== 'file' || !codeowners.text.includes(plan.from)) return '';
  return 'Run `opmodel codeowners` to update .github/CODEOWNERS, which names the old file.\n';
}
