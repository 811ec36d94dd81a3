/**
 * A conversation (elevsamtale) is one sitting with one pupil. It holds the adult's setup
 * and everything the pupil made, as plain data. Every change is a pure command
 * `(conversation, …, now) → conversation`: the store applies it and persists the result,
 * tests call it directly. Commands that would break an invariant return the input as it
 * is, so a stray tap can never corrupt a conversation.
 */

import {
  BUILT_IN_CARDS,
  type Card,
  type CardId,
  type CauseId,
  type CauseSize,
  type CustomCard,
  type SelectableDeckId,
  SELECTABLE_DECK_IDS,
  isTeacherCardId,
} from './catalog';
import type { ExplorePart, PromptAnswer, WishId } from './prompts';

export const CONVERSATION_SCHEMA_VERSION = 1;

/** The pupil-facing steps, in order. Setup happens before, on the adult's screen. */
export const STEPS = ['welcome', 'causes', 'sort', 'scale', 'explore', 'wishes', 'recap', 'handover'] as const;
export type Step = (typeof STEPS)[number];

/**
 * trivsel: 10 = liker veldig godt, 1 = liker absolutt ikke (the paper tool's default).
 * vanskelig: 10 = kjemperedd / veldig vanskelig, 1 = bare litt / helt greit.
 */
export const SCALE_KINDS = ['trivsel', 'vanskelig'] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];

export const DISPLAY_MODES = ['pictures', 'text'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export const PILES = ['applies', 'not'] as const;
/** Where a card went in the sort step: "Gjelder meg" or "Gjelder ikke meg". */
export type Pile = (typeof PILES)[number];

export const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Rating = (typeof RATINGS)[number];

export const GRADE_MIN = 1;
export const GRADE_MAX = 10;
export const TEACHER_NAME_MAX_LENGTH = 30;

export interface ConversationSettings {
  readonly grade: number;
  readonly displayMode: DisplayMode;
  /** Read every step, card and choice aloud as it appears or is tapped (for pupils who cannot read yet). */
  readonly readAloud: boolean;
  /** The pupil's language, a locale code such as "nb". */
  readonly language: string;
  readonly scaleKind: ScaleKind;
  /** Names or initials for Lærer 1–3; empty means the card keeps its placeholder. */
  readonly teacherNames: readonly [string, string, string];
  readonly customCards: readonly CustomCard[];
  readonly decks: readonly SelectableDeckId[];
}

export interface ExploreSelection {
  readonly hard: readonly CardId[];
  readonly good: readonly CardId[];
}

export interface ExploreCursor {
  /** Index into the run of explored cards (hard ones first, then good ones). */
  readonly card: number;
  /** Index into that card's parts. */
  readonly part: number;
}

export interface RecapState {
  readonly confirmed: boolean;
  /** The pupil went back from the recap to change something. */
  readonly changedAfterRecap: boolean;
}

/**
 * What the adult records, kept apart from the pupil's answers and always marked as the
 * adult's: notes, and the flag "the pupil told me something worrying" with its note.
 * Nothing here ever changes what the pupil sees.
 */
export interface AdultRecord {
  readonly notes: string;
  readonly concern: {
    readonly flagged: boolean;
    readonly note: string;
    /** When it was first flagged. */
    readonly at: number | null;
  };
}

export const ADULT_NOTE_MAX_LENGTH = 4000;

export const EMPTY_ADULT_RECORD: AdultRecord = { notes: '', concern: { flagged: false, note: '', at: null } };

export interface Conversation {
  readonly schemaVersion: typeof CONVERSATION_SCHEMA_VERSION;
  readonly id: string;
  readonly pupilId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt: number | null;
  readonly settings: ConversationSettings;
  readonly step: Step;
  readonly causes: Readonly<Partial<Record<CauseId, CauseSize>>>;
  readonly causeOtherText: string;
  readonly piles: Readonly<Record<string, Pile>>;
  readonly ratings: Readonly<Record<string, Rating>>;
  /** null until the adult picks: the default selection is derived from the graded list. */
  readonly exploreSelection: ExploreSelection | null;
  readonly exploreCursor: ExploreCursor;
  readonly answers: Readonly<Record<string, Readonly<Partial<Record<ExplorePart, PromptAnswer>>>>>;
  readonly wishes: Readonly<Partial<Record<WishId, PromptAnswer>>>;
  readonly recap: RecapState;
  readonly adult: AdultRecord;
}

export function defaultDisplayMode(grade: number): DisplayMode {
  return grade <= 4 ? 'pictures' : 'text';
}

export function defaultSettings(grade: number, language: string): ConversationSettings {
  return {
    grade,
    displayMode: defaultDisplayMode(grade),
    readAloud: false,
    language,
    scaleKind: 'trivsel',
    teacherNames: ['', '', ''],
    customCards: [],
    decks: [...SELECTABLE_DECK_IDS],
  };
}

export function createConversation(args: {
  id: string;
  pupilId: string;
  settings: ConversationSettings;
  now: number;
}): Conversation {
  return {
    schemaVersion: CONVERSATION_SCHEMA_VERSION,
    id: args.id,
    pupilId: args.pupilId,
    createdAt: args.now,
    updatedAt: args.now,
    finishedAt: null,
    settings: args.settings,
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
    adult: EMPTY_ADULT_RECORD,
  };
}

/** The cards in play: built-in cards of the chosen decks, then the custom cards. */
export function conversationCards(settings: ConversationSettings): Card[] {
  const decks = new Set<string>(settings.decks);
  return [...BUILT_IN_CARDS.filter((card) => decks.has(card.deck)), ...settings.customCards];
}

export function findCard(settings: ConversationSettings, id: string): Card | undefined {
  return conversationCards(settings).find((card) => card.id === id);
}

/** The name the adult gave a teacher card, or '' when it keeps its placeholder label. */
export function teacherName(settings: ConversationSettings, id: string): string {
  if (!isTeacherCardId(id)) return '';
  return settings.teacherNames[Number(id.slice(-1)) - 1]?.trim() ?? '';
}

export function stepIndex(step: Step): number {
  return STEPS.indexOf(step);
}

/** Share of the conversation done, 0–1, for the adult's list. */
export function progress(conversation: Conversation): number {
  if (conversation.finishedAt !== null) return 1;
  return stepIndex(conversation.step) / (STEPS.length - 1);
}

function touch(conversation: Conversation, now: number, patch: Partial<Conversation>): Conversation {
  return { ...conversation, ...patch, updatedAt: Math.max(now, conversation.updatedAt) };
}

export function goToStep(conversation: Conversation, step: Step, now: number): Conversation {
  if (conversation.step === step) return conversation;
  return touch(conversation, now, { step });
}

export function setCause(
  conversation: Conversation,
  cause: CauseId,
  size: CauseSize | null,
  now: number,
): Conversation {
  const causes = { ...conversation.causes };
  if (size === null) delete causes[cause];
  else causes[cause] = size;
  return touch(conversation, now, { causes });
}

export function setCauseOtherText(conversation: Conversation, text: string, now: number): Conversation {
  return touch(conversation, now, { causeOtherText: text });
}

/**
 * Moves a card to a pile, or back to the unsorted deck with `null`. A card that no
 * longer applies loses its place on the scale.
 */
export function sortCard(conversation: Conversation, cardId: CardId, pile: Pile | null, now: number): Conversation {
  if (!findCard(conversation.settings, cardId)) return conversation;
  if ((conversation.piles[cardId] ?? null) === pile) return conversation;
  const piles = { ...conversation.piles };
  if (pile === null) delete piles[cardId];
  else piles[cardId] = pile;
  const ratings = { ...conversation.ratings };
  if (pile !== 'applies') delete ratings[cardId];
  return touch(conversation, now, { piles, ratings });
}

/** Places a card that applies on the scale, or back in the tray with `null`. */
export function rateCard(conversation: Conversation, cardId: CardId, rating: Rating | null, now: number): Conversation {
  if (conversation.piles[cardId] !== 'applies') return conversation;
  if ((conversation.ratings[cardId] ?? null) === rating) return conversation;
  const ratings = { ...conversation.ratings };
  if (rating === null) delete ratings[cardId];
  else ratings[cardId] = rating;
  return touch(conversation, now, { ratings });
}

export function setExploreSelection(
  conversation: Conversation,
  selection: ExploreSelection | null,
  now: number,
): Conversation {
  return touch(conversation, now, { exploreSelection: selection, exploreCursor: { card: 0, part: 0 } });
}

export function setExploreCursor(conversation: Conversation, cursor: ExploreCursor, now: number): Conversation {
  return touch(conversation, now, { exploreCursor: cursor });
}

export function answerPrompt(
  conversation: Conversation,
  cardId: CardId,
  part: ExplorePart,
  answer: PromptAnswer,
  now: number,
): Conversation {
  const answers = { ...conversation.answers, [cardId]: { ...conversation.answers[cardId], [part]: answer } };
  return touch(conversation, now, { answers });
}

export function setWish(conversation: Conversation, wish: WishId, answer: PromptAnswer, now: number): Conversation {
  return touch(conversation, now, { wishes: { ...conversation.wishes, [wish]: answer } });
}

export function confirmRecap(conversation: Conversation, now: number): Conversation {
  return touch(conversation, now, {
    recap: { ...conversation.recap, confirmed: true },
    step: 'handover',
  });
}

/** "Er dette riktig?" — no: the pupil goes back to change something. */
export function changeFromRecap(conversation: Conversation, step: Step, now: number): Conversation {
  return touch(conversation, now, { recap: { confirmed: false, changedAfterRecap: true }, step });
}

export function finishConversation(conversation: Conversation, now: number): Conversation {
  if (conversation.finishedAt !== null) return conversation;
  return touch(conversation, now, { finishedAt: now, step: 'handover' });
}

/** The adult's own notes on the conversation (never the pupil's answers). */
export function setAdultNotes(conversation: Conversation, notes: string, now: number): Conversation {
  if (notes.length > ADULT_NOTE_MAX_LENGTH || notes === conversation.adult.notes) return conversation;
  return touch(conversation, now, { adult: { ...conversation.adult, notes } });
}

/**
 * "The pupil told me something worrying": flags the conversation (the first time is
 * kept as `at`), or takes the flag down again; the note stays either way.
 */
export function setConcern(conversation: Conversation, flagged: boolean, now: number): Conversation {
  const { concern } = conversation.adult;
  if (concern.flagged === flagged) return conversation;
  return touch(conversation, now, {
    adult: { ...conversation.adult, concern: { ...concern, flagged, at: concern.at ?? (flagged ? now : null) } },
  });
}

export function setConcernNote(conversation: Conversation, note: string, now: number): Conversation {
  const { concern } = conversation.adult;
  if (note.length > ADULT_NOTE_MAX_LENGTH || note === concern.note) return conversation;
  return touch(conversation, now, { adult: { ...conversation.adult, concern: { ...concern, note } } });
}
