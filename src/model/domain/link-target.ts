// Where a relative Markdown link in a model file points, as a repository-relative path.
import { posix } from 'node:path';

/**
 * The repository-relative path a relative or root-absolute (`/model/…`, from the repository
 * root) Markdown link points at, or undefined for links that are not file links (URLs, anchors).
 */
export function resolveLinkTarget(fromFile: string, url: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  let path = url.split('#')[0]!.split('?')[0]!;
  if (path === '' || path === '/') return undefined;
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep it as written
    }
  }
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(fromFile), path);
  return posix.normalize(joined).replace(/\/$/, '');
}

/** Whether a resolved link target is outside the repository (`../…`): the `link` rule reports it, the handbook drops it. */
export function leavesRepository(target: string): boolean {
  return target === '..' || target.startsWith('../');
}

/** The link's target, resolved once by the reader (see BodyLink.target), or now. */
export function linkTarget(fromFile: string, link: { url: string; target?: string | null }): string | undefined {
  if (link.target !== undefined) return link.target ?? undefined;
  return resolveLinkTarget(fromFile, link.url);
}
