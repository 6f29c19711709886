// The command line: parses argv, dispatches to one command module, and turns every failure into
// a short message and an exit code (0 ok, 1 findings, 2 usage/config/internal). No stack traces.
import { ConfigError } from './config.js';
import { UsageError, type Command } from './commands/command.js';
import { version } from './version.js';
import { todayEnvProblem } from './util/today.js';

const commands: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./commands/lint.js')).command,
  init: async () => (await import('./commands/init.js')).command,
  new: async () => (await import('./commands/new.js')).command,
  who: async () => (await import('./commands/who.js')).command,
  diff: async () => (await import('./commands/diff.js')).command,
  assess: async () => (await import('./commands/assess.js')).command,
  review: async () => (await import('./commands/review.js')).command,
  build: async () => (await import('./commands/build.js')).command,
  dev: async () => (await import('./commands/dev.js')).command,
  codeowners: async () => (await import('./commands/codeowners.js')).command,
  rename: async () => (await import('./commands/rename.js')).command,
  schemas: async () => (await import('./commands/schemas.js')).command,
};

const overview = `opmodel ${version} — your operating model as code

Usage: opmodel <command> [options]

Commands:
  lint [DIR]               check the model for problems (use this in CI)
  init [DIR]               create a starter model; never overwrites a file
  new KIND TITLE           create a bet, guardrail, team… from a template
  new check-in BET         a check-in of a bet for today, its indicators listed
  who QUERY [DIR]          who decides, is consulted and informed on a decision
  rename OLD NEW [DIR]     rename an id: move its file and update every reference
  diff BASE [HEAD] [DIR]   what a change does to the model, between git revisions
  assess [DIR]             the score report of the latest self-assessment
  review [DIR]             the weekly operating review agenda
  codeowners [DIR]         write .github/CODEOWNERS from the model's owners
  schemas [--check]        (opmodel's own source) write or check schemas/
  build [DIR]              build the handbook website
  dev [DIR]                preview the handbook with live reload

DIR is the repository root (default: the current folder).
Run \`opmodel <command> --help\` for a command's options.
`;

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(overview);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
    if (!load) throw new UsageError(`'${name}' is not an opmodel command.`, 'Run `opmodel --help` to see the commands.');
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.help);
      return 0;
    }
    const badToday = todayEnvProblem();
    if (badToday) throw new UsageError(badToday, 'Unset it to judge dates by today, or give a date such as 2026-11-21.');
    return await command.run(rest);
  } catch (error) {
    return report(error, name);
  }
}

function report(error: unknown, name: string | undefined): number {
  if (error instanceof UsageError) {
    process.stderr.write(`opmodel: ${error.message}\n${error.hint ?? (name ? `Run \`opmodel ${name} --help\` for usage.` : '')}\n`);
    return 2;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`opmodel: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`opmodel: internal error: ${message.split('\n')[0]}\nThis is a bug in opmodel; please report it with the command you ran.\n`);
  if (process.env.OPMODEL_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 2;
}
