/**
 * The five-part model (seed 000): situation → thought → feeling → behaviour → body.
 * The explore step walks a hard card through these parts; a good card gets one prompt
 * about what makes it good. Offered choices are ids; their words live in the locales.
 */

export const HARD_CARD_PARTS = ['situation', 'thoughts', 'feelings', 'body', 'behaviour'] as const;
export type HardCardPart = (typeof HARD_CARD_PARTS)[number];
export const GOOD_CARD_PARTS = ['good'] as const;
export type GoodCardPart = (typeof GOOD_CARD_PARTS)[number];
export type ExplorePart = HardCardPart | GoodCardPart;

export const THOUGHT_IDS = [
  'klarer-ikke',
  'alle-ser-pa-meg',
  'ler-av-meg',
  'gjor-feil',
  'noe-galt-skjer',
  'vil-hjem',
] as const;

export const FEELING_IDS = ['trist', 'redd', 'flau', 'nervos', 'engstelig', 'sint', 'stress', 'lei-seg'] as const;

export const BODY_IDS = ['vondt-i-magen', 'hodepine', 'kvalme', 'svimmel', 'svetting', 'kortpust'] as const;

export const BEHAVIOUR_IDS = [
  'holder-meg-unna',
  'blir-stille',
  'graater',
  'blir-sint',
  'vil-hjem',
  'blir-hjemme',
] as const;

/** Which offered choices each part has; parts without choices are answered in words. */
export const PART_CHOICES: Readonly<Record<ExplorePart, readonly string[]>> = {
  situation: [],
  thoughts: THOUGHT_IDS,
  feelings: FEELING_IDS,
  body: BODY_IDS,
  behaviour: BEHAVIOUR_IDS,
  good: [],
};

export const WISH_IDS = ['easier', 'adults', 'parents', 'pupil'] as const;
export type WishId = (typeof WISH_IDS)[number];

export const ANSWER_TEXT_MAX_LENGTH = 1000;

/**
 * One answer to one prompt. `unknown` is the pupil's "vet ikke"; `typedByAdult` marks
 * words the adult typed on the pupil's behalf, so a later review can tell them apart.
 */
export interface PromptAnswer {
  readonly choices: readonly string[];
  readonly text: string;
  readonly unknown: boolean;
  readonly typedByAdult: boolean;
}

export const EMPTY_ANSWER: PromptAnswer = { choices: [], text: '', unknown: false, typedByAdult: false };

/** A change to an answer, made to the answer as it is stored when the change is saved. */
export type AnswerEdit = (answer: PromptAnswer) => PromptAnswer;

/**
 * An answer as its field shows it while it is being given: the choices and "vet ikke" as
 * they are, the words as they were when the field appeared (the field keeps them after).
 */
export interface AnswerView {
  readonly chosen: readonly string[];
  readonly unknown: boolean;
  readonly initialText: string;
}

export function isAnswered(answer: PromptAnswer | undefined): boolean {
  return answer !== undefined && (answer.unknown || answer.choices.length > 0 || answer.text.trim() !== '');
}
