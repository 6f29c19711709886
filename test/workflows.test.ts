// The CI workflows follow the rules for untrusted pull requests: `pull_request` only, read-only
// tokens by default, and no user-controlled `${{ }}` expression inside a `run:` script.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers.js';

const dir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml'));

describe.each(workflows)('%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const workflow = parse(text) as { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps: { run?: string; with?: Record<string, unknown>; uses?: string }[] }> };

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
});
