// The one word matcher (src/model/domain/match.ts) behind `opmodel who` and the handbook's "Who decides…?" finder,
// on decisions as the example model words them: the placeholder's examples find what a reader means.
import { describe, expect, test } from 'vitest';
import { exampleQueries, matchesAll, queryTerms, stem, wordsOf } from '../dist/model/domain/match.js';

const decisions = [
  'Add, pause or kill a bet in the current quarter',
  'Change the leading indicators of a Workforce bet mid-quarter',
  'Change list prices or plan packaging',
  'Offer a renewal discount above 15%',
  'Take a customer-specific request into the Workforce backlog',
  'Change the sign-up, trial or onboarding flow',
  'Add a third-party service that processes customer data',
  'Release a breaking change to the public API',
  'Declare a Sev1 incident',
  'Grant an exception to a product guardrail',
  'Retire a feature that customers still use',
  'Open a new role on a product team',
  'Move an engineer to another team',
  'Promote an engineer to staff level',
  'Hire or move a product designer',
  "Change a team's mission or boundaries",
  'Create or dissolve a team',
];
const find = (query: string) => decisions.filter((decision) => matchesAll(queryTerms(query), wordsOf(decision)));

describe('the decision filter', () => {
  test('drops small words and keeps the rest', () => {
    expect(queryTerms('Who decides on a new bet?')).toEqual(['new', 'bet']);
    expect(queryTerms('the of and')).toEqual([]);
  });

  test('stems words the way people write them', () => {
    expect(stem('pricing')).toBe(stem('prices'));
    expect(stem('hiring')).toBe(stem('hire'));
    expect(stem('bets')).toBe('bet');
  });

  test('finds the decisions the placeholder promises', () => {
    expect(find('pricing')).toEqual(['Change list prices or plan packaging']);
    expect(find('hiring')).toEqual(['Hire or move a product designer']);
    expect(find('a new bet')).toEqual(['Add, pause or kill a bet in the current quarter']);
    expect(find('discounts')).toEqual(['Offer a renewal discount above 15%']);
    expect(find('breaking api')).toEqual(['Release a breaking change to the public API']);
  });

  test('matches while a word is still being typed, and forgives one typo', () => {
    expect(find('pric')).toEqual(['Change list prices or plan packaging']);
    expect(find('incdent')).toEqual(['Declare a Sev1 incident']);
  });

  test('needs every word', () => {
    expect(find('pricing incident')).toEqual([]);
    expect(find('zebra')).toEqual([]);
  });

  test('the placeholder offers only examples that find something', () => {
    const rows = decisions.map(wordsOf);
    expect(exampleQueries(rows)).toEqual(['pricing', 'hiring', 'a new bet']);
    expect(exampleQueries([wordsOf('Ship a breaking API change')])).toEqual(['the API']);
    expect(exampleQueries([wordsOf('Approve travel')])).toEqual(['approve']);
  });
});
