/**
 * The graded list: every rated card, hardest first. It is what the whole conversation is
 * for, since it feeds the step-up plan (opptrappingsplan). Difficulty is derived from
 * the conversation's scale kind, so "hardest" is right whichever way the scale runs.
 */

import type { Card, CardId } from './catalog';
import { type Conversation, type Rating, type ScaleKind, conversationCards } from './conversation';

/** 10 is the hardest, 1 the easiest, on either scale. */
export function difficulty(rating: Rating, scaleKind: ScaleKind): number {
  return scaleKind === 'trivsel' ? 11 - rating : rating;
}

export interface GradedEntry {
  readonly card: Card;
  readonly rating: Rating;
  readonly difficulty: number;
  /**
   * Competition rank (1, 2, 2, 4 …): cards the pupil put on the same number share a
   * rank, so nobody reads an order into a tie the pupil did not make.
   */
  readonly rank: number;
}

/** What the graded list is worked out from: the cards chosen, the piles and the ratings. */
export type RatedCards = Pick<Conversation, 'settings' | 'piles' | 'ratings'>;

export function gradedList(conversation: RatedCards): GradedEntry[] {
  const { scaleKind } = conversation.settings;
  // Ties keep catalog order, so the list never depends on the order cards were placed.
  const rated = conversationCards(conversation.settings).flatMap((card, catalogIndex) => {
    const rating = conversation.ratings[card.id];
    if (rating === undefined || conversation.piles[card.id] !== 'applies') return [];
    return [{ card, rating, difficulty: difficulty(rating, scaleKind), catalogIndex }];
  });
  rated.sort((a, b) => b.difficulty - a.difficulty || a.catalogIndex - b.catalogIndex);
  let rank = 0;
  return rated.map((entry, index) => {
    if (index === 0 || entry.difficulty !== rated[index - 1]!.difficulty) rank = index + 1;
    return { card: entry.card, rating: entry.rating, difficulty: entry.difficulty, rank };
  });
}

export const DEFAULT_HARD_COUNT = 3;
export const DEFAULT_GOOD_COUNT = 2;

/**
 * The cards explored by default: the three hardest, then the two best that are not
 * already among them. A scale with few cards yields fewer.
 */
export function defaultExploreSelection(conversation: RatedCards): { hard: CardId[]; good: CardId[] } {
  const list = gradedList(conversation);
  const hard = list.slice(0, DEFAULT_HARD_COUNT).map((entry) => entry.card.id);
  const good = list
    .slice(DEFAULT_HARD_COUNT)
    .reverse()
    .slice(0, DEFAULT_GOOD_COUNT)
    .map((entry) => entry.card.id);
  return { hard, good };
}
