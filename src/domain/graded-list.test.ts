import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARDS, type CardId, type CustomCard, SELECTABLE_DECK_IDS, type SelectableDeckId } from './catalog';
import {
  type Conversation,
  type ConversationSettings,
  PILES,
  type Pile,
  RATINGS,
  type Rating,
  SCALE_KINDS,
  type ScaleKind,
  conversationCards,
  createConversation,
  defaultSettings,
  rateCard,
  sortCard,
} from './conversation';
import { type GradedEntry, defaultExploreSelection, difficulty, gradedList } from './graded-list';
import { createCustomCard } from './setup';

const NOW = 1_750_000_000_000;

const CUSTOM: readonly CustomCard[] = [
  createCustomCard('Spise i kantina', 'kantina'),
  createCustomCard('Skoletur', 'skoletur'),
  createCustomCard('Svømming', 'svomming'),
];

function emptyConversation(settings: Partial<ConversationSettings> = {}): Conversation {
  return createConversation({
    id: 'samtale-1',
    pupilId: 'elev-1',
    settings: { ...defaultSettings(7, 'nb'), ...settings },
    now: NOW,
  });
}

/** Sorts every listed card into "applies" and rates it, in the order given. */
function conversationWith(
  scaleKind: ScaleKind,
  ratings: Partial<Record<CardId, Rating | null>>,
  settings: Partial<ConversationSettings> = {},
): Conversation {
  let conversation = emptyConversation({ scaleKind, ...settings });
  for (const [cardId, rating] of Object.entries(ratings)) {
    conversation = sortCard(conversation, cardId as CardId, 'applies', NOW);
    if (rating) conversation = rateCard(conversation, cardId as CardId, rating, NOW);
  }
  return conversation;
}

const ids = (list: readonly GradedEntry[]) => list.map((entry) => entry.card.id);

// ---------------------------------------------------------------------------------------
// A random conversation: random decks and custom cards, and for every card of the whole
// pool (some of which may not be in play) a random pile and a random rating.

/** Every card that could be in play, plus one custom id that never is. */
const POOL: readonly CardId[] = [
  ...BUILT_IN_CARDS.map((card) => card.id),
  ...CUSTOM.map((card) => card.id),
  'egen-borte',
];

interface Placement {
  readonly cardId: CardId;
  readonly pile: Pile | null;
  readonly rating: Rating | null;
}

interface Scenario {
  readonly scaleKind: ScaleKind;
  readonly decks: SelectableDeckId[];
  readonly customCards: CustomCard[];
  readonly placements: readonly Placement[];
}

const ratingArb = fc.constantFrom(...RATINGS);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  scaleKind: fc.constantFrom(...SCALE_KINDS),
  decks: fc.subarray([...SELECTABLE_DECK_IDS]),
  customCards: fc.subarray([...CUSTOM]),
  placements: fc
    .array(
      fc.record({
        pile: fc.option(fc.constantFrom(...PILES), { nil: null }),
        rating: fc.option(ratingArb, { nil: null }),
      }),
      { minLength: POOL.length, maxLength: POOL.length },
    )
    .map((choices) => choices.map((choice, index) => ({ cardId: POOL[index]!, ...choice }))),
});

/** A scenario with the same placements applied in another (shuffled) order. */
const scenarioWithOrderArb = scenarioArb.chain((scenario) =>
  fc
    .shuffledSubarray([...scenario.placements], {
      minLength: scenario.placements.length,
      maxLength: scenario.placements.length,
    })
    .map((shuffled) => ({ scenario, shuffled })),
);

function build(scenario: Scenario, placements: readonly Placement[] = scenario.placements): Conversation {
  let conversation = emptyConversation({
    scaleKind: scenario.scaleKind,
    decks: scenario.decks,
    customCards: scenario.customCards,
  });
  for (const { cardId, pile, rating } of placements) {
    conversation = sortCard(conversation, cardId, pile, NOW);
    if (rating !== null) conversation = rateCard(conversation, cardId, rating, NOW);
  }
  return conversation;
}

/** The same scenario written straight into the record, bypassing the commands' guards. */
function buildRaw(scenario: Scenario): Conversation {
  const conversation = build({ ...scenario, placements: [] });
  const piles: Record<string, Pile> = {};
  const ratings: Record<string, Rating> = {};
  for (const { cardId, pile, rating } of scenario.placements) {
    if (pile !== null) piles[cardId] = pile;
    if (rating !== null) ratings[cardId] = rating;
  }
  return { ...conversation, piles, ratings };
}

// ---------------------------------------------------------------------------------------

describe('difficulty', () => {
  it('runs the trivsel scale backwards: 1 (liker absolutt ikke) is the hardest', () => {
    expect(RATINGS.map((rating) => difficulty(rating, 'trivsel'))).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('takes the vanskelig scale as it is: 10 (kjemperedd) is the hardest', () => {
    expect(RATINGS.map((rating) => difficulty(rating, 'vanskelig'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('gradedList', () => {
  it('is empty when nothing is rated', () => {
    expect(gradedList(emptyConversation())).toEqual([]);
    expect(gradedList(conversationWith('trivsel', { matte: null, norsk: null }))).toEqual([]);
  });

  it('puts the least liked card first on the trivsel scale', () => {
    const list = gradedList(conversationWith('trivsel', { norsk: 9, friminutt: 5, matte: 1, toalett: 7 }));
    expect(ids(list)).toEqual(['matte', 'friminutt', 'toalett', 'norsk']);
    expect(list[0]).toEqual({
      card: BUILT_IN_CARDS.find((card) => card.id === 'matte'),
      rating: 1,
      difficulty: 10,
      rank: 1,
    });
  });

  it('puts the scariest card first on the vanskelig scale', () => {
    const list = gradedList(conversationWith('vanskelig', { norsk: 9, friminutt: 5, matte: 1, toalett: 7 }));
    expect(ids(list)).toEqual(['norsk', 'toalett', 'friminutt', 'matte']);
  });

  it('breaks ties in catalog order and gives tied cards the same competition rank', () => {
    // Catalog order: matte, engelsk, norsk (subjects) … friminutt (situation), then custom cards.
    const list = gradedList(
      conversationWith(
        'vanskelig',
        { 'egen-kantina': 8, friminutt: 3, norsk: 8, matte: 8, engelsk: 5 },
        { customCards: CUSTOM },
      ),
    );
    expect(ids(list)).toEqual(['matte', 'norsk', 'egen-kantina', 'engelsk', 'friminutt']);
    expect(list.map((entry) => entry.rank)).toEqual([1, 1, 1, 4, 5]);
  });

  it('leaves out cards that stopped applying or lost their rating', () => {
    let conversation = conversationWith('trivsel', { matte: 2, norsk: 4, engelsk: 6 });
    conversation = sortCard(conversation, 'norsk', 'not', NOW);
    conversation = rateCard(conversation, 'engelsk', null, NOW);
    expect(ids(gradedList(conversation))).toEqual(['matte']);
  });

  it('leaves out rated cards whose deck is no longer in play', () => {
    const conversation = conversationWith('trivsel', { matte: 2, friminutt: 1 });
    const narrowed = { ...conversation, settings: { ...conversation.settings, decks: ['fag' as const] } };
    expect(ids(gradedList(narrowed))).toEqual(['matte']);
  });

  describe('properties', () => {
    it('lists exactly the cards in play that are in "applies" and rated, each once', () => {
      fc.assert(
        fc.property(scenarioArb, (scenario) => {
          const conversation = build(scenario);
          const placementOf = new Map(scenario.placements.map((placement) => [placement.cardId, placement]));
          const expected = conversationCards(conversation.settings)
            .filter((card) => {
              const placement = placementOf.get(card.id);
              return placement?.pile === 'applies' && placement.rating !== null;
            })
            .map((card) => card.id);
          const listed = ids(gradedList(conversation));
          expect(new Set(listed).size).toBe(listed.length);
          expect([...listed].sort()).toEqual([...expected].sort());
          for (const entry of gradedList(conversation)) {
            expect(entry.rating).toBe(placementOf.get(entry.card.id)!.rating);
            expect(entry.difficulty).toBe(difficulty(entry.rating, scenario.scaleKind));
          }
        }),
      );
    });

    it('lists only cards in "applies", even when the record holds ratings of other cards', () => {
      fc.assert(
        fc.property(scenarioArb, (scenario) => {
          const conversation = buildRaw(scenario);
          const expected = conversationCards(conversation.settings)
            .filter((card) => conversation.piles[card.id] === 'applies' && conversation.ratings[card.id] !== undefined)
            .map((card) => card.id);
          expect([...ids(gradedList(conversation))].sort()).toEqual([...expected].sort());
        }),
      );
    });

    it('never gets easier towards the top: difficulty is non-increasing along the list', () => {
      fc.assert(
        fc.property(scenarioArb, (scenario) => {
          const list = gradedList(build(scenario));
          for (let index = 1; index < list.length; index++) {
            expect(list[index]!.difficulty).toBeLessThanOrEqual(list[index - 1]!.difficulty);
          }
        }),
      );
    });

    it('puts the hardest rating first on either scale', () => {
      fc.assert(
        fc.property(scenarioArb, (scenario) => {
          const list = gradedList(build(scenario));
          fc.pre(list.length > 0);
          const ratings = list.map((entry) => entry.rating);
          const hardest = scenario.scaleKind === 'trivsel' ? Math.min(...ratings) : Math.max(...ratings);
          expect(list[0]!.rating).toBe(hardest);
          const easiest = scenario.scaleKind === 'trivsel' ? Math.max(...ratings) : Math.min(...ratings);
          expect(list.at(-1)!.rating).toBe(easiest);
        }),
      );
    });

    it('gives the same order for ratings r on trivsel and 11 - r on vanskelig', () => {
      fc.assert(
        fc.property(scenarioArb, (scenario) => {
          const trivsel = gradedList(build({ ...scenario, scaleKind: 'trivsel' }));
          const mirrored = scenario.placements.map((placement) => ({
            ...placement,
            rating: placement.rating === null ? null : ((11 - placement.rating) as Rating),
          }));
          const vanskelig = gradedList(build({ ...scenario, scaleKind: 'vanskelig', placements: mirrored }));
          expect(ids(vanskelig)).toEqual(ids(trivsel));
          expect(vanskelig.map((entry) => entry.rank)).toEqual(trivsel.map((entry) => entry.rank));
          expect(vanskelig.map((entry) => entry.difficulty)).toEqual(trivsel.map((entry) => entry.difficulty));
        }),
      );
    });

    it('keeps catalog order within a tie, whatever order the cards were sorted and rated in', () => {
      fc.assert(
        fc.property(scenarioWithOrderArb, ({ scenario, shuffled }) => {
          const inCatalogOrder = gradedList(build(scenario));
          const inShuffledOrder = gradedList(build(scenario, shuffled));
          expect(inShuffledOrder).toEqual(inCatalogOrder);

          const catalogIndex = new Map(
            conversationCards(build(scenario).settings).map((card, index) => [card.id as string, index]),
          );
          for (let index = 1; index < inShuffledOrder.length; index++) {
            const before = inShuffledOrder[index - 1]!;
            const after = inShuffledOrder[index]!;
            if (before.difficulty === after.difficulty) {
              expect(catalogIndex.get(after.card.id)!).toBeGreaterThan(catalogIndex.get(before.card.id)!);
            }
          }
        }),
      );
    });

    it('ranks like a competition: 1 first, ties share a rank, otherwise rank is position + 1', () => {
      fc.assert(
        fc.property(scenarioArb, (scenario) => {
          const list = gradedList(build(scenario));
          list.forEach((entry, index) => {
            if (index === 0) expect(entry.rank).toBe(1);
            else if (entry.difficulty === list[index - 1]!.difficulty) expect(entry.rank).toBe(list[index - 1]!.rank);
            else expect(entry.rank).toBe(index + 1);
          });
        }),
      );
    });
  });
});

describe('defaultExploreSelection', () => {
  it('takes the three hardest and the two easiest of the rest, easiest first', () => {
    const conversation = conversationWith('trivsel', {
      matte: 1,
      norsk: 2,
      engelsk: 3,
      krle: 4,
      musikk: 5,
      friminutt: 9,
      toalett: 10,
    });
    expect(defaultExploreSelection(conversation)).toEqual({
      hard: ['matte', 'norsk', 'engelsk'],
      good: ['toalett', 'friminutt'],
    });
  });

  it('yields fewer with few rated cards, and never the same card twice', () => {
    expect(defaultExploreSelection(emptyConversation())).toEqual({ hard: [], good: [] });
    expect(defaultExploreSelection(conversationWith('vanskelig', { matte: 2, norsk: 9 }))).toEqual({
      hard: ['norsk', 'matte'],
      good: [],
    });
    expect(defaultExploreSelection(conversationWith('vanskelig', { matte: 2, norsk: 9, krle: 5, musikk: 1 }))).toEqual({
      hard: ['norsk', 'krle', 'matte'],
      good: ['musikk'],
    });
  });

  it('always picks up to 3 hardest from the top and up to 2 distinct ones from the easiest end (property)', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const conversation = build(scenario);
        const list = ids(gradedList(conversation));
        const { hard, good } = defaultExploreSelection(conversation);
        expect(hard).toEqual(list.slice(0, 3));
        expect(good).toHaveLength(Math.min(2, Math.max(0, list.length - 3)));
        expect(good).toEqual(list.slice(3).reverse().slice(0, 2));
        for (const cardId of good) expect(hard).not.toContain(cardId);
      }),
    );
  });
});
