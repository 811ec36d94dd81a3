/**
 * The conversation guide: short tips for the adult beside every pupil step, and the
 * tips built from this pupil's own answers (a scaling question about the hardest card,
 * a summary to say back in the explore step). Ids and card ids only; the words live in
 * the adult's languages, in locales/<lng>/guide.json. Nothing here is ever shown to or
 * read to the pupil.
 */

import type { CardId } from './catalog';
import type { Conversation, Rating, Step } from './conversation';
import { clampCursor, exploreRun } from './explore';
import { gradedList } from './graded-list';
import { BODY_IDS, FEELING_IDS, type PromptAnswer, THOUGHT_IDS } from './prompts';

/** Up to this grade, example phrasings are shorter and more concrete. */
export const YOUNGEST_MAX_GRADE = 4;

export type GuidePhrasing = 'standard' | 'youngest';

export function guidePhrasing(grade: number): GuidePhrasing {
  return grade <= YOUNGEST_MAX_GRADE ? 'youngest' : 'standard';
}

/**
 * The method, step by step: how to open, open and wondering questions, silence,
 * concrete moments, alternatives, scaling, what works, courage and mastery, closing.
 * Every tip has one piece of advice and an example phrase in each phrasing.
 */
export const GUIDE_TIPS = {
  welcome: ['purpose', 'noticed', 'care', 'hope', 'stop'],
  causes: ['wonder', 'silence', 'guess', 'listen'],
  sort: ['moment', 'alternatives', 'unsure', 'courage'],
  scale: ['size', 'compare', 'ownNumber'],
  explore: ['moment', 'wonder', 'unknown', 'works'],
  wishes: ['better', 'small', 'who', 'mastery'],
  recap: ['summary', 'correct', 'next'],
  handover: ['thanks', 'plan', 'everyday', 'again'],
} as const satisfies Record<Step, readonly string[]>;

export type GuideTipId = (typeof GUIDE_TIPS)[Step][number];

export interface GuideTip {
  readonly step: Step;
  readonly id: GuideTipId;
  readonly phrasing: GuidePhrasing;
}

/** The tips for the step the conversation is on, phrased for the pupil's grade. */
export function guideTips(conversation: Conversation): GuideTip[] {
  const { step } = conversation;
  const phrasing = guidePhrasing(conversation.settings.grade);
  return GUIDE_TIPS[step].map((id) => ({ step, id, phrasing }));
}

export interface PlacedCard {
  readonly cardId: CardId;
  readonly rating: Rating;
}

export interface ScaleQuestions {
  /** The card placed as the hardest (the first of the graded list), or null before any is placed. */
  readonly hardest: PlacedCard | null;
  /** The card placed as the best, when it is easier than the hardest; for "what works, and why?". */
  readonly best: PlacedCard | null;
}

export function scaleQuestions(conversation: Conversation): ScaleQuestions {
  const list = gradedList(conversation);
  const first = list[0];
  const last = list[list.length - 1];
  return {
    hardest: first ? { cardId: first.card.id, rating: first.rating } : null,
    best: first && last && last.difficulty < first.difficulty ? { cardId: last.card.id, rating: last.rating } : null,
  };
}

export type FeelingId = (typeof FEELING_IDS)[number];
export type BodyId = (typeof BODY_IDS)[number];
export type ThoughtId = (typeof THOUGHT_IDS)[number];

/**
 * What to say back about the card being explored now, so the pupil can confirm or
 * correct it: for a hard card, the thoughts, feelings and body signs the pupil chose
 * (all empty: nothing chosen yet, say it back in your own words); for a good card, an
 * invitation to tell what makes it good.
 */
export type SummaryBack =
  | {
      readonly kind: 'hard';
      readonly cardId: CardId;
      readonly thoughts: readonly ThoughtId[];
      readonly feelings: readonly FeelingId[];
      readonly body: readonly BodyId[];
    }
  | { readonly kind: 'good'; readonly cardId: CardId };

/** The chosen ids that are still offered, in the order they are offered. */
function chosen<T extends string>(offered: readonly T[], answer: PromptAnswer | undefined): T[] {
  if (!answer || answer.unknown) return [];
  return offered.filter((id) => answer.choices.includes(id));
}

/** The summary for the current explore card, or null when there is nothing to explore. */
export function summaryBack(conversation: Conversation): SummaryBack | null {
  const run = exploreRun(conversation);
  const cursor = clampCursor(run, conversation.exploreCursor);
  if (!cursor) return null;
  const item = run[cursor.card]!;
  if (item.kind === 'good') return { kind: 'good', cardId: item.cardId };
  const answers = conversation.answers[item.cardId] ?? {};
  return {
    kind: 'hard',
    cardId: item.cardId,
    thoughts: chosen(THOUGHT_IDS, answers.thoughts),
    feelings: chosen(FEELING_IDS, answers.feelings),
    body: chosen(BODY_IDS, answers.body),
  };
}

/** True when a hard card's summary has something the pupil chose to say back. */
export function hasChoices(summary: SummaryBack): boolean {
  return summary.kind === 'hard' && summary.thoughts.length + summary.feelings.length + summary.body.length > 0;
}

/**
 * The concern path's advice, in the order the adult needs it: no secrecy, tell the
 * pupil what happens next, who is told and when, the pupil's own words, stay with them.
 */
export const CONCERN_STEPS = ['noSecret', 'whatNext', 'whoIsTold', 'ownWords', 'stay'] as const;
export type ConcernStep = (typeof CONCERN_STEPS)[number];
