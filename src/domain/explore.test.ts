import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardId } from './catalog';
import {
  type Conversation,
  type ExploreCursor,
  type Rating,
  createConversation,
  defaultSettings,
  rateCard,
  setExploreSelection,
  sortCard,
} from './conversation';
import { type ExploreItem, clampCursor, exploreRun, exploreSelection, nextCursor, previousCursor } from './explore';
import { GOOD_CARD_PARTS, HARD_CARD_PARTS } from './prompts';

const NOW = 1_750_000_000_000;

/** A trivsel conversation where every listed card applies and has the given rating. */
function conversationWith(ratings: Partial<Record<CardId, Rating>>): Conversation {
  let conversation = createConversation({
    id: 'samtale-1',
    pupilId: 'elev-1',
    settings: defaultSettings(7, 'nb'),
    now: NOW,
  });
  for (const [cardId, rating] of Object.entries(ratings)) {
    conversation = sortCard(conversation, cardId as CardId, 'applies', NOW);
    if (rating !== undefined) conversation = rateCard(conversation, cardId as CardId, rating, NOW);
  }
  return conversation;
}

function item(cardId: CardId, kind: 'hard' | 'good'): ExploreItem {
  return { cardId, kind, parts: kind === 'hard' ? HARD_CARD_PARTS : GOOD_CARD_PARTS };
}

/** A random run of hard and good cards. */
const runArb: fc.Arbitrary<ExploreItem[]> = fc
  .array(fc.constantFrom<'hard' | 'good'>('hard', 'good'), { maxLength: 8 })
  .map((kinds) => kinds.map((kind, index) => item(`egen-kort-${index}`, kind)));

const totalPrompts = (run: readonly ExploreItem[]) => run.reduce((sum, entry) => sum + entry.parts.length, 0);

const SEVEN = { matte: 1, norsk: 2, engelsk: 3, krle: 5, musikk: 6, friminutt: 9, toalett: 10 } as const;

describe('exploreSelection', () => {
  it('falls back to the default selection from the graded list', () => {
    expect(exploreSelection(conversationWith(SEVEN))).toEqual({
      hard: ['matte', 'norsk', 'engelsk'],
      good: ['toalett', 'friminutt'],
    });
  });

  it("uses the adult's own choice when there is one", () => {
    const chosen = setExploreSelection(conversationWith(SEVEN), { hard: ['krle'], good: ['musikk'] }, NOW);
    expect(exploreSelection(chosen)).toEqual({ hard: ['krle'], good: ['musikk'] });
  });

  it('drops chosen cards that lost their rating or stopped applying', () => {
    let conversation = setExploreSelection(
      conversationWith(SEVEN),
      { hard: ['matte', 'norsk', 'engelsk'], good: ['toalett', 'friminutt'] },
      NOW,
    );
    conversation = rateCard(conversation, 'norsk', null, NOW);
    conversation = sortCard(conversation, 'toalett', 'not', NOW);
    expect(exploreSelection(conversation)).toEqual({ hard: ['matte', 'engelsk'], good: ['friminutt'] });
    expect(exploreRun(conversation).map((entry) => entry.cardId)).toEqual(['matte', 'engelsk', 'friminutt']);
  });
});

describe('exploreRun', () => {
  it('walks the hard cards first with the five parts, then the good cards with one part', () => {
    const run = exploreRun(conversationWith(SEVEN));
    expect(run).toEqual([
      item('matte', 'hard'),
      item('norsk', 'hard'),
      item('engelsk', 'hard'),
      item('toalett', 'good'),
      item('friminutt', 'good'),
    ]);
    expect(run[0]!.parts).toEqual(['situation', 'thoughts', 'feelings', 'body', 'behaviour']);
    expect(run[3]!.parts).toEqual(['good']);
  });

  it('is empty when nothing is rated', () => {
    expect(exploreRun(conversationWith({}))).toEqual([]);
  });
});

describe('clampCursor', () => {
  const run = [item('matte', 'hard'), item('friminutt', 'good')];

  it('gives null for an empty run', () => {
    expect(clampCursor([], { card: 0, part: 0 })).toBeNull();
  });

  it('leaves a cursor inside the run alone', () => {
    expect(clampCursor(run, { card: 0, part: 4 })).toEqual({ card: 0, part: 4 });
    expect(clampCursor(run, { card: 1, part: 0 })).toEqual({ card: 1, part: 0 });
  });

  it('pulls a cursor past the end back onto the last card and its last part', () => {
    expect(clampCursor(run, { card: 7, part: 3 })).toEqual({ card: 1, part: 0 });
    expect(clampCursor(run, { card: 0, part: 9 })).toEqual({ card: 0, part: 4 });
    expect(clampCursor(run, { card: -2, part: -1 })).toEqual({ card: 0, part: 0 });
  });

  it('always lands on a real prompt and is idempotent (property)', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: -5, max: 20 }), fc.integer({ min: -5, max: 20 }), (items, card, part) => {
        const clamped = clampCursor(items, { card, part });
        if (items.length === 0) {
          expect(clamped).toBeNull();
          return;
        }
        expect(clamped).not.toBeNull();
        expect(clamped!.card).toBeGreaterThanOrEqual(0);
        expect(clamped!.card).toBeLessThan(items.length);
        expect(clamped!.part).toBeGreaterThanOrEqual(0);
        expect(clamped!.part).toBeLessThan(items[clamped!.card]!.parts.length);
        expect(clampCursor(items, clamped!)).toEqual(clamped);
      }),
    );
  });
});

describe('nextCursor and previousCursor', () => {
  const run = [item('matte', 'hard'), item('friminutt', 'good'), item('toalett', 'good')];

  it('steps through the parts of a card, then on to the next card', () => {
    expect(nextCursor(run, { card: 0, part: 0 })).toEqual({ card: 0, part: 1 });
    expect(nextCursor(run, { card: 0, part: 4 })).toEqual({ card: 1, part: 0 });
    expect(nextCursor(run, { card: 1, part: 0 })).toEqual({ card: 2, part: 0 });
    expect(nextCursor(run, { card: 2, part: 0 })).toBeNull();
  });

  it('steps back onto the last part of the previous card', () => {
    expect(previousCursor(run, { card: 2, part: 0 })).toEqual({ card: 1, part: 0 });
    expect(previousCursor(run, { card: 1, part: 0 })).toEqual({ card: 0, part: 4 });
    expect(previousCursor(run, { card: 0, part: 3 })).toEqual({ card: 0, part: 2 });
    expect(previousCursor(run, { card: 0, part: 0 })).toBeNull();
  });

  it('gives null on an empty run', () => {
    expect(nextCursor([], { card: 0, part: 0 })).toBeNull();
    expect(previousCursor([], { card: 0, part: 0 })).toBeNull();
  });

  it('walks forward from the start through every prompt once, then stops (property)', () => {
    fc.assert(
      fc.property(runArb, (items) => {
        fc.pre(items.length > 0);
        const visited: ExploreCursor[] = [];
        let cursor: ExploreCursor | null = { card: 0, part: 0 };
        while (cursor !== null && visited.length <= totalPrompts(items)) {
          visited.push(cursor);
          cursor = nextCursor(items, cursor);
        }
        expect(cursor).toBeNull();
        expect(visited).toEqual(items.flatMap((entry, card) => entry.parts.map((_, part) => ({ card, part }))));
      }),
    );
  });

  it('walks back from the last prompt to {0, 0}, then stops (property)', () => {
    fc.assert(
      fc.property(runArb, (items) => {
        fc.pre(items.length > 0);
        let cursor: ExploreCursor | null = { card: items.length - 1, part: items.at(-1)!.parts.length - 1 };
        let steps = 0;
        let last: ExploreCursor = cursor;
        while (cursor !== null && steps <= totalPrompts(items)) {
          last = cursor;
          cursor = previousCursor(items, cursor);
          steps++;
        }
        expect(cursor).toBeNull();
        expect(steps).toBe(totalPrompts(items));
        expect(last).toEqual({ card: 0, part: 0 });
      }),
    );
  });

  it('undoes a step: previous after next returns to where it was (property)', () => {
    fc.assert(
      fc.property(runArb, fc.nat(), fc.nat(), (items, card, part) => {
        const at = clampCursor(items, { card, part });
        fc.pre(at !== null);
        const forward = nextCursor(items, at!);
        if (forward) expect(previousCursor(items, forward)).toEqual(at);
        const back = previousCursor(items, at!);
        if (back) expect(nextCursor(items, back)).toEqual(at);
      }),
    );
  });
});
