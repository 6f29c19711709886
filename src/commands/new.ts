// `opmodel new KIND TITLE`: create an entity file from a template, with its id taken from the title.
import { basename, join } from 'node:path';
import { builtinKindNames, builtinKinds, kindsOf } from '../model/kinds.js';
import { loadConfig, type Config } from '../config.js';
import { walkModel } from '../model/load.js';
import { escapeControl } from '../reporters/escape.js';
import { rules } from '../rules/index.js';
import { suggestId } from '../rules/id.js';
import { writeNewFile } from '../util/write.js';
import { closest } from '../util/did-you-mean.js';
import { template } from './templates.js';
import { type Command, parse, repoDir, UsageError } from './command.js';

export const command: Command = {
  help: `Usage: opmodel new KIND TITLE [--dir DIR]

Create a new file in the model from a template. The id (file name) comes from
the title: opmodel new bet "Faster onboarding" creates model/bets/faster-onboarding.md.
It never overwrites a file, and refuses (exit 1) an id that any file in the model
already has, of any kind: ids are unique across the whole model.

KIND: ${builtinKinds.filter((k) => k.folder !== '').map((k) => k.name).join(', ')} (or a custom kind from opmodel.config.yaml)

Options:
  --dir DIR   the repository root (default: the current folder)
`,
  async run(args) {
    const { values, positionals } = parse(args, { dir: { type: 'string' } });
    const [kind, ...titleWords] = positionals;
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
    const refusal = writeNewFile(root, join(root, file), template(kind, title));
    if (refusal === 'exists') return refuseTaken(id, file);
    if (refusal) throw new UsageError(`${file} is outside the repository or behind a link; nothing was written.`);
    process.stdout.write(`Created ${file}\nFill in the fields marked with #, then run \`opmodel lint\`.\n`);
    return 0;
  },
};

/** The model file whose id (file name) is `id`, in any folder, compared without case. */
export function fileWithId(root: string, config: Config, id: string): string | undefined {
  return walkModel(root, config).found.find((f) => /\.md$/i.test(f.file) && basename(f.file).replace(/\.md$/i, '').toLowerCase() === id)?.file;
}

function refuseTaken(id: string, holder: string): number {
  process.stderr.write(
    `opmodel: the id '${id}' is taken by ${escapeControl(holder)}; ids are unique across the whole model, so nothing was written.\n` +
      'Choose another title (the id is made from it), or edit that file instead.\n',
  );
  return 1;
}
