// "Did you mean …?" picks the likely intended id, field or value — or says nothing.
import { describe, expect, it } from 'vitest';
import { closest } from '../dist/util/did-you-mean.js';

describe('closest', () => {
  it.each([
    ['growth-sqaud', ['growth-squad', 'growth', 'platform'], 'growth-squad'],
    ['growth-sqaud', ['growth', 'platform'], 'growth'],
    ['non_goal', ['non_goals', 'problem'], 'non_goals'],
    ['actve', ['active', 'paused'], 'active'],
    ['billing-iberia-head-of-prdouct', ['billing-iberia', 'billing-iberia-head-of-product'], 'billing-iberia-head-of-product'],
    ['ads-apa', ['ads-apac-automation-designer', 'ads-apac'], 'ads-apac'],
  ])('%s → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });

  it.each([
    ['zebra', ['growth', 'platform']],
    ['a', ['active', 'archived']],
    ['ceo', []],
  ])('suggests nothing for %s', (word, candidates) => {
    expect(closest(word, candidates)).toBeUndefined();
  });
});
