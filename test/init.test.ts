// `opmodel init` in a repository that already has some of its files: it writes the rest, overwrites
// nothing, and says what it skipped (the workflow, the .gitignore and what that one lacks).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, runCli, tempDir, writeFile } from './helpers.js';

afterAll(cleanTemp);

describe('opmodel init next to existing files', () => {
  it('keeps an existing workflow and .gitignore byte for byte, and says which lines the .gitignore lacks', () => {
    const root = tempDir();
    const ownWorkflow = 'name: ours\non: push\njobs: {}\n';
    const ownIgnore = '/node_modules\n*.log\n';
    writeFile(root, '.github/workflows/opmodel.yml', ownWorkflow);
    writeFile(root, '.gitignore', ownIgnore);
    const run = runCli(['init'], root);
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, '.github/workflows/opmodel.yml'), 'utf8')).toBe(ownWorkflow);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe(ownIgnore);
    expect(run.stdout).toContain('Left as they were:\n  .github/workflows/opmodel.yml (already exists)\n  .gitignore (already exists; add _site/ .opmodel-cache/ to it)\n');
    expect(run.stdout).toContain('  model/operating-model.md\n');
  });

  it('writes a .gitignore that keeps node_modules, the built site and the cache out of git', () => {
    const root = tempDir();
    expect(runCli(['init'], root).status).toBe(0);
    const lines = readFileSync(join(root, '.gitignore'), 'utf8').split('\n');
    expect(lines).toEqual(expect.arrayContaining(['node_modules/', '_site/', '.opmodel-cache/']));
  });

  it('dates the starter model by the same today as lint, so it lints clean on any date', () => {
    for (const today of ['2026-02-28', '2028-02-29', '2031-12-31']) {
      const root = tempDir();
      expect(runCli(['init'], root, { OPMODEL_TODAY: today }).status).toBe(0);
      const model = readFileSync(join(root, 'model/operating-model.md'), 'utf8');
      const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
      expect(model).toContain(`quarter: ${quarter}\n`);
      const lint = runCli(['lint', '--max-warnings', '0'], root, { OPMODEL_TODAY: today });
      expect(lint.status, lint.stdout).toBe(0);
    }
  });
});
