// Ours: search as a dialog (Ctrl+K or `/`, or the header's box) and on the search page, over
// Pagefind's index. Results show their kind, owner and unit (Pagefind metadata the pages carry);
// a result whose title has every word of the query comes first. No framework, one request per query.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(term: string, options?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

let loading: Promise<Pagefind> | undefined;

function load(bundle: string, base: string): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ baseUrl: base, excerptLength: 22 });
    return pagefind;
  });
  return loading;
}

/** Words of a query, lower case, for the title check. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Results whose title holds every word of the query first; otherwise Pagefind's order. */
export function rank<T extends { meta: Record<string, string | undefined> }>(query: string, results: T[]): T[] {
  const words = wordsOf(query);
  const inTitle = (result: T) => {
    const title = wordsOf(result.meta.title ?? '');
    return words.length > 0 && words.every((word) => title.some((t) => t.startsWith(word)));
  };
  return [...results.filter(inTitle), ...results.filter((r) => !inTitle(r))];
}

/** Connects one search box to its result list. */
function connect(box: HTMLFormElement, input: HTMLInputElement, list: HTMLElement, status: HTMLElement, bundle: string, base: string): (query: string) => void {
  let latest = 0;
  const run = async (query: string) => {
    const ticket = ++latest;
    if (query.trim() === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await load(bundle, base);
    } catch {
      status.textContent = 'Search is not available here: it works in the built handbook (opmodel build).';
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 120);
    if (search === null || ticket !== latest) return;
    const found = rank(query, await Promise.all(search.results.slice(0, 20).map((result) => result.data())));
    if (ticket !== latest) return;
    list.replaceChildren(...found.map((result) => {
      const item = document.createElement('li');
      item.className = 'search-result';
      const link = document.createElement('a');
      link.href = result.url;
      link.className = 'search-result__link';
      link.textContent = result.meta.title ?? result.url;
      const label = document.createElement('span');
      label.className = 'search-result__label';
      label.textContent = [result.meta.kind, result.meta.owner && `owner ${result.meta.owner}`, result.meta.unit].filter(Boolean).join(' · ');
      const excerpt = document.createElement('p');
      excerpt.className = 'search-result__excerpt';
      // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
      item.append(link, ' ', label, excerpt);
      return item;
    }));
    status.textContent = found.length === 0 ? `Nothing found for “${query}”.` : `${search.results.length} ${search.results.length === 1 ? 'result' : 'results'} for “${query}”${search.results.length > found.length ? `, the first ${found.length} shown` : ''}.`;
  };
  input.addEventListener('input', () => void run(input.value));
  box.addEventListener('submit', (event) => {
    event.preventDefault();
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (first) first.click();
    else void run(input.value);
  });
  return (query) => {
    input.value = query;
    void run(query);
  };
}

/** Starts the search dialog and, on the search page, the page's own search. */
export function startSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  if (!dialog) return;
  const bundle = dialog.dataset.bundle ?? '/pagefind/';
  const base = dialog.dataset.base ?? '/';
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  const search = connect(dialog.querySelector('form')!, input, dialog.querySelector('[data-search-results]')!, dialog.querySelector('[data-search-status]')!, bundle, base);
  const open = (query?: string) => {
    if (!dialog.open) dialog.showModal();
    if (query !== undefined) search(query);
    input.focus();
    input.select();
  };
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  const header = document.querySelector<HTMLFormElement>('[data-search-form]');
  header?.addEventListener('submit', (event) => {
    event.preventDefault();
    open(header.querySelector('input')?.value ?? '');
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      open();
    }
  });
  // The search page: its own box, filled from ?q=.
  const page = document.querySelector<HTMLFormElement>('[data-search-page]');
  if (page) {
    const pageInput = page.querySelector('input')!;
    const run = connect(page, pageInput, document.querySelector('[data-search-page-results]')!, document.querySelector('[data-search-page-status]')!, bundle, base);
    const query = new URLSearchParams(location.search).get('q');
    if (query) run(query);
    pageInput.focus();
  }
}
