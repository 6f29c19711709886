// The Action's one comment per pull request: found again by its hidden marker (every page of the
// comment list is read), updated on each push, never duplicated. A token that cannot write — a
// fork's pull request — skips it with a notice; the comment never fails the job.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { commentMarker } from './report.js';

/** Where to comment: the base repository and the pull request's number. */
export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** What happened to the comment, for the log and the tests. */
export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

/**
 * Creates or updates the pull request's opmodel comment. With `onlyIfExists`, a missing comment
 * is not created (a pull request that does not touch the model gets no comment).
 */
export async function upsertComment(token: string, target: CommentTarget, body: string, onlyIfExists: boolean): Promise<CommentOutcome> {
  const octokit = github.getOctokit(token);
  const where = { owner: target.owner, repo: target.repo, issue_number: target.issueNumber };
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 });
    const marked = comments.filter((c) => typeof c.body === 'string' && c.body.startsWith(commentMarker));
    // A person who pasted the marker into their own comment does not get it overwritten.
    const mine = marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
    if (mine) {
      if (mine.body === body) return 'unchanged';
      await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body });
      return 'updated';
    }
    if (onlyIfExists) return 'unchanged';
    await octokit.rest.issues.createComment({ ...where, body });
    return 'created';
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 401 || status === 404) {
      core.notice(`opmodel did not comment on the pull request: the token cannot write to it (HTTP ${status}). On a public repository, see docs/action.md for the two-workflow set-up that comments on pull requests from forks.`);
    } else {
      core.warning(`opmodel could not comment on the pull request: ${(error as Error).message.split('\n')[0]}`);
    }
    return 'skipped';
  }
}
