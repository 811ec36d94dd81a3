import { describe, expect, it } from 'vitest';
import { type Conversation, EMPTY_ADULT_RECORD, setAdultNotes, setConcern, setConcernNote } from './conversation';
import { reviewOf } from './review';
import { TEST_NOW, aConversation, aPupil } from '../testing/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const mira = aPupil('Mira', { id: 'elev-mira' });
const ola = aPupil('Ola', { id: 'elev-ola' });

function atDay(day: number, spec: Parameters<typeof aConversation>[1], pupil = mira): Conversation {
  return aConversation(pupil, { id: `samtale-${pupil.alias}-${day}`, createdAt: TEST_NOW + day * DAY, ...spec });
}

describe('reviewOf: the graded list with progress', () => {
  it('lists the situations hardest first and says how each changed since the last conversation', () => {
    const first = atDay(0, { ratings: { matte: 2, friminutt: 8, toalett: 5 } });
    const second = atDay(14, { ratings: { matte: 5, friminutt: 8, 'gym-dusje': 1 } });
    const review = reviewOf(second, [first, second]);

    expect(review.graded.map((entry) => [entry.card.id, entry.rank, entry.rating])).toEqual([
      ['gym-dusje', 1, 1],
      ['matte', 2, 5],
      ['friminutt', 3, 8],
    ]);
    const byId = Object.fromEntries(review.graded.map((entry) => [entry.card.id, entry]));
    // trivsel: 2 → 5 is three steps easier.
    expect(byId.matte!.change).toBe(-3);
    expect(byId.matte!.previous).toMatchObject({ conversationId: first.id, rating: 2 });
    expect(byId.friminutt!.change).toBe(0);
    // New this time: nothing to compare with.
    expect(byId['gym-dusje']!.change).toBeNull();
    expect(byId['gym-dusje']!.course).toHaveLength(1);
    expect(review.conversationCount).toBe(2);
  });

  it('compares across scale kinds by difficulty, and draws the course oldest first', () => {
    const first = atDay(0, { ratings: { matte: 2 } });
    const second = atDay(7, { ratings: { matte: 9 }, settings: { scaleKind: 'vanskelig' } });
    const third = atDay(21, { ratings: { matte: 6 } });
    const review = reviewOf(third, [third, first, second]);
    const matte = review.graded[0]!;
    // trivsel 2 = difficulty 9; vanskelig 9 = 9; trivsel 6 = 5.
    expect(matte.course.map((point) => [point.rating, point.scaleKind, point.difficulty])).toEqual([
      [2, 'trivsel', 9],
      [9, 'vanskelig', 9],
      [6, 'trivsel', 5],
    ]);
    expect(matte.previous).toMatchObject({ conversationId: second.id });
    expect(matte.change).toBe(-4);
  });

  it('leaves out other pupils, later conversations, and cards that no longer apply', () => {
    const first = atDay(0, { ratings: { matte: 2 }, piles: { norsk: 'applies' } });
    const other = atDay(3, { ratings: { matte: 10 } }, ola);
    const removed = atDay(5, { ratings: { norsk: 4 }, piles: { matte: 'not' } });
    const now = atDay(10, { ratings: { matte: 3, norsk: 6 } });
    const later = atDay(20, { ratings: { matte: 9 } });
    const review = reviewOf(now, [later, now, other, removed, first]);
    const byId = Object.fromEntries(review.graded.map((entry) => [entry.card.id, entry]));
    expect(byId.matte!.course.map((point) => point.conversationId)).toEqual([first.id, now.id]);
    expect(byId.norsk!.course.map((point) => point.conversationId)).toEqual([removed.id, now.id]);
    expect(review.conversationCount).toBe(3);
  });
});

describe('reviewOf: what the pupil said and what the adult recorded', () => {
  const conversation = atDay(0, {
    ratings: { matte: 1, norsk: 2, musikk: 10 },
    causes: { sovn: 1, redd: 3, engstelig: 3 },
    causeOtherText: '  ',
    exploreSelection: { hard: ['matte', 'norsk'], good: ['musikk'] },
    answers: {
      matte: {
        situation: { text: 'Når jeg må regne på tavla' },
        feelings: { choices: ['redd', 'flau'] },
        body: { unknown: true },
        thoughts: { text: '', choices: [] },
      },
      musikk: { good: { text: 'Vi synger sammen', typedByAdult: true } },
    },
    wishes: { adults: { text: 'Si fra før prøver' }, parents: { text: '' } },
  });

  it('gives the explored cards part by part, exactly as answered, leaving out parts not answered', () => {
    const review = reviewOf(conversation, [conversation]);
    expect(review.hard.map((card) => card.cardId)).toEqual(['matte', 'norsk']);
    expect(review.hard[0]!.answers).toEqual({
      situation: conversation.answers.matte!.situation,
      feelings: conversation.answers.matte!.feelings,
      body: conversation.answers.matte!.body,
    });
    expect(review.hard[1]!.answers).toEqual({});
    expect(review.good).toEqual([
      { cardId: 'musikk', kind: 'good', rating: 10, answers: { good: conversation.answers.musikk!.good } },
    ]);
    expect(review.good[0]!.answers.good!.typedByAdult).toBe(true);
  });

  it('lists the causes biggest first in the paper order, the answered wishes, and no blank other-text', () => {
    const review = reviewOf(conversation, [conversation]);
    expect(review.causes).toEqual([
      { id: 'engstelig', size: 3 },
      { id: 'redd', size: 3 },
      { id: 'sovn', size: 1 },
    ]);
    expect(review.wishes.map((wish) => wish.id)).toEqual(['adults']);
    expect(review.causeOtherText).toBe('');
  });

  it("keeps the adult's notes and the concern flag apart from the pupil's answers", () => {
    let flagged = setAdultNotes(conversation, 'Rolig samtale.', TEST_NOW + 1000);
    flagged = setConcern(flagged, true, TEST_NOW + 2000);
    flagged = setConcernNote(flagged, 'Sa at noen truer henne på bussen.', TEST_NOW + 3000);
    const review = reviewOf(flagged, [flagged]);
    expect(review.adult).toEqual({
      notes: 'Rolig samtale.',
      concern: { flagged: true, note: 'Sa at noen truer henne på bussen.', at: TEST_NOW + 2000 },
    });
    expect(flagged.answers).toBe(conversation.answers);
    expect(flagged.wishes).toBe(conversation.wishes);
    expect(reviewOf(conversation, []).adult).toEqual(EMPTY_ADULT_RECORD);
  });

  it('measures the duration from start to finish, or to the last change while unfinished', () => {
    const finished = aConversation(mira, { createdAt: TEST_NOW, ratings: { matte: 1 }, finished: true });
    const review = reviewOf({ ...finished, finishedAt: TEST_NOW + 23.6 * 60_000 }, []);
    expect(review.minutes).toBe(24);
    expect(reviewOf({ ...finished, finishedAt: null, updatedAt: TEST_NOW + 5 * 60_000 }, []).minutes).toBe(5);
  });
});

describe('adult record commands', () => {
  const conversation = atDay(0, {});

  it('keeps the first time a concern was flagged, through taking it down and up again', () => {
    const up = setConcern(conversation, true, TEST_NOW + 10);
    const down = setConcern(up, false, TEST_NOW + 20);
    const again = setConcern(down, true, TEST_NOW + 30);
    expect(up.adult.concern.at).toBe(TEST_NOW + 10);
    expect(down.adult.concern).toMatchObject({ flagged: false, at: TEST_NOW + 10 });
    expect(again.adult.concern).toMatchObject({ flagged: true, at: TEST_NOW + 10 });
    expect(again.updatedAt).toBe(TEST_NOW + 30);
  });

  it('returns the conversation unchanged for no change or a note over 4,000 characters', () => {
    expect(setConcern(conversation, false, TEST_NOW + 1)).toBe(conversation);
    expect(setAdultNotes(conversation, '', TEST_NOW + 1)).toBe(conversation);
    expect(setAdultNotes(conversation, 'x'.repeat(4001), TEST_NOW + 1)).toBe(conversation);
    expect(setConcernNote(conversation, 'x'.repeat(4001), TEST_NOW + 1)).toBe(conversation);
    expect(setAdultNotes(conversation, 'x'.repeat(4000), TEST_NOW + 1).adult.notes).toHaveLength(4000);
  });
});
