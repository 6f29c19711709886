// End to end on real parts, as a company adopting opmodel would: `npm pack` a fresh copy of this
// checkout (no dist/ yet: packing must build it, and fail loudly when the build fails), install the
// tarball as a dev dependency of a new model repository, and run every command through `npx
// opmodel`, the handbook's Astro build and dev server included. Also: an old Node gets one line.
// Slow (a minute or two); the timings are printed for the record.
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemp, repoRoot, tempDir } from './helpers.js';

const timings: [string, number][] = [];
afterAll(() => {
  console.log(`install.test.ts timings:\n${timings.map(([step, ms]) => `  ${step.padEnd(38)} ${(ms / 1000).toFixed(1)} s`).join('\n')}`);
  cleanTemp();
});

/** The Node that runs the tests (22.12 or newer) first on PATH, as on a user's machine. */
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  NO_COLOR: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  npm_config_update_notifier: 'false',
};
for (const key of Object.keys(env)) if (key === 'VITEST' || key.startsWith('VITEST_') || key === 'OPMODEL_TODAY') delete env[key as keyof typeof env];

function run(step: string | undefined, command: string, args: string[], cwd: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (step) timings.push([step, performance.now() - started]);
  return result;
}

/** A copy of this checkout's files as git would hand them out: tracked and new, no dist/ or node_modules/. */
function freshCopy(): string {
  const copy = join(tempDir('opmodel-checkout-'), 'opmodel');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0');
  for (const file of files) {
    if (!file || !existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(copy, file));
  }
  // The development dependencies the build needs, as `npm install` would have put them there.
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

let tarball = '';
let packed: string[] = [];
let repo = '';
let installed: SpawnSyncReturns<string>;
const opmodel = (step: string | undefined, args: string[], extra: Record<string, string> = {}) => run(step, 'npx', ['--no-install', 'opmodel', ...args], repo, extra);

beforeAll(() => {
  const checkout = freshCopy();
  expect(existsSync(join(checkout, 'dist'))).toBe(false);
  const out = tempDir('opmodel-pack-');
  const pack = run('npm pack (builds dist/)', 'npm', ['pack', '--pack-destination', out, '--loglevel=error'], checkout);
  expect(pack.status, pack.stderr).toBe(0);
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  packed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));

  repo = tempDir('opmodel-model-repo-');
  run(undefined, 'git', ['init', '-q', '-b', 'main'], repo);
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'acme-operating-model', private: true }, null, 2)}\n`);
  installed = run('npm install --save-dev <tarball>', 'npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], repo);
}, 600_000);

describe('npm pack', () => {
  it('builds dist/ from a fresh checkout and ships what the commands need, and nothing else', () => {
    expect(tarball).toMatch(/opmodel-\d+\.\d+\.\d+\.tgz$/);
    for (const file of ['bin/opmodel.js', 'dist/cli.js', 'dist/model/read/worker.bundle.js', 'LICENSE', 'README.md', 'package.json', 'site/astro-config.mjs', 'schemas/bet.schema.json']) {
      expect(packed, file).toContain(file);
    }
    const ruleDocs = readdirSync(join(repoRoot, 'docs/rules')).map((f) => `docs/rules/${f}`);
    expect(packed).toEqual(expect.arrayContaining(ruleDocs));
    expect(packed.filter((f) => /^(test|bench|src|scripts|model|\.ci|\.github)\/|^site\/(\.astro|node_modules|dist)\/|\.tsbuildinfo$/.test(f))).toEqual([]);
  });

  it('fails loudly, and writes no tarball, when the build fails', () => {
    const checkout = freshCopy();
    writeFileSync(join(checkout, 'tsconfig.json'), '{ "compilerOptions": { "strict": tru');
    const out = tempDir('opmodel-pack-');
    const pack = run(undefined, 'npm', ['pack', '--pack-destination', out, '--loglevel=error'], checkout);
    expect(pack.status).not.toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a new model repository with opmodel installed from the tarball', () => {
  it('installs as a dev dependency', () => {
    expect(installed.status, installed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(manifest.devDependencies)).toEqual(['opmodel']);
    expect(existsSync(join(repo, 'node_modules/opmodel/dist/cli.js'))).toBe(true);
  });

  it('init, lint, codeowners --check, build and new run through npx', () => {
    const init = opmodel('npx opmodel init', ['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('  .github/workflows/opmodel.yml\n');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toContain('node_modules/\n');
    expect(readFileSync(join(repo, '.github/workflows/opmodel.yml'), 'utf8')).toContain('      - uses: opmodel/opmodel@v1\n');

    const lint = opmodel('npx opmodel lint', ['lint', '--max-warnings', '0']);
    expect(lint.status, lint.stdout).toBe(0);
    expect(lint.stderr).toBe('✔ No problems in 13 model files.\n');

    // CODEOWNERS needs handles: give the model's owner one, write the file, and check it.
    const cpo = join(repo, 'model/roles/cpo.md');
    writeFileSync(cpo, readFileSync(cpo, 'utf8').replace('team: product\n', 'team: product\ngithub: "@acme-cpo"\n'));
    expect(opmodel(undefined, ['codeowners']).status).toBe(0);
    expect(readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('/opmodel.config.yaml @acme-cpo\n/.github/ @acme-cpo\n');
    const check = opmodel('npx opmodel codeowners --check', ['codeowners', '--check']);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toContain("owners have no GitHub handle, so the model's owner (@acme-cpo) reviews their files");

    run(undefined, 'git', ['add', '-A'], repo);
    run(undefined, 'git', ['commit', '-qm', 'Our operating model'], repo);

    // A real Astro build from node_modules/opmodel; two years on, the guardrail needs review.
    const asOf = `${Number(new Date().toISOString().slice(0, 4)) + 2}-06-30`;
    const build = opmodel('npx opmodel build (Astro + Pagefind)', ['build', '--as-of', asOf]);
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(repo, '_site/index.html'))).toBe(true);
    expect(existsSync(join(repo, '_site/pagefind/pagefind.js'))).toBe(true);
    const guardrail = readFileSync(join(repo, '_site/guardrails/customer-data-stays-in-region/index.html'), 'utf8');
    expect(guardrail).toContain('Needs review.');

    // A new bet is a template to fill in (so lint finds its blanks); its id must be free.
    const created = opmodel('npx opmodel new bet', ['new', 'bet', 'Faster onboarding']);
    expect(created.status, created.stderr).toBe(0);
    expect(existsSync(join(repo, 'model/bets/faster-onboarding.md'))).toBe(true);
    const taken = opmodel(undefined, ['new', 'role', 'Product']);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('model/teams/product.md');
    expect(opmodel(undefined, ['codeowners', '--check']).status).toBe(1); // the new bet has no line yet
  });

  it('dev serves the handbook from the installed package', async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    const started = performance.now();
    const child = spawn('npx', ['--no-install', 'opmodel', 'dev', '--port', String(port)], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        const timer = setTimeout(() => fail(new Error(`dev did not start:\n${out}`)), 90_000);
        const read = (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Handbook preview at (\S+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            done(match[1]!);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => fail(new Error(`dev exited ${code}:\n${out}`)));
      });
      const page = await fetch(new URL('guardrails/customer-data-stays-in-region/', url));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Customer data stays in its region');
      expect(html).not.toContain('Needs review.'); // today, the guardrail is a year from its review
      timings.push(['npx opmodel dev (first page)', performance.now() - started]);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 120_000);
});

/** A Node older than 22.12 on this machine (CI's PATH has Node 20), if any. */
const oldNode = (process.env.PATH ?? '')
  .split(':')
  .map((dir) => join(dir, 'node'))
  .find((path) => {
    if (!existsSync(path)) return false;
    const version = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    return major > 0 && (major < 22 || (major === 22 && minor < 12));
  });

describe.skipIf(!oldNode)(`on an old Node (${oldNode})`, () => {
  it('every command exits 2 with one line naming the version needed, and does nothing', () => {
    const version = spawnSync(oldNode!, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const empty = tempDir();
    for (const args of [['lint'], ['build'], ['dev'], ['init'], ['new', 'bet', 'X'], ['--version'], ['--help'], []]) {
      const direct = spawnSync(oldNode!, [join(repo, 'node_modules/opmodel/bin/opmodel.js'), ...args], { cwd: empty, encoding: 'utf8' });
      expect(direct.status, args.join(' ')).toBe(2);
      expect(direct.stderr).toBe(`opmodel needs Node.js 22.12 or newer; this is Node.js ${version}.\n`);
      expect(direct.stdout).toBe('');
    }
    expect(readdirSync(empty)).toEqual([]);
    // As a user meets it: npx with that Node first on PATH.
    const viaNpx = run(undefined, 'npx', ['--no-install', 'opmodel', 'lint'], repo, { PATH: `${dirname(oldNode!)}:${env.PATH}` });
    expect(viaNpx.status).toBe(2);
    expect(viaNpx.stderr).toBe(`opmodel needs Node.js 22.12 or newer; this is Node.js ${version}.\n`);
  });
});
