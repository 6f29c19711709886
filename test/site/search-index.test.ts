// Pages reach Pagefind while Astro renders them (site/src/middleware.ts): each must be filed under
// the path Astro writes it to, as indexing the built folder would, or the search links break.
import { describe, expect, test } from 'vitest';
import { pageFile } from '../../src/site/build.js';

describe('the file a rendered page is indexed under', () => {
  test('directory pages, the home page, 404', () => {
    expect(pageFile('/', '/')).toBe('index.html');
    expect(pageFile('/bets/tip-pooling/', '/')).toBe('bets/tip-pooling/index.html');
    expect(pageFile('/bets/tip-pooling', '/')).toBe('bets/tip-pooling/index.html');
    expect(pageFile('/kinds/okr/index', '/')).toBe('kinds/okr/index/index.html');
    expect(pageFile('/404', '/')).toBe('404.html');
    expect(pageFile('/404.html', '/')).toBe('404.html');
  });

  test('under a sub-path, percent-encoded or not', () => {
    expect(pageFile('/handbook/', '/handbook/')).toBe('index.html');
    expect(pageFile('/handbook', '/handbook/')).toBe('index.html');
    expect(pageFile('/handbook/teams/', '/handbook/')).toBe('teams/index.html');
    expect(pageFile('/my%20site/teams/', '/my%20site/')).toBe('teams/index.html');
    expect(pageFile('/ops/model/roles/cto/', '/ops/model/')).toBe('roles/cto/index.html');
  });

  test('a page outside the sub-path, or a broken escape, has no file (the folder is indexed instead)', () => {
    expect(pageFile('/other/teams/', '/handbook/')).toBeNull();
    expect(pageFile('/handbookx/teams/', '/handbook/')).toBeNull();
    expect(pageFile('/bets/%E0%A4%A/', '/')).toBeNull();
  });
});
