/**
 * The teacher's review of one conversation: everything a teacher needs to act on, as
 * data in the order it is read — the graded list first, each situation with its change
 * since the pupil's last conversation and its course across all of them, then the
 * explored cards part by part, what works, the causes, the wishes, and what the adult
 * recorded. The pupil's answers are passed through untouched; the adult's record is a
 * separate field, so the screen can never mix the two up.
 */

import { CAUSE_IDS, type CardId, type CauseId, type CauseSize } from './catalog';
import { type AdultRecord, type Conversation, type Rating, type RecapState, type ScaleKind } from './conversation';
import { exploreSelection } from './explore';
import { type GradedEntry, difficulty, gradedList } from './graded-list';
import { type ExplorePart, HARD_CARD_PARTS, type PromptAnswer, WISH_IDS, type WishId, isAnswered } from './prompts';

/** One earlier (or this) placing of a situation, on the scale of its own conversation. */
export interface ProgressPoint {
  readonly conversationId: string;
  readonly at: number;
  readonly rating: Rating;
  readonly scaleKind: ScaleKind;
  /** 10 is the hardest, on either scale, so points from both kinds can be compared. */
  readonly difficulty: number;
}

export interface ReviewEntry extends GradedEntry {
  /** The same card in the pupil's previous conversation that rated it, or null. */
  readonly previous: ProgressPoint | null;
  /**
   * Difficulty now minus difficulty then: negative is easier than last time, positive
   * harder, 0 the same; null when there is nothing to compare with.
   */
  readonly change: number | null;
  /** Every rating of this card across the pupil's conversations, oldest first (this one last). */
  readonly course: readonly ProgressPoint[];
}

export interface ExploredCard {
  readonly cardId: CardId;
  readonly kind: 'hard' | 'good';
  readonly rating: Rating | undefined;
  /** The pupil's answers, exactly as given (missing parts left out). */
  readonly answers: Readonly<Partial<Record<ExplorePart, PromptAnswer>>>;
}

export interface Review {
  readonly conversationId: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  /** From start to finish (or to the last change, while unfinished), in minutes, rounded. */
  readonly minutes: number;
  readonly scaleKind: ScaleKind;
  readonly graded: readonly ReviewEntry[];
  readonly hard: readonly ExploredCard[];
  readonly good: readonly ExploredCard[];
  readonly causes: readonly { readonly id: CauseId; readonly size: CauseSize }[];
  readonly causeOtherText: string;
  readonly wishes: readonly { readonly id: WishId; readonly answer: PromptAnswer }[];
  readonly recap: RecapState;
  readonly adult: AdultRecord;
  /** How many conversations with this pupil the course draws on (this one included). */
  readonly conversationCount: number;
}

/** The five parts of a hard card, in the order the review shows them. */
export const REVIEW_PARTS: readonly ExplorePart[] = HARD_CARD_PARTS;

function pointOf(conversation: Conversation, cardId: CardId): ProgressPoint | null {
  const rating = conversation.ratings[cardId];
  if (rating === undefined || conversation.piles[cardId] !== 'applies') return null;
  const { scaleKind } = conversation.settings;
  return {
    conversationId: conversation.id,
    at: conversation.createdAt,
    rating,
    scaleKind,
    difficulty: difficulty(rating, scaleKind),
  };
}

/**
 * The review of `conversation`; `history` is every conversation with the same pupil
 * (it may include this one and conversations of other pupils, which are left out).
 * Conversations started after this one do not count as "earlier".
 */
export function reviewOf(conversation: Conversation, history: readonly Conversation[]): Review {
  const earlier = history
    .filter(
      (other) =>
        other.pupilId === conversation.pupilId &&
        other.id !== conversation.id &&
        other.createdAt < conversation.createdAt,
    )
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

  const graded = gradedList(conversation).map((entry): ReviewEntry => {
    const before = earlier.flatMap((other) => pointOf(other, entry.card.id) ?? []);
    const now = pointOf(conversation, entry.card.id)!;
    const previous = before.at(-1) ?? null;
    return {
      ...entry,
      previous,
      change: previous ? now.difficulty - previous.difficulty : null,
      course: [...before, now],
    };
  });

  const explored = (kind: 'hard' | 'good') =>
    exploreSelection(conversation)[kind].map((cardId): ExploredCard => ({
      cardId,
      kind,
      rating: conversation.ratings[cardId],
      answers: Object.fromEntries(
        Object.entries(conversation.answers[cardId] ?? {}).filter(([, answer]) => isAnswered(answer)),
      ),
    }));

  const end = conversation.finishedAt ?? conversation.updatedAt;
  return {
    conversationId: conversation.id,
    startedAt: conversation.createdAt,
    finishedAt: conversation.finishedAt,
    minutes: Math.max(0, Math.round((end - conversation.createdAt) / 60_000)),
    scaleKind: conversation.settings.scaleKind,
    graded,
    hard: explored('hard'),
    good: explored('good'),
    // Biggest first; equal sizes in the order of the paper tool's boxes.
    causes: CAUSE_IDS.flatMap((id) => {
      const size = conversation.causes[id];
      return size === undefined ? [] : [{ id, size }];
    }).sort((a, b) => b.size - a.size),
    causeOtherText: conversation.causeOtherText.trim(),
    wishes: WISH_IDS.flatMap((id) => {
      const answer = conversation.wishes[id];
      return answer && isAnswered(answer) ? [{ id, answer }] : [];
    }),
    recap: conversation.recap,
    adult: conversation.adult,
    conversationCount: earlier.length + 1,
  };
}
