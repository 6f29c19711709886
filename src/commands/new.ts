// `opmodel new KIND TITLE`: create an entity file from a template, with its id taken from the title.
import { basename, join } from 'node:path';
import { builtinKindNames, builtinKinds, kindsOf, ofKind } from '../model/domain/kinds.js';
import { loadConfig, type Config } from '../config.js';
import { walkModel } from '../model/read/load.js';
import { escapeControl } from '../reporters/escape.js';
import { rules } from '../rules/index.js';
import { suggestId } from '../rules/id.js';
import { writeNewFile } from '../util/write.js';
import { closest } from '../util/did-you-mean.js';
import { template } from './templates.js';
import { asOf, asOfOption, type Command, parse, repoDir, UsageError } from './command.js';
import { loadRepository } from '../lint.js';
import { checkIn, checkInTemplate } from '../model/domain/kinds/check-in.js';

export const command: Command = {
  help: `Usage: opmodel new KIND TITLE [--dir DIR] [--as-of DATE]
       opmodel new check-in BET [--dir DIR] [--as-of DATE]

Create a new file in the model from a template. The id (file name) comes from
the title: opmodel new bet "Faster onboarding" creates model/bets/faster-onboarding.md.
It never overwrites a file, and refuses (exit 1) an id that any file in the model
already has, of any kind: ids are unique across the whole model.

A check-in is named after its bet and date: opmodel new check-in self-serve-onboarding
creates model/check-ins/self-serve-onboarding-<today>.md with the bet's leading
indicators listed; fill in each value and the confidence.

KIND: ${builtinKinds.filter((k) => k.folder !== '').map((k) => k.name).join(', ')} (or a custom kind from opmodel.config.yaml)

Options:
  --dir DIR       the repository root (default: the current folder)
  --as-of DATE    the date the new file is written for: a check-in's or decision's
                  date, a bet's quarter, review_by a year on (default: today)
`,
  async run(args) {
    const { values, positionals } = parse(args, { dir: { type: 'string' }, ...asOfOption });
    const [kind, ...titleWords] = positionals;
    if (kind === 'check-in') return newCheckIn(repoDir(values.dir), titleWords, asOf(values['as-of']));
    const title = titleWords.join(' ').trim();
    if (!kind || !title) throw new UsageError('new needs a KIND and a TITLE, such as `opmodel new bet "Faster onboarding"`.');
    const root = repoDir(values.dir);
    const config = loadConfig(root, rules, builtinKindNames);
    // The model root is one file at a fixed place (folder ''): `new` does not make another.
    const creatable = kindsOf(config).filter((k) => k.folder !== '');
    const definition = creatable.find((k) => k.name === kind);
    if (!definition) {
      const all = creatable.map((k) => k.name);
      const guess = closest(kind, all);
      throw new UsageError(`'${kind}' is not a kind${guess ? `; did you mean '${guess}'?` : '.'}`, `Kinds: ${all.join(', ')}.`);
    }
    const folder = definition.folder;
    if (!/[a-z0-9]/i.test(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))) {
      throw new UsageError(`'${title}' has no letters a–z or digits to make a file name from.`, 'Give a title with some Latin letters or digits, such as "Faster onboarding"; you can change the title inside the file afterwards.');
    }
    // Ids come from the title, cut at a word boundary so file names stay readable.
    const fullId = suggestId(title);
    const id = fullId.length <= 60 ? fullId : fullId.slice(0, 61).replace(/-[^-]*$/, '');
    const file = `${config.model}/${folder}/${id}.md`;
    const holder = fileWithId(root, config, id);
    if (holder !== undefined) return refuseTaken(id, holder);
    const refusal = writeNewFile(root, join(root, file), template(kind, title, asOf(values['as-of'])));
    if (refusal === 'exists') return refuseTaken(id, file);
    if (refusal) throw new UsageError(`${file} is outside the repository or behind a link; nothing was written.`);
    process.stdout.write(`Created ${file}\nFill in the fields marked with #, then run \`opmodel lint\`.\n`);
    return 0;
  },
};

/** `opmodel new check-in BET`: a check-in of an existing bet for `today`, its leading indicators listed. */
async function newCheckIn(root: string, words: string[], today: string): Promise<number> {
  if (words.length !== 1) throw new UsageError('new check-in needs one BET id, such as `opmodel new check-in self-serve-onboarding`.');
  const betId = words[0]!;
  const { config, model } = await loadRepository(root);
  const bets = ofKind(model.entities, 'bet');
  const bet = bets.find((b) => b.id === betId);
  if (!bet) {
    const guess = closest(betId, bets.map((b) => b.id));
    process.stderr.write(
      `opmodel: '${escapeControl(betId)}' is not a bet id${guess ? `; did you mean '${guess}'?` : '.'} Nothing was written.\n` +
        'A bet id is the file name of a bet in the bets folder, without .md.\n',
    );
    return 1;
  }
  if (bet.broken) {
    process.stderr.write(`opmodel: ${bet.file} has errors, so its leading indicators cannot be read. Nothing was written.\nRun \`opmodel lint\`, fix that file, then run \`opmodel new check-in ${bet.id}\` again.\n`);
    return 1;
  }
  const id = `${bet.id}-${today}`;
  const file = `${config.model}/${checkIn.folder}/${id}.md`;
  const holder = fileWithId(root, config, id);
  if (holder !== undefined) return refuseTaken(id, holder, 'This bet has a check-in for that date already: edit that file instead.');
  const indicators = Array.isArray(bet.data.leading_indicators) ? bet.data.leading_indicators : [];
  const text = checkInTemplate(bet.id, today, indicators.filter((i) => i && typeof i.metric === 'string'));
  const refusal = writeNewFile(root, join(root, file), text);
  if (refusal === 'exists') return refuseTaken(id, file, 'This bet has a check-in for that date already: edit that file instead.');
  if (refusal) throw new UsageError(`${file} is outside the repository or behind a link; nothing was written.`);
  process.stdout.write(`Created ${file}\nFill in each value and the confidence (the lines marked with #), then run \`opmodel lint\`.\n`);
  return 0;
}

/** The model file whose id (file name) is `id`, in any folder, compared without case. */
export function fileWithId(root: string, config: Config, id: string): string | undefined {
  return walkModel(root, config).found.find((f) => /\.md$/i.test(f.file) && basename(f.file).replace(/\.md$/i, '').toLowerCase() === id)?.file;
}

function refuseTaken(id: string, holder: string, hint = 'Choose another title (the id is made from it), or edit that file instead.'): number {
  process.stderr.write(`opmodel: the id '${id}' is taken by ${escapeControl(holder)}; ids are unique across the whole model, so nothing was written.\n${hint}\n`);
  return 1;
}
