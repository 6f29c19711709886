// `opmodel schemas`: generate schemas/<kind>.schema.json from the TypeScript kind types
// (src/model/domain/kinds/), or with --check fail when the committed schemas are out of date.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { builtinKinds } from '../model/domain/kinds.js';
import { type Command, parse, UsageError } from './command.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const command: Command = {
  help: `Usage: opmodel schemas [--check]

Generate the JSON Schema of every kind into schemas/ from the TypeScript types in
src/model/domain/kinds/ (in an opmodel checkout). Editors can use these schemas to check
frontmatter as you type.

Options:
  --check   write nothing; exit 1 when a schema in schemas/ differs from a fresh generation
`,
  async run(args) {
    const { values, positionals } = parse(args, { check: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError('schemas takes no arguments besides --check.');
    const fresh = await generateSchemas();
    const dir = join(packageRoot, 'schemas');
    const stale: string[] = [];
    for (const [name, text] of fresh) {
      const path = join(dir, name);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (current === text) continue;
      stale.push(name);
      if (!values.check) {
        mkdirSync(dir, { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, text, { flag: 'wx' });
        renameSync(temp, path);
      }
    }
    if (values.check) {
      if (stale.length === 0) {
        process.stdout.write(`schemas/ is up to date (${fresh.size} schemas).\n`);
        return 0;
      }
      process.stdout.write(`schemas/ is out of date: ${stale.join(', ')}.\nRun \`npm run schemas\` and commit the result.\n`);
      return 1;
    }
    process.stdout.write(stale.length ? `Wrote ${stale.map((s) => `schemas/${s}`).join(', ')}.\n` : `schemas/ is already up to date (${fresh.size} schemas).\n`);
    return 0;
  },
};

/** Generates every kind's schema text, keyed by file name. */
export async function generateSchemas(): Promise<Map<string, string>> {
  const sources = join(packageRoot, 'src', 'model', 'domain', 'kinds');
  if (!existsSync(sources)) {
    throw new UsageError('schemas needs the opmodel source (src/model/domain/kinds/), which this installation does not have.', 'Run it in a checkout of the opmodel repository.');
  }
  let generator: typeof import('ts-json-schema-generator');
  try {
    generator = await import('ts-json-schema-generator');
  } catch {
    throw new UsageError('schemas needs the development dependencies.', 'Run `npm install` in the opmodel checkout first.');
  }
  const out = new Map<string, string>();
  for (const kind of builtinKinds) {
    const schema = generator
      .createGenerator({
        path: join(sources, `${kind.name}.ts`),
        type: kind.typeName,
        tsconfig: join(packageRoot, 'tsconfig.json'),
        additionalProperties: false,
        topRef: false,
        jsDoc: 'extended',
        skipTypeCheck: true,
        expose: 'none',
        sortProps: false,
      })
      .createSchema(kind.typeName) as Record<string, unknown>;
    const finished = {
      $schema: schema.$schema,
      title: `opmodel ${kind.name}`,
      ...schema,
      // Fields whose names start with `x-` are free for a company's own use.
      patternProperties: { '^x-': {} },
    };
    out.set(`${kind.name}.schema.json`, `${JSON.stringify(finished, null, 2)}\n`);
  }
  return out;
}
