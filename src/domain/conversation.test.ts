import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CARDS,
  CAUSE_IDS,
  CAUSE_SIZES,
  type CardId,
  type CustomCard,
  SELECTABLE_DECK_IDS,
  SITUATION_CARD_IDS,
  SUBJECT_CARD_IDS,
  TEACHER_CARD_IDS,
} from './catalog';
import {
  CONVERSATION_SCHEMA_VERSION,
  type Conversation,
  type ConversationSettings,
  PILES,
  RATINGS,
  type Rating,
  STEPS,
  answerPrompt,
  changeFromRecap,
  confirmRecap,
  conversationCards,
  createConversation,
  defaultDisplayMode,
  defaultSettings,
  finishConversation,
  goToStep,
  progress,
  rateCard,
  setCause,
  setCauseOtherText,
  setExploreCursor,
  setExploreSelection,
  setWish,
  sortCard,
  teacherName,
} from './conversation';
import { HARD_CARD_PARTS, WISH_IDS } from './prompts';
import { createCustomCard } from './setup';

const NOW = 1_750_000_000_000;
const LATER = NOW + 60_000;

const CUSTOM: readonly CustomCard[] = [
  createCustomCard('Spise i kantina', 'kantina'),
  createCustomCard('Skoletur', 'skoletur'),
];

function settingsWith(overrides: Partial<ConversationSettings> = {}): ConversationSettings {
  return { ...defaultSettings(7, 'nb'), ...overrides };
}

interface ConversationArgs {
  readonly settings?: Partial<ConversationSettings>;
  /** Cards sorted into "applies", then rated (null: left in the tray). */
  readonly ratings?: Partial<Record<CardId, Rating | null>>;
  readonly now?: number;
}

function conversationWith(args: ConversationArgs = {}): Conversation {
  const now = args.now ?? NOW;
  let conversation = createConversation({
    id: 'samtale-1',
    pupilId: 'elev-1',
    settings: settingsWith(args.settings),
    now,
  });
  for (const [cardId, rating] of Object.entries(args.ratings ?? {})) {
    conversation = sortCard(conversation, cardId as CardId, 'applies', now);
    if (rating) conversation = rateCard(conversation, cardId as CardId, rating, now);
  }
  return conversation;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('createConversation', () => {
  it('starts on the welcome step with nothing made yet', () => {
    const settings = settingsWith();
    expect(createConversation({ id: 'c', pupilId: 'p', settings, now: NOW })).toEqual({
      schemaVersion: CONVERSATION_SCHEMA_VERSION,
      id: 'c',
      pupilId: 'p',
      createdAt: NOW,
      updatedAt: NOW,
      finishedAt: null,
      settings,
      step: 'welcome',
      causes: {},
      causeOtherText: '',
      piles: {},
      ratings: {},
      exploreSelection: null,
      exploreCursor: { card: 0, part: 0 },
      answers: {},
      wishes: {},
      recap: { confirmed: false, changedAfterRecap: false },
      adult: { notes: '', concern: { flagged: false, note: '', at: null } },
    });
  });

  it('defaults to the trivsel scale, all decks, no custom cards, blank teacher names and no read-aloud', () => {
    expect(defaultSettings(3, 'se')).toEqual({
      grade: 3,
      displayMode: 'pictures',
      readAloud: false,
      language: 'se',
      scaleKind: 'trivsel',
      teacherNames: ['', '', ''],
      customCards: [],
      decks: ['fag', 'laerere', 'annet'],
    });
  });
});

describe('defaultDisplayMode', () => {
  it('shows pictures up to grade 4 and text from grade 5', () => {
    expect([1, 2, 3, 4].map(defaultDisplayMode)).toEqual(['pictures', 'pictures', 'pictures', 'pictures']);
    expect([5, 6, 10].map(defaultDisplayMode)).toEqual(['text', 'text', 'text']);
  });
});

describe('conversationCards', () => {
  it('uses every built-in card when all decks are chosen', () => {
    expect(conversationCards(settingsWith()).map((card) => card.id)).toEqual(BUILT_IN_CARDS.map((card) => card.id));
  });

  it('leaves out decks that are switched off and keeps catalog order', () => {
    const ids = conversationCards(settingsWith({ decks: ['annet', 'fag'] })).map((card) => card.id);
    expect(ids).toEqual([...SUBJECT_CARD_IDS, ...SITUATION_CARD_IDS]);
    expect(conversationCards(settingsWith({ decks: ['laerere'] })).map((card) => card.id)).toEqual([
      ...TEACHER_CARD_IDS,
    ]);
  });

  it('appends the custom cards after the built-in ones, even with no deck chosen', () => {
    const withCustom = conversationCards(settingsWith({ decks: ['laerere'], customCards: CUSTOM }));
    expect(withCustom.map((card) => card.id)).toEqual([...TEACHER_CARD_IDS, 'egen-kantina', 'egen-skoletur']);
    expect(conversationCards(settingsWith({ decks: [], customCards: CUSTOM }))).toEqual(CUSTOM);
  });

  it('holds, for any deck choice, exactly the chosen decks plus the custom cards', () => {
    fc.assert(
      fc.property(fc.subarray([...SELECTABLE_DECK_IDS]), fc.subarray([...CUSTOM]), (decks, customCards) => {
        const cards = conversationCards(settingsWith({ decks, customCards }));
        const expectedBuiltIn = BUILT_IN_CARDS.filter((card) => (decks as readonly string[]).includes(card.deck));
        expect(cards).toEqual([...expectedBuiltIn, ...customCards]);
      }),
    );
  });
});

describe('teacherName', () => {
  const settings = settingsWith({ teacherNames: ['  Kari ', '', 'Per Olsen'] });

  it('gives the trimmed name of the matching teacher card', () => {
    expect(teacherName(settings, 'laerer-1')).toBe('Kari');
    expect(teacherName(settings, 'laerer-3')).toBe('Per Olsen');
  });

  it('gives an empty string for a blank name or a card that is not a teacher', () => {
    expect(teacherName(settings, 'laerer-2')).toBe('');
    expect(teacherName(settings, 'matte')).toBe('');
    expect(teacherName(settings, 'egen-laerer-1')).toBe('');
  });
});

describe('progress', () => {
  it('is 0 at welcome, grows with every step and reaches 1 at handover', () => {
    const base = conversationWith();
    expect(progress(base)).toBe(0);
    const values = STEPS.map((step) => progress(goToStep(base, step, NOW)));
    for (let index = 1; index < values.length; index++) expect(values[index]!).toBeGreaterThan(values[index - 1]!);
    expect(values.at(-1)).toBe(1);
  });

  it('is 1 once the conversation is finished, whatever the step', () => {
    const finished = { ...finishConversation(conversationWith(), LATER), step: 'sort' as const };
    expect(progress(finished)).toBe(1);
  });
});

describe('sortCard', () => {
  it('puts a card in a pile and back to the unsorted deck with null', () => {
    const sorted = sortCard(conversationWith(), 'matte', 'not', LATER);
    expect(sorted.piles).toEqual({ matte: 'not' });
    expect(sorted.updatedAt).toBe(LATER);
    expect(sortCard(sorted, 'matte', null, LATER).piles).toEqual({});
  });

  it('removes the rating when a card moves to "not"', () => {
    const rated = conversationWith({ ratings: { matte: 3, norsk: 8 } });
    const moved = sortCard(rated, 'matte', 'not', LATER);
    expect(moved.piles).toEqual({ matte: 'not', norsk: 'applies' });
    expect(moved.ratings).toEqual({ norsk: 8 });
  });

  it('removes the rating when a card goes back to the unsorted deck', () => {
    const moved = sortCard(conversationWith({ ratings: { matte: 3 } }), 'matte', null, LATER);
    expect(moved.piles).toEqual({});
    expect(moved.ratings).toEqual({});
  });

  it('returns the very same object for an unknown card or a card of a deck not in play', () => {
    const conversation = conversationWith({ settings: { decks: ['fag'] } });
    expect(sortCard(conversation, 'egen-finnes-ikke', 'applies', LATER)).toBe(conversation);
    expect(sortCard(conversation, 'friminutt', 'applies', LATER)).toBe(conversation);
  });

  it('returns the very same object when the card is already in that pile', () => {
    const conversation = conversationWith({ ratings: { matte: 4 } });
    expect(sortCard(conversation, 'matte', 'applies', LATER)).toBe(conversation);
    expect(sortCard(conversation, 'norsk', null, LATER)).toBe(conversation);
  });

  it('sorts custom cards that are in play', () => {
    const conversation = conversationWith({ settings: { customCards: CUSTOM } });
    expect(sortCard(conversation, 'egen-skoletur', 'applies', LATER).piles).toEqual({ 'egen-skoletur': 'applies' });
  });
});

describe('rateCard', () => {
  it('places a card that applies on the scale', () => {
    const conversation = sortCard(conversationWith(), 'norsk', 'applies', NOW);
    const rated = rateCard(conversation, 'norsk', 7, LATER);
    expect(rated.ratings).toEqual({ norsk: 7 });
    expect(rated.updatedAt).toBe(LATER);
    expect(rateCard(rated, 'norsk', 2, LATER).ratings).toEqual({ norsk: 2 });
  });

  it('refuses cards that are not in "applies" by returning the same object', () => {
    const conversation = sortCard(conversationWith(), 'matte', 'not', NOW);
    expect(rateCard(conversation, 'matte', 5, LATER)).toBe(conversation);
    expect(rateCard(conversation, 'norsk', 5, LATER)).toBe(conversation);
    expect(rateCard(conversation, 'egen-finnes-ikke', 5, LATER)).toBe(conversation);
  });

  it('returns a card to the tray with null, keeping it in "applies"', () => {
    const back = rateCard(conversationWith({ ratings: { matte: 5, norsk: 6 } }), 'matte', null, LATER);
    expect(back.ratings).toEqual({ norsk: 6 });
    expect(back.piles).toEqual({ matte: 'applies', norsk: 'applies' });
  });

  it('returns the same object when the rating does not change', () => {
    const conversation = conversationWith({ ratings: { matte: 5, norsk: null } });
    expect(rateCard(conversation, 'matte', 5, LATER)).toBe(conversation);
    expect(rateCard(conversation, 'norsk', null, LATER)).toBe(conversation);
  });
});

describe('causes', () => {
  it('sets, resizes and clears a cause box', () => {
    const one = setCause(conversationWith(), 'engstelig', 2, LATER);
    expect(one.causes).toEqual({ engstelig: 2 });
    const two = setCause(setCause(one, 'sovn', 1, LATER), 'engstelig', 3, LATER);
    expect(two.causes).toEqual({ engstelig: 3, sovn: 1 });
    expect(setCause(two, 'engstelig', null, LATER).causes).toEqual({ sovn: 1 });
    expect(setCauseOtherText(two, 'Bussen', LATER).causeOtherText).toBe('Bussen');
  });
});

describe('explore and wishes', () => {
  it('resets the cursor when the explore selection changes', () => {
    const walking = setExploreCursor(conversationWith(), { card: 2, part: 3 }, NOW);
    const chosen = setExploreSelection(walking, { hard: ['matte'], good: [] }, LATER);
    expect(chosen.exploreSelection).toEqual({ hard: ['matte'], good: [] });
    expect(chosen.exploreCursor).toEqual({ card: 0, part: 0 });
  });

  it('keeps answers per card and part, adding parts without losing earlier ones', () => {
    const answer = { choices: ['redd'], text: '', unknown: false, typedByAdult: false };
    const other = { choices: [], text: 'Vondt i magen', unknown: false, typedByAdult: true };
    const once = answerPrompt(conversationWith(), 'matte', 'feelings', answer, LATER);
    const twice = answerPrompt(answerPrompt(once, 'matte', 'body', other, LATER), 'norsk', 'feelings', other, LATER);
    expect(twice.answers).toEqual({ matte: { feelings: answer, body: other }, norsk: { feelings: other } });
  });

  it('keeps one answer per wish', () => {
    const answer = { choices: [], text: 'Mindre lekser', unknown: false, typedByAdult: false };
    const unknown = { choices: [], text: '', unknown: true, typedByAdult: false };
    const wished = setWish(setWish(conversationWith(), 'easier', answer, NOW), 'adults', unknown, NOW);
    expect(wished.wishes).toEqual({ easier: answer, adults: unknown });
  });
});

describe('recap and finish', () => {
  it('confirmRecap confirms and moves to handover', () => {
    const atRecap = goToStep(conversationWith(), 'recap', NOW);
    const confirmed = confirmRecap(atRecap, LATER);
    expect(confirmed.step).toBe('handover');
    expect(confirmed.recap).toEqual({ confirmed: true, changedAfterRecap: false });
  });

  it('changeFromRecap goes back to the chosen step and remembers the change', () => {
    const confirmed = confirmRecap(goToStep(conversationWith(), 'recap', NOW), NOW);
    const changed = changeFromRecap(confirmed, 'scale', LATER);
    expect(changed.step).toBe('scale');
    expect(changed.recap).toEqual({ confirmed: false, changedAfterRecap: true });
    expect(confirmRecap(changed, LATER).recap).toEqual({ confirmed: true, changedAfterRecap: true });
  });

  it('finishConversation stamps the time once', () => {
    const finished = finishConversation(conversationWith(), LATER);
    expect(finished.finishedAt).toBe(LATER);
    expect(finished.step).toBe('handover');
    expect(finishConversation(finished, LATER + 1)).toBe(finished);
  });

  it('goToStep returns the same object when already on that step', () => {
    const conversation = conversationWith();
    expect(goToStep(conversation, 'welcome', LATER)).toBe(conversation);
    expect(goToStep(conversation, 'sort', LATER).step).toBe('sort');
  });
});

// A random command, with a time that may lie before or after the conversation's own.
type Command = { readonly name: string; readonly run: (conversation: Conversation, now: number) => Conversation };
const makeCommand = (name: string, run: Command['run']): Command => ({ name, run });

const cardIdArb = fc.constantFrom<CardId>('matte', 'norsk', 'laerer-2', 'friminutt', 'egen-kantina', 'egen-ukjent');
const answerArb = fc.record({
  choices: fc.array(fc.string(), { maxLength: 2 }),
  text: fc.string(),
  unknown: fc.boolean(),
  typedByAdult: fc.boolean(),
});

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom(...STEPS).map((step) => makeCommand(`goToStep ${step}`, (c, now) => goToStep(c, step, now))),
  fc
    .tuple(fc.constantFrom(...CAUSE_IDS), fc.option(fc.constantFrom(...CAUSE_SIZES), { nil: null }))
    .map(([cause, size]) => makeCommand(`setCause ${cause} ${size}`, (c, now) => setCause(c, cause, size, now))),
  fc
    .tuple(cardIdArb, fc.option(fc.constantFrom(...PILES), { nil: null }))
    .map(([cardId, pile]) => makeCommand(`sortCard ${cardId} ${pile}`, (c, now) => sortCard(c, cardId, pile, now))),
  fc
    .tuple(cardIdArb, fc.option(fc.constantFrom(...RATINGS), { nil: null }))
    .map(([cardId, rating]) =>
      makeCommand(`rateCard ${cardId} ${rating}`, (c, now) => rateCard(c, cardId, rating, now)),
    ),
  fc
    .tuple(cardIdArb, fc.constantFrom(...HARD_CARD_PARTS), answerArb)
    .map(([cardId, part, answer]) =>
      makeCommand(`answerPrompt ${cardId} ${part}`, (c, now) => answerPrompt(c, cardId, part, answer, now)),
    ),
  fc
    .tuple(fc.constantFrom(...WISH_IDS), answerArb)
    .map(([wish, answer]) => makeCommand(`setWish ${wish}`, (c, now) => setWish(c, wish, answer, now))),
  fc
    .array(cardIdArb, { maxLength: 3 })
    .map((hard) =>
      makeCommand(`setExploreSelection ${hard.join(',')}`, (c, now) => setExploreSelection(c, { hard, good: [] }, now)),
    ),
  fc.constant(makeCommand('confirmRecap', (c, now) => confirmRecap(c, now))),
  fc
    .constantFrom(...STEPS)
    .map((step) => makeCommand(`changeFromRecap ${step}`, (c, now) => changeFromRecap(c, step, now))),
  fc.constant(makeCommand('finishConversation', (c, now) => finishConversation(c, now))),
);

const stepsArb = fc.array(fc.tuple(commandArb, fc.integer({ min: NOW - 1_000_000, max: NOW + 1_000_000 })), {
  maxLength: 25,
});

function start(): Conversation {
  return conversationWith({ settings: { customCards: CUSTOM } });
}

describe('command invariants (property)', () => {
  it('updatedAt never goes backwards, and moves to `now` when a command changes something later', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let conversation = start();
        for (const [command, now] of steps) {
          const next = command.run(conversation, now);
          expect(next.updatedAt).toBeGreaterThanOrEqual(conversation.updatedAt);
          if (next !== conversation) expect(next.updatedAt).toBe(Math.max(conversation.updatedAt, now));
          expect(next.createdAt).toBe(conversation.createdAt);
          conversation = next;
        }
      }),
    );
  });

  it('never mutates the conversation it is given', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let conversation = start();
        for (const [command, now] of steps) {
          const snapshot = structuredClone(conversation);
          // Frozen input: any write inside a command throws a TypeError in strict mode.
          const next = command.run(deepFreeze(conversation), now);
          expect(conversation).toEqual(snapshot);
          conversation = next;
        }
      }),
    );
  });

  it('only rates cards that are in play and in "applies"', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let conversation = start();
        for (const [command, now] of steps) conversation = command.run(conversation, now);
        const inPlay = new Set<string>(conversationCards(conversation.settings).map((card) => card.id));
        for (const cardId of Object.keys(conversation.piles)) expect(inPlay.has(cardId)).toBe(true);
        for (const cardId of Object.keys(conversation.ratings)) expect(conversation.piles[cardId]).toBe('applies');
      }),
    );
  });
});
