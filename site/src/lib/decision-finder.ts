// Ours, not user content: the decision-rights finder. Fetches the index once, narrows its rows by
// decision words and people (as `opmodel who` matches), shows the first rows found with links to
// their matrix rows, and keeps ?q= and ?who= in the address.
import type { DecisionIndex } from './decision-index';
import { matchedTerms, queryTerms, wordsOf } from './match';

/** Most rows listed at once; the status says how many more matched. */
const shownAtMost = 100;

export function startDecisionFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-decision-filter]');
  const results = document.querySelector<HTMLElement>('[data-decision-results]');
  if (!form || !results) return;
  const query = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const person = form.querySelector<HTMLSelectElement>('select[name="who"]')!;
  const status = form.querySelector<HTMLElement>('[data-filter-status]')!;
  const body = results.querySelector('tbody')!;
  const base = form.dataset.base ?? '/';
  const params = new URLSearchParams(location.search);
  query.value = params.get('q') ?? '';
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());

  void fetch(form.dataset.index!)
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json() as Promise<DecisionIndex>;
    })
    .then((index) => {
      const options = index.people
        .map(([id, title], at) => ({ id, title, at }))
        .sort((a, b) => a.title.localeCompare(b.title, 'en'));
      const fragment = document.createDocumentFragment();
      for (const option of options) fragment.append(new Option(option.title, option.id));
      person.append(fragment);
      person.value = params.get('who') ?? '';
      if (person.selectedIndex < 0) person.value = '';
      const personAt = new Map(index.people.map(([id], at) => [id, at]));
      const peopleWords = index.people.map(([id, title]) => [...wordsOf(title), ...wordsOf(id)]);
      const rows = index.rows.map(([decision, file, anchor, decider, people]) => ({
        decision, file, anchor, decider, people,
        words: [...wordsOf(decision), ...people.flatMap((at) => peopleWords[at]!)],
      }));
      const link = (text: string, path: string) => {
        const a = document.createElement('a');
        a.href = base + path;
        a.textContent = text;
        return a;
      };
      const apply = () => {
        const terms = queryTerms(query.value);
        const who = person.value === '' ? -1 : (personAt.get(person.value) ?? -2);
        const candidates = who === -1 ? rows : rows.filter((r) => r.people.includes(who));
        let found = terms.length === 0 ? candidates : candidates.filter((r) => matchedTerms(terms, r.words) === terms.length);
        // No row has every word: show the rows that have the most of them, and say so.
        let partial = false;
        if (found.length === 0 && terms.length > 1) {
          const scores = candidates.map((r) => matchedTerms(terms, r.words));
          const best = Math.max(0, ...scores);
          if (best > 0) {
            found = candidates.filter((_, i) => scores[i] === best);
            partial = true;
          }
        }
        const shown = found.slice(0, shownAtMost);
        body.replaceChildren(...shown.map((r) => {
          const tr = document.createElement('tr');
          const th = document.createElement('th');
          th.scope = 'row';
          const [fileTitle, filePath] = index.files[r.file]!;
          th.append(link(r.decision, `${filePath}#${r.anchor}`));
          const decides = document.createElement('td');
          decides.dataset.label = 'Who decides';
          decides.textContent = r.decider >= 0 ? index.people[r.decider]![1] : '—';
          const matrix = document.createElement('td');
          matrix.dataset.label = 'Matrix';
          matrix.append(link(fileTitle, filePath));
          tr.append(th, decides, matrix);
          return tr;
        }));
        results.hidden = shown.length === 0;
        const filtered = terms.length > 0 || who !== -1;
        const noun = rows.length === 1 ? 'decision' : 'decisions';
        const more = found.length > shown.length ? ` The first ${shown.length} are listed; add a word to narrow them.` : '';
        status.textContent = !filtered
          ? `${rows.length} ${noun}.${more}`
          : partial
            ? `No decision matches every word; showing ${found.length} of ${rows.length} ${noun} that match some of them.${more}`
            : found.length === 0
              ? `No decision matches. Try fewer words.`
              : `Showing ${found.length} of ${rows.length} ${noun}.${more}`;
        const url = new URL(location.href);
        if (query.value) url.searchParams.set('q', query.value);
        else url.searchParams.delete('q');
        if (person.value) url.searchParams.set('who', person.value);
        else url.searchParams.delete('who');
        history.replaceState(null, '', url);
      };
      query.addEventListener('input', apply);
      person.addEventListener('change', apply);
      apply();
    })
    .catch(() => {
      status.textContent = 'The decisions could not be loaded; every matrix is listed below.';
    });
}
