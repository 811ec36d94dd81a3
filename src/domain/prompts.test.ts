import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWER, GOOD_CARD_PARTS, HARD_CARD_PARTS, PART_CHOICES, isAnswered } from './prompts';

describe('explore parts', () => {
  it('walks a hard card through the five-part model and gives a good card one prompt', () => {
    expect(HARD_CARD_PARTS).toEqual(['situation', 'thoughts', 'feelings', 'body', 'behaviour']);
    expect(GOOD_CARD_PARTS).toEqual(['good']);
  });

  it('offers choices for thoughts, feelings, body and behaviour, and free words for the rest', () => {
    expect(Object.keys(PART_CHOICES).sort()).toEqual([...HARD_CARD_PARTS, ...GOOD_CARD_PARTS].sort());
    expect(PART_CHOICES.situation).toEqual([]);
    expect(PART_CHOICES.good).toEqual([]);
    for (const part of ['thoughts', 'feelings', 'body', 'behaviour'] as const) {
      const choices = PART_CHOICES[part];
      expect(choices.length, part).toBeGreaterThan(0);
      expect(new Set(choices).size, part).toBe(choices.length);
    }
  });
});

describe('isAnswered', () => {
  it('is false for no answer, an empty answer and blank text', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(EMPTY_ANSWER)).toBe(false);
    expect(isAnswered({ ...EMPTY_ANSWER, text: ' \n\t ', typedByAdult: true })).toBe(false);
  });

  it('is true for a choice, some words, or "vet ikke"', () => {
    expect(isAnswered({ ...EMPTY_ANSWER, choices: ['redd'] })).toBe(true);
    expect(isAnswered({ ...EMPTY_ANSWER, text: 'Tavla' })).toBe(true);
    expect(isAnswered({ ...EMPTY_ANSWER, unknown: true })).toBe(true);
  });
});
