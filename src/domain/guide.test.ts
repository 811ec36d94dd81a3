import { describe, expect, it } from 'vitest';
import { aConversation, aPupil } from '../testing/fixtures';
import { STEPS } from './conversation';
import {
  GUIDE_TIPS,
  YOUNGEST_MAX_GRADE,
  guidePhrasing,
  guideTips,
  hasChoices,
  scaleQuestions,
  summaryBack,
} from './guide';

const pupil = aPupil();

describe('guide tips', () => {
  it('has three to five tips for every pupil step', () => {
    for (const step of STEPS) {
      expect(GUIDE_TIPS[step].length, step).toBeGreaterThanOrEqual(3);
      expect(GUIDE_TIPS[step].length, step).toBeLessThanOrEqual(5);
      expect(new Set(GUIDE_TIPS[step]).size, step).toBe(GUIDE_TIPS[step].length);
    }
  });

  it("gives the tips of the conversation's step", () => {
    const tips = guideTips(aConversation(pupil, { step: 'causes' }));
    expect(tips.map((tip) => tip.id)).toEqual([...GUIDE_TIPS.causes]);
    expect(tips.every((tip) => tip.step === 'causes')).toBe(true);
  });

  it('phrases the tips for the youngest up to grade 4, and as usual from grade 5', () => {
    expect(YOUNGEST_MAX_GRADE).toBe(4);
    expect(guidePhrasing(1)).toBe('youngest');
    expect(guidePhrasing(4)).toBe('youngest');
    expect(guidePhrasing(5)).toBe('standard');
    expect(guidePhrasing(10)).toBe('standard');
    const young = guideTips(aConversation(pupil, { step: 'welcome', settings: { grade: 3 } }));
    const older = guideTips(aConversation(pupil, { step: 'welcome', settings: { grade: 7 } }));
    expect(young.every((tip) => tip.phrasing === 'youngest')).toBe(true);
    expect(older.every((tip) => tip.phrasing === 'standard')).toBe(true);
  });
});

describe('scale questions', () => {
  it('are empty before any card is placed', () => {
    expect(scaleQuestions(aConversation(pupil, { step: 'scale', piles: { matte: 'applies' } }))).toEqual({
      hardest: null,
      best: null,
    });
  });

  it('ask about the hardest card (the lowest on a trivsel scale) and the best', () => {
    const conversation = aConversation(pupil, {
      step: 'scale',
      settings: { scaleKind: 'trivsel' },
      ratings: { norsk: 5, matte: 2, musikk: 9 },
    });
    expect(scaleQuestions(conversation)).toEqual({
      hardest: { cardId: 'matte', rating: 2 },
      best: { cardId: 'musikk', rating: 9 },
    });
  });

  it('take the highest number as the hardest on a vanskelig scale', () => {
    const conversation = aConversation(pupil, {
      settings: { scaleKind: 'vanskelig' },
      ratings: { norsk: 5, matte: 2, musikk: 9 },
    });
    expect(scaleQuestions(conversation).hardest).toEqual({ cardId: 'musikk', rating: 9 });
    expect(scaleQuestions(conversation).best).toEqual({ cardId: 'matte', rating: 2 });
  });

  it('have no best card when every card is equally hard', () => {
    const conversation = aConversation(pupil, { ratings: { norsk: 4, matte: 4 } });
    expect(scaleQuestions(conversation).best).toBeNull();
    // Ties keep catalog order, as in the graded list: Matte comes before Norsk.
    expect(scaleQuestions(conversation).hardest).toEqual({ cardId: 'matte', rating: 4 });
  });
});

describe('summary back', () => {
  const rated = { step: 'explore' as const, ratings: { matte: 1 as const, norsk: 3 as const, musikk: 9 as const } };

  it('is null when there is nothing to explore', () => {
    expect(summaryBack(aConversation(pupil, { step: 'explore' }))).toBeNull();
  });

  it("holds the current hard card's chosen thoughts, feelings and body signs, in the offered order", () => {
    const summary = summaryBack(
      aConversation(pupil, {
        ...rated,
        answers: {
          matte: {
            feelings: { choices: ['flau', 'redd'] },
            body: { choices: ['vondt-i-magen'] },
            thoughts: { choices: ['alle-ser-pa-meg'] },
            behaviour: { choices: ['blir-stille'] },
          },
        },
      }),
    );
    expect(summary).toEqual({
      kind: 'hard',
      cardId: 'matte',
      thoughts: ['alle-ser-pa-meg'],
      feelings: ['redd', 'flau'],
      body: ['vondt-i-magen'],
    });
    expect(hasChoices(summary!)).toBe(true);
  });

  it('follows the explore cursor to the card being explored', () => {
    const summary = summaryBack(
      aConversation(pupil, {
        ...rated,
        exploreCursor: { card: 1, part: 2 },
        answers: { matte: { feelings: { choices: ['redd'] } }, norsk: { feelings: { choices: ['sint'] } } },
      }),
    );
    expect(summary).toMatchObject({ kind: 'hard', cardId: 'norsk', feelings: ['sint'] });
  });

  it('has no choices when nothing is chosen yet, or the pupil said "vet ikke", or ids are unknown', () => {
    const nothing = summaryBack(aConversation(pupil, rated))!;
    expect(nothing).toEqual({ kind: 'hard', cardId: 'matte', thoughts: [], feelings: [], body: [] });
    expect(hasChoices(nothing)).toBe(false);

    const unknown = summaryBack(
      aConversation(pupil, {
        ...rated,
        answers: { matte: { feelings: { choices: ['redd'], unknown: true }, body: { choices: ['no-such-sign'] } } },
      }),
    )!;
    expect(hasChoices(unknown)).toBe(false);
  });

  it('invites the pupil to tell what makes a good card good', () => {
    const conversation = aConversation(pupil, {
      ...rated,
      exploreSelection: { hard: ['matte'], good: ['musikk'] },
      exploreCursor: { card: 1, part: 0 },
    });
    const summary = summaryBack(conversation)!;
    expect(summary).toEqual({ kind: 'good', cardId: 'musikk' });
    expect(hasChoices(summary)).toBe(false);
  });
});
