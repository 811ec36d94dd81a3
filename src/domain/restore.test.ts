import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARDS, type CardId, PHOTO_MAX_LENGTH, SELECTABLE_DECK_IDS } from './catalog';
import {
  CONVERSATION_SCHEMA_VERSION,
  type Conversation,
  type ConversationSettings,
  PILES,
  RATINGS,
  SCALE_KINDS,
  answerPrompt,
  changeFromRecap,
  confirmRecap,
  conversationCards,
  createConversation,
  defaultSettings,
  finishConversation,
  goToStep,
  rateCard,
  setCause,
  setCauseOtherText,
  setExploreCursor,
  setExploreSelection,
  setWish,
  sortCard,
} from './conversation';
import { EMPTY_ANSWER } from './prompts';
import { restoreConversation, restorePupil } from './restore';
import { createCustomCard } from './setup';
import { DELETE, type JsonRecord, type Path, allPaths, withPath } from '../testing/json-paths';

const NOW = 1_750_000_000_000;

/** What storage hands back: plain JSON, no shared references. */
const asStored = (value: unknown): JsonRecord => JSON.parse(JSON.stringify(value)) as JsonRecord;

function settingsWith(overrides: Partial<ConversationSettings> = {}): ConversationSettings {
  return { ...defaultSettings(7, 'nb'), ...overrides };
}

/** A conversation that has been through every step, made with the commands only. */
function fullConversation(): Conversation {
  let c = createConversation({
    id: 'samtale-1',
    pupilId: 'elev-1',
    settings: settingsWith({
      grade: 4,
      displayMode: 'pictures',
      scaleKind: 'vanskelig',
      teacherNames: ['Kari', '', 'P.O.'],
      customCards: [createCustomCard('Skoletur', 'skoletur'), createCustomCard('Spise i kantina', 'kantina')],
      decks: ['fag', 'laerere'],
    }),
    now: NOW,
  });
  c = goToStep(c, 'causes', NOW + 1);
  c = setCause(c, 'engstelig', 3, NOW + 2);
  c = setCause(c, 'sovn', 1, NOW + 2);
  c = setCauseOtherText(c, 'Bussen er full', NOW + 3);
  c = goToStep(c, 'sort', NOW + 4);
  for (const cardId of ['matte', 'norsk', 'laerer-1', 'egen-skoletur'] as const) {
    c = sortCard(c, cardId, 'applies', NOW + 5);
  }
  c = sortCard(c, 'engelsk', 'not', NOW + 5);
  c = goToStep(c, 'scale', NOW + 6);
  c = rateCard(c, 'matte', 9, NOW + 7);
  c = rateCard(c, 'norsk', 2, NOW + 7);
  c = rateCard(c, 'laerer-1', 9, NOW + 7);
  c = rateCard(c, 'egen-skoletur', 5, NOW + 7);
  c = goToStep(c, 'explore', NOW + 8);
  c = setExploreSelection(c, { hard: ['matte', 'laerer-1'], good: ['norsk'] }, NOW + 9);
  c = answerPrompt(c, 'matte', 'thoughts', { ...EMPTY_ANSWER, choices: ['klarer-ikke', 'ler-av-meg'] }, NOW + 10);
  c = answerPrompt(c, 'matte', 'situation', { ...EMPTY_ANSWER, text: 'Tavla', typedByAdult: true }, NOW + 10);
  c = answerPrompt(c, 'norsk', 'good', { ...EMPTY_ANSWER, unknown: true }, NOW + 11);
  c = setExploreCursor(c, { card: 1, part: 2 }, NOW + 12);
  c = goToStep(c, 'wishes', NOW + 13);
  c = setWish(c, 'easier', { ...EMPTY_ANSWER, text: 'Sitte bakerst' }, NOW + 14);
  c = goToStep(c, 'recap', NOW + 15);
  c = confirmRecap(c, NOW + 16);
  c = changeFromRecap(c, 'wishes', NOW + 17);
  c = confirmRecap(c, NOW + 18);
  return finishConversation(c, NOW + 19);
}

/** Only the fields a record must have; everything else has a default. */
function minimalRecord(): JsonRecord {
  return asStored({
    schemaVersion: 1,
    id: 'samtale-1',
    pupilId: 'elev-1',
    createdAt: NOW,
    updatedAt: NOW,
    settings: settingsWith(),
    step: 'welcome',
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** What every restored conversation must hold, whatever came in. */
function expectTidy(conversation: Conversation): void {
  const inPlay = new Set<string>(conversationCards(conversation.settings).map((card) => card.id));
  for (const [cardId, pile] of Object.entries(conversation.piles)) {
    expect(inPlay.has(cardId)).toBe(true);
    expect(PILES).toContain(pile);
  }
  for (const [cardId, rating] of Object.entries(conversation.ratings)) {
    expect(conversation.piles[cardId]).toBe('applies');
    expect(RATINGS).toContain(rating);
  }
  const selection = conversation.exploreSelection;
  for (const cardId of [...(selection?.hard ?? []), ...(selection?.good ?? [])]) expect(inPlay.has(cardId)).toBe(true);
}

describe('restoreConversation: round trip', () => {
  it('gives back a conversation made by the commands, deep equal', () => {
    const conversation = fullConversation();
    const restored = restoreConversation(asStored(conversation));
    expect(restored).toEqual({ ok: true, value: conversation });
  });

  it('gives back a fresh conversation, with exploreSelection still null', () => {
    const fresh = createConversation({ id: 'c', pupilId: 'p', settings: settingsWith(), now: NOW });
    expect(restoreConversation(asStored(fresh))).toEqual({ ok: true, value: fresh });
  });

  it('does not mutate the record it reads', () => {
    const record = deepFreeze(asStored(fullConversation()));
    expect(restoreConversation(record).ok).toBe(true);
  });

  it('round-trips any conversation built from random sorting and rating (property)', () => {
    const cardIdArb = fc.constantFrom<CardId>(...BUILT_IN_CARDS.map((card) => card.id), 'egen-skoletur');
    const pileArb = fc.option(fc.constantFrom(...PILES), { nil: null });
    const ratingArb = fc.option(fc.constantFrom(...RATINGS), { nil: null });
    fc.assert(
      fc.property(
        fc.subarray([...SELECTABLE_DECK_IDS]),
        fc.constantFrom(...SCALE_KINDS),
        fc.array(fc.tuple(cardIdArb, pileArb, ratingArb), { maxLength: 40 }),
        (decks, scaleKind, moves) => {
          const customCards = [createCustomCard('Skoletur', 'skoletur')];
          const settings = settingsWith({ decks, scaleKind, customCards });
          let c = createConversation({ id: 'c', pupilId: 'p', settings, now: NOW });
          moves.forEach(([cardId, pile, rating], index) => {
            c = sortCard(c, cardId, pile, NOW + index);
            c = rateCard(c, cardId, rating, NOW + index);
          });
          expect(restoreConversation(asStored(c))).toEqual({ ok: true, value: c });
        },
      ),
    );
  });
});

describe('restoreConversation: defaults', () => {
  it('fills every optional field with its default', () => {
    const restored = restoreConversation(minimalRecord());
    expect(restored).toEqual({
      ok: true,
      value: createConversation({ id: 'samtale-1', pupilId: 'elev-1', settings: settingsWith(), now: NOW }),
    });
  });

  it('keeps what is there and defaults only what is missing', () => {
    const record = { ...minimalRecord(), step: 'sort', piles: { matte: 'applies' }, ratings: { matte: 4 } };
    const restored = restoreConversation(record);
    expect(restored.ok && restored.value).toMatchObject({
      step: 'sort',
      piles: { matte: 'applies' },
      ratings: { matte: 4 },
      causes: {},
      finishedAt: null,
      exploreSelection: null,
      exploreCursor: { card: 0, part: 0 },
      recap: { confirmed: false, changedAfterRecap: false },
    });
  });

  it('reads a conversation stored before read-aloud and card pictures: read-aloud off, no pictures', () => {
    const settings = asStored(settingsWith({ customCards: [] })) as Record<string, unknown>;
    delete settings.readAloud;
    const record = {
      ...minimalRecord(),
      settings: { ...settings, customCards: [{ kind: 'custom', id: 'egen-heis', deck: 'egne', text: 'Ta heisen' }] },
    };
    const restored = restoreConversation(record);
    expect(restored.ok && restored.value.settings.readAloud).toBe(false);
    expect(restored.ok && restored.value.settings.customCards).toEqual([
      { kind: 'custom', id: 'egen-heis', deck: 'egne', text: 'Ta heisen', picture: null },
    ]);
  });

  it("keeps a custom card's glyph or photo, and drops only a picture that does not pass", () => {
    const photo = `data:image/jpeg;base64,${'A'.repeat(400)}`;
    const card = (id: string, picture: unknown) => ({ kind: 'custom', id, deck: 'egne', text: id, picture });
    const record = {
      ...minimalRecord(),
      settings: {
        ...asStored(settingsWith()),
        customCards: [
          card('egen-a', { kind: 'glyph', glyph: 'soccer-ball' }),
          card('egen-b', { kind: 'photo', dataUrl: photo }),
          card('egen-c', { kind: 'photo', dataUrl: 'https://example.org/spy.png' }),
          card('egen-d', { kind: 'photo', dataUrl: `data:image/jpeg;base64,${'A'.repeat(PHOTO_MAX_LENGTH)}` }),
          card('egen-e', { kind: 'photo', dataUrl: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' }),
          card('egen-f', { kind: 'glyph', glyph: '../../etc/passwd' }),
          card('egen-g', 'a picture'),
        ],
      },
    };
    const restored = restoreConversation(record);
    expect(restored.ok && restored.value.settings.customCards.map((c) => [c.id, c.picture])).toEqual([
      ['egen-a', { kind: 'glyph', glyph: 'soccer-ball' }],
      ['egen-b', { kind: 'photo', dataUrl: photo }],
      ['egen-c', null],
      ['egen-d', null],
      ['egen-e', null],
      ['egen-f', null],
      ['egen-g', null],
    ]);
  });

  it('fills the missing fields of a stored answer', () => {
    const record = {
      ...minimalRecord(),
      answers: { matte: { feelings: { choices: ['redd'] } } },
      wishes: { adults: {} },
    };
    const restored = restoreConversation(record);
    expect(restored.ok && restored.value.answers).toEqual({
      matte: { feelings: { ...EMPTY_ANSWER, choices: ['redd'] } },
    });
    expect(restored.ok && restored.value.wishes).toEqual({ adults: EMPTY_ANSWER });
  });
});

describe('restoreConversation: refusals', () => {
  it('refuses null, primitives and arrays as not an object', () => {
    const raws: unknown[] = [null, undefined, 1, '{"schemaVersion":1}', [], [minimalRecord()]];
    for (const raw of raws) {
      expect(restoreConversation(raw), JSON.stringify(raw)).toEqual({ ok: false, problem: 'not-an-object' });
    }
  });

  it('refuses a missing, zero, negative, fractional or non-number schema version as unknown', () => {
    const versions: unknown[] = [DELETE, 0, -1, 0.5, 1.5, '1', null, Number.NaN, Number.POSITIVE_INFINITY];
    for (const version of versions) {
      expect(restoreConversation(withPath(minimalRecord(), ['schemaVersion'], version)), String(version)).toEqual({
        ok: false,
        problem: 'unknown-version',
      });
    }
  });

  it('refuses a record from a newer version of the app', () => {
    for (const version of [CONVERSATION_SCHEMA_VERSION + 1, 99]) {
      expect(restoreConversation({ ...minimalRecord(), schemaVersion: version })).toEqual({
        ok: false,
        problem: 'newer-version',
      });
    }
  });

  const invalid: [string, Path, unknown, string][] = [
    ['an empty id', ['id'], '', 'id'],
    ['a missing pupil id', ['pupilId'], DELETE, 'pupilId'],
    ['a time as text', ['createdAt'], '2025-01-01', 'createdAt'],
    ['a negative time', ['updatedAt'], -1, 'updatedAt'],
    ['a finishedAt as text', ['finishedAt'], 'i går', 'finishedAt'],
    ['missing settings', ['settings'], DELETE, 'settings'],
    ['a grade as text', ['settings', 'grade'], '5', 'settings.grade'],
    ['grade 0', ['settings', 'grade'], 0, 'settings.grade'],
    ['grade 11', ['settings', 'grade'], 11, 'settings.grade'],
    ['an unknown display mode', ['settings', 'displayMode'], 'video', 'settings.displayMode'],
    ['a language that is not a locale code', ['settings', 'language'], 'Norsk', 'settings.language'],
    ['an unknown scale kind', ['settings', 'scaleKind'], 'glad', 'settings.scaleKind'],
    ['two teacher names', ['settings', 'teacherNames'], ['Kari', ''], 'settings.teacherNames'],
    ['a too long teacher name', ['settings', 'teacherNames', 0], 'x'.repeat(31), 'settings.teacherNames.0'],
    ['an unselectable deck', ['settings', 'decks'], ['egne'], 'settings.decks.0'],
    [
      'a custom card with a built-in id',
      ['settings', 'customCards'],
      [{ kind: 'custom', id: 'matte', deck: 'egne', text: 'Matte' }],
      'settings.customCards.0.id',
    ],
    [
      'too many custom cards',
      ['settings', 'customCards'],
      Array.from({ length: 21 }, (_, index) => createCustomCard(`Kort ${index}`, `k${index}`)),
      'settings.customCards',
    ],
    ['an unknown step', ['step'], 'ferdig', 'step'],
    ['an unknown cause', ['causes'], { ukjent: 1 }, 'causes'],
    ['a cause size of 4', ['causes'], { engstelig: 4 }, 'causes.engstelig'],
    ['an unknown pile', ['piles'], { matte: 'kanskje' }, 'piles.matte'],
    ['rating 0', ['ratings'], { matte: 0 }, 'ratings.matte'],
    ['rating 11', ['ratings'], { matte: 11 }, 'ratings.matte'],
    ['rating 5.5', ['ratings'], { matte: 5.5 }, 'ratings.matte'],
    ['a rating as text', ['ratings'], { matte: '5' }, 'ratings.matte'],
    ['a negative cursor', ['exploreCursor'], { card: -1, part: 0 }, 'exploreCursor.card'],
    ['an unknown explore part', ['answers'], { matte: { dreams: EMPTY_ANSWER } }, 'answers.matte'],
    ['a too long answer', ['wishes'], { easier: { text: 'x'.repeat(1001) } }, 'wishes.easier.text'],
    ['a recap as text', ['recap'], 'ja', 'recap'],
  ];

  it('refuses wrong types and out-of-range values as invalid, naming the field', () => {
    for (const [label, path, value, detail] of invalid) {
      const restored = restoreConversation(withPath(minimalRecord(), path, value));
      expect(restored, label).toMatchObject({ ok: false, problem: 'invalid' });
      expect(!restored.ok && restored.detail, label).toContain(detail);
    }
  });

  it('refuses rating 0 and 11 even for a card that applies', () => {
    for (const rating of [0, 11]) {
      const record = { ...minimalRecord(), piles: { matte: 'applies' }, ratings: { matte: rating } };
      expect(restoreConversation(record)).toEqual({ ok: false, problem: 'invalid', detail: 'ratings.matte' });
    }
  });
});

describe('restoreConversation: tidying', () => {
  it('drops piles of cards not in play and ratings of cards that do not apply', () => {
    const record = {
      ...minimalRecord(),
      settings: asStored(settingsWith({ decks: ['fag'], customCards: [createCustomCard('Skoletur', 'skoletur')] })),
      piles: {
        matte: 'applies',
        engelsk: 'not',
        'egen-skoletur': 'applies',
        friminutt: 'applies',
        'laerer-1': 'not',
        'egen-borte': 'applies',
        'ikke-et-kort': 'applies',
      },
      ratings: { matte: 3, engelsk: 6, norsk: 5, 'egen-skoletur': 10, friminutt: 4, 'egen-borte': 2 },
    };
    const restored = restoreConversation(record);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.piles).toEqual({ matte: 'applies', engelsk: 'not', 'egen-skoletur': 'applies' });
    expect(restored.value.ratings).toEqual({ matte: 3, 'egen-skoletur': 10 });
  });

  it('drops explore choices of cards not in play', () => {
    const record = {
      ...minimalRecord(),
      settings: asStored(settingsWith({ decks: ['fag'] })),
      exploreSelection: { hard: ['matte', 'friminutt', 'egen-borte'], good: ['laerer-1', 'norsk'] },
    };
    const restored = restoreConversation(record);
    expect(restored.ok && restored.value.exploreSelection).toEqual({ hard: ['matte'], good: ['norsk'] });
  });

  it('keeps each explored card once, and a card marked both hard and good only as hard', () => {
    const record = {
      ...minimalRecord(),
      settings: asStored(settingsWith({ decks: ['fag'] })),
      exploreSelection: { hard: ['matte', 'matte', 'norsk'], good: ['norsk', 'engelsk', 'engelsk'] },
    };
    const restored = restoreConversation(record);
    expect(restored.ok && restored.value.exploreSelection).toEqual({ hard: ['matte', 'norsk'], good: ['engelsk'] });
  });

  it('refuses two custom cards with the same id, and a custom card of blanks', () => {
    const card = (id: string, text: string) => ({ kind: 'custom', id, deck: 'egne', text });
    for (const customCards of [[card('egen-a', 'A'), card('egen-a', 'B')], [card('egen-a', '   ')]]) {
      const record = { ...minimalRecord(), settings: { ...asStored(settingsWith()), customCards } };
      expect(restoreConversation(record)).toMatchObject({ ok: false, problem: 'invalid' });
    }
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object(), fc.jsonValue()), (raw) => {
        const restored = restoreConversation(raw);
        if (restored.ok) expectTidy(restored.value);
      }),
    );
  });

  it('never throws on a valid record with random fields changed or removed; what it keeps is tidy (property)', () => {
    const valid = asStored(fullConversation());
    const paths = allPaths(valid);
    const plausibleValue = fc.oneof(
      fc.constant(DELETE),
      fc.anything(),
      fc.jsonValue(),
      fc.integer({ min: -1, max: 12 }),
      fc.constantFrom('matte', 'friminutt', 'egen-borte', 'egen-kantina', 'applies', 'not', 'nb', 'trivsel', ''),
      fc.dictionary(
        fc.constantFrom('matte', 'norsk', 'friminutt', 'egen-skoletur', 'egen-borte', '__proto__'),
        fc.oneof(fc.constantFrom('applies', 'not'), fc.integer({ min: 0, max: 11 })),
      ),
    );
    const editsArb = fc.array(fc.tuple(fc.constantFrom(...paths), plausibleValue), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(editsArb, (edits) => {
        const record = edits.reduce((current, [path, value]) => withPath(current, path, value), valid);
        const restored = restoreConversation(record);
        if (!restored.ok) {
          expect(['unknown-version', 'newer-version', 'invalid']).toContain(restored.problem);
          return;
        }
        expectTidy(restored.value);
        // Restoring is idempotent: what came out goes back in unchanged.
        expect(restoreConversation(asStored(restored.value))).toEqual(restored);
      }),
      { numRuns: 300 },
    );
  });
});

describe('restorePupil', () => {
  it('restores a valid pupil and leaves out fields it does not know', () => {
    const restored = restorePupil({ id: 'elev-1', alias: 'Ola', createdAt: NOW, fodselsnummer: '01020312345' });
    expect(restored).toEqual({ ok: true, value: { id: 'elev-1', alias: 'Ola', createdAt: NOW } });
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, undefined, 'Ola', 7, [{ id: 'elev-1', alias: 'Ola', createdAt: NOW }]]) {
      expect(restorePupil(raw)).toEqual({ ok: false, problem: 'not-an-object' });
    }
  });

  it('refuses a missing, empty or too long alias and a bad id or time', () => {
    const valid = { id: 'elev-1', alias: 'Ola', createdAt: NOW };
    const cases: [JsonRecord, string][] = [
      [{ id: 'elev-1', createdAt: NOW }, 'alias'],
      [{ ...valid, alias: '' }, 'alias'],
      [{ ...valid, alias: 'x'.repeat(41) }, 'alias'],
      [{ ...valid, alias: '   ' }, 'alias'],
      [{ ...valid, alias: '010203 12345' }, 'alias'],
      [{ ...valid, id: '' }, 'id'],
      [{ ...valid, createdAt: -5 }, 'createdAt'],
      [{ ...valid, createdAt: 1.5 }, 'createdAt'],
    ];
    for (const [raw, detail] of cases) {
      expect(restorePupil(raw), JSON.stringify(raw)).toEqual({ ok: false, problem: 'invalid', detail });
    }
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(typeof restorePupil(raw).ok).toBe('boolean');
      }),
    );
  });
});
