// The CI workflows follow the rules for untrusted pull requests: `pull_request` only, read-only
// tokens by default, and no user-controlled `${{ }}` expression inside a `run:` script. The rules
// hold for this repository's workflows and for the one `opmodel init` writes into a user's repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli, tempDir } from './helpers.js';

interface Step {
  run?: string;
  with?: Record<string, unknown>;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { if?: string; needs?: string; permissions?: Record<string, string>; steps: Step[] }>;
}

const dir = join(repoRoot, '.github', 'workflows');
const ours = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

// The workflow a user gets, written by the real CLI into an empty folder.
const userRepo = tempDir();
const init = runCli(['init'], userRepo);
const written = readFileSync(join(userRepo, '.github/workflows/opmodel.yml'), 'utf8');

describe.each([...ours, ['opmodel.yml written by `opmodel init`', written] as const])('%s', (_name, text) => {
  const workflow = parse(text) as Workflow;

  it('never triggers on pull_request_target', () => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
  });

  it('reads only by default', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('passes expressions to scripts through env, never inside run:', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
    }
  });

  it('does not leave the checkout token on disk', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) if (step.uses?.startsWith('actions/checkout')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('grants write permissions only to jobs that run no checked-out code', () => {
    for (const job of Object.values(workflow.jobs)) {
      const writes = Object.values(job.permissions ?? {}).includes('write');
      const runsCode = job.steps.some((s) => s.run !== undefined);
      expect(writes && runsCode).toBe(false);
    }
  });

  it('never fails a pull request on any warning at all (a date or an assessment band can warn by itself)', () => {
    expect(text).not.toMatch(/--max-warnings[ =]0\b|max-warnings:\s*0\b/);
  });

  it('builds the handbook from the full history, so its dates and changelog are real', () => {
    for (const job of Object.values(workflow.jobs)) {
      if (!job.steps.some((s) => /opmodel(\.js)? build/.test(s.run ?? ''))) continue;
      expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    }
  });
});

describe('the workflow `opmodel init` writes', () => {
  const workflow = parse(written) as Workflow;
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };

  it('is listed as created', () => {
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('  .github/workflows/opmodel.yml\n');
  });

  it('names the Action by the package repository and major version, after a full checkout', () => {
    const [owner, name] = manifest.repository.url.replace(/^git\+https:\/\/github\.com\//, '').replace(/\.git$/, '').split('/');
    const steps = workflow.jobs.lint!.steps;
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, 'persist-credentials': false } });
    expect(steps[1]!.uses).toBe(`${owner}/${name}@v${manifest.version.split('.')[0]}`);
    expect(workflow.jobs.lint!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.jobs.lint!.if).toBe("github.event_name == 'pull_request'");
  });

  it('checks CODEOWNERS on pull requests with the installed opmodel, never a download', () => {
    const runs = workflow.jobs.codeowners!.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(['npm ci --no-audit --no-fund', 'npx --no-install opmodel codeowners --check']);
  });

  it('publishes the handbook on pushes to main and weekly, with Pages rights on the deploy job only', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) }]);
    const build = workflow.jobs.handbook!;
    expect(build.if).toBe("github.event_name != 'pull_request'");
    expect(build.permissions).toBeUndefined();
    const runs = build.steps.map((s) => s.run).filter(Boolean);
    expect(runs[0]).toBe('npm ci --no-audit --no-fund');
    expect(runs[1]).toMatch(/^npx --no-install opmodel build --out _site /);
    expect(build.steps.at(-1)).toMatchObject({ uses: 'actions/upload-pages-artifact@v3', with: { path: '_site' } });
    expect(workflow.jobs.deploy).toMatchObject({ needs: 'handbook', permissions: { pages: 'write', 'id-token': 'write' } });
    expect(workflow.jobs.deploy!.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  it('is the workflow the README shows, in full', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${written}\`\`\``);
  });
});

describe("the README's commands for working on opmodel", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');

  it('are two, and CI runs the same test command', () => {
    const quickStart = /## Working on opmodel[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    const commands = quickStart.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
    expect(ci.split('\n')).toContain('npm test');
    expect(ci).toMatch(/^npm install\b/m);
  });

  it('pin the example model to a date in CI, so the calendar never turns it red', () => {
    expect(ci).toMatch(/^export OPMODEL_TODAY=\d{4}-\d{2}-\d{2}$/m);
    expect(ci).toMatch(/lint --max-warnings 0 --as-of "\$OPMODEL_TODAY"/);
  });
});
