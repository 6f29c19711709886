// The GitHub Action (action.yml): lints the model of a pull request, annotates the files it
// changed and the findings it caused elsewhere, writes the job summary and one comment with the
// model diff, and fails the job exactly when `opmodel lint --changed-since BASE` would exit 1.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { lint, type LintOutcome } from '../lint.js';
import { ConfigError } from '../config.js';
import { changedSince, type ChangedSinceReport } from '../changed-since.js';
import { diffModels } from '../model/domain/diff.js';
import { markdown as diffMarkdown } from '../commands/diff.js';
import { reporterOptions } from '../commands/lint.js';
import { UsageError } from '../commands/command.js';
import { sarif } from '../reporters/sarif.js';
import { annotationTitle } from '../reporters/github.js';
import { annotationText } from '../reporters/github-text.js';
import { git } from '../util/git.js';
import type { Finding, LintResult } from '../types.js';
import { upsertComment } from './comment.js';
import { commentMarkdown, summaryMarkdown, type RunReport } from './report.js';

/** The inputs of action.yml, read and checked. */
interface Inputs {
  root: string;
  changedOnly: boolean;
  maxWarnings: number | undefined;
  summary: boolean;
  comment: boolean;
  sarif: string;
  token: string;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new UsageError(`The input '${name}' must be true or false, not '${value}'.`);
}

function readInputs(): Inputs {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const max = core.getInput('max-warnings').trim();
  const maxWarnings = max === '' || max === '-1' ? undefined : Number(max);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`The input 'max-warnings' must be a whole number such as 0, not '${max}'.`);
  return {
    root: resolve(workspace, core.getInput('path') || '.'),
    changedOnly: booleanInput('changed-only', true),
    maxWarnings,
    summary: booleanInput('summary', true),
    comment: booleanInput('comment', true),
    sarif: core.getInput('sarif').trim(),
    token: core.getInput('github-token') || process.env.GITHUB_TOKEN || '',
  };
}

/** The pull request the workflow runs for, if any: its base commit, head commit and repositories. */
interface PullRequest {
  number: number;
  baseSha: string;
  headSha: string;
  fork: boolean;
}

function pullRequestOf(payload: typeof github.context.payload): PullRequest | undefined {
  const pr = payload.pull_request as { number?: number; base?: { sha?: string; repo?: { full_name?: string } }; head?: { sha?: string; repo?: { full_name?: string } | null } } | undefined;
  if (!pr?.number || !pr.base?.sha) return undefined;
  return {
    number: pr.number,
    baseSha: pr.base.sha,
    headSha: pr.head?.sha ?? github.context.sha,
    // A deleted fork has no head repository: it is still not the base repository.
    fork: pr.head?.repo?.full_name !== pr.base.repo?.full_name,
  };
}

/**
 * Makes sure the base commit is in the clone: actions/checkout fetches one commit by default,
 * so the base is fetched by itself (one commit deep in a shallow clone). The token authenticates
 * the fetch when the checkout kept no credentials (`persist-credentials: false`); it is passed in
 * the environment, for the server's URL only, never on the command line or in .git/config.
 * Returns false when the base cannot be had.
 */
export function ensureRevision(root: string, sha: string, token: string): boolean {
  const has = () => {
    try {
      git(root, ['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return true;
  const shallow = git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const auth = token ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${server}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` } : {};
  try {
    core.info(`Fetching the base commit ${sha}${shallow ? ' (shallow clone)' : ''}.`);
    execFileSync('git', ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), 'origin', sha], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...auth } });
  } catch (error) {
    const reason = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim().split('\n')[0];
    core.warning(`opmodel could not fetch the base commit ${sha} (${reason}); it reports the whole model instead.`);
    return false;
  }
  return has();
}

/** Annotates one finding where GitHub shows it: its file, line and column, with the rule as title. */
function annotate(d: Finding, prefix: string): void {
  const related = (d.related ?? []).map((r) => `\n↳ ${prefix}${r.file}:${r.line}:${r.column} ${r.message}`).join('');
  const properties = { title: annotationTitle(d.rule), file: prefix + d.file, startLine: d.line, endLine: d.line, startColumn: d.column };
  core[d.severity](annotationText(d.message + related), properties);
}

/** Where the model repository sits inside the git repository (`''` or `sub/`), for paths GitHub resolves. */
function gitPrefix(root: string): string {
  try {
    return git(root, ['rev-parse', '--show-prefix']).trim();
  } catch {
    const rel = relative(process.env.GITHUB_WORKSPACE || process.cwd(), root).split('\\').join('/');
    return rel === '' ? '' : `${rel}/`;
  }
}

/** Runs the Action; sets the outputs, and fails the step as `opmodel lint` would exit 1. */
export async function run(): Promise<void> {
  const started = performance.now();
  const inputs = readInputs();
  const { context } = github;
  const pr = pullRequestOf(context.payload);
  const prefix = gitPrefix(inputs.root);
  const haveBase = pr !== undefined && ensureRevision(inputs.root, pr.baseSha, inputs.token);

  const head: LintOutcome = await lint(inputs.root, { keepBodies: haveBase && (inputs.summary || inputs.comment) });
  let partial: ChangedSinceReport | undefined;
  if (haveBase) partial = await changedSince(inputs.root, pr.baseSha, head, { keepBodies: inputs.summary || inputs.comment });
  const result: LintResult = inputs.changedOnly && partial ? partial.result : head.result;

  for (const d of result.diagnostics) annotate(d, prefix);
  core.setOutput('errors', result.errors);
  core.setOutput('warnings', result.warnings);
  if (inputs.sarif) writeFileSync(resolve(process.env.GITHUB_WORKSPACE || process.cwd(), inputs.sarif), sarif(result, reporterOptions(false)));

  const diff = partial && pr ? diffMarkdown(diffModels(partial.base.model.entities, head.model.entities), { base: pr.baseSha.slice(0, 12), head: pr.headSha.slice(0, 12) }) : undefined;
  const report: RunReport = {
    result,
    prefix,
    ...(diff !== undefined ? { diff } : {}),
    ...(inputs.changedOnly && partial ? { partial: { changedModelFiles: partial.changedModelFiles.length, notReported: partial.notReported } } : {}),
    ...(pr ? { blobUrl: `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/blob/${pr.headSha}/` } : {}),
    ...(context.runId ? { runUrl: `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` } : {}),
  };
  if (inputs.summary) {
    try {
      await core.summary.addRaw(summaryMarkdown(report), true).write();
    } catch (error) {
      core.warning(`opmodel could not write the job summary: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (inputs.comment && pr && diff !== undefined) {
    if (pr.fork) core.notice('opmodel did not comment: this pull request comes from a fork, whose token cannot write comments. See docs/action.md for the two-workflow set-up that can.');
    else if (!inputs.token) core.notice('opmodel did not comment: no github-token.');
    else {
      const unchangedModel = /\nNo change to the model\.\n?$/.test(diff);
      const outcome = await upsertComment(inputs.token, { ...context.repo, issueNumber: pr.number }, commentMarkdown(report), unchangedModel && result.diagnostics.length === 0);
      core.info(`Pull-request comment: ${outcome}.`);
    }
  }

  core.info(`opmodel: ${result.errors} error(s), ${result.warnings} warning(s) in ${Math.round(performance.now() - started)} ms.`);
  if (result.errors > 0) core.setFailed(`opmodel lint found ${result.errors} error${result.errors === 1 ? '' : 's'}.`);
  else if (inputs.maxWarnings !== undefined && result.warnings > inputs.maxWarnings) core.setFailed(`opmodel lint found ${result.warnings} warnings, more than max-warnings ${inputs.maxWarnings}.`);
}

/** Runs the Action and turns every failure into one line on the step, never a stack trace. */
export async function main(): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) core.setFailed(`opmodel: ${error.message}`);
    else core.setFailed(`opmodel: internal error: ${(error as Error).message?.split('\n')[0] ?? String(error)}. This is a bug in opmodel; please report it.`);
  }
}
