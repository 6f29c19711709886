// The package's version and the GitHub repository its Action lives in, read once from package.json.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; repository?: string | { url?: string } };

export const version: string = manifest.version;

/**
 * How a workflow names opmodel's GitHub Action: OWNER/NAME@vMAJOR, from package.json's
 * `repository` (a GitHub URL, `github:owner/name` or `owner/name`) and the major version.
 */
export function actionRef(): string {
  const url = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
  const match = /^(?:github:|(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com\/)?([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?$/.exec(url);
  if (!match) throw new Error(`package.json's repository (${JSON.stringify(url)}) is not a GitHub repository, so the Action cannot be named.`);
  return `${match[1]}/${match[2]}@v${version.split('.')[0]}`;
}
