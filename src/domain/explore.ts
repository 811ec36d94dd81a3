/**
 * The explore step as a run of prompts: each hard card walks the five-part model, each
 * good card gets one prompt. The cursor stored in the conversation points into this run,
 * so a reload resumes on the very prompt the pupil was answering.
 */

import type { CardId } from './catalog';
import { type Conversation, type ExploreCursor, type ExploreSelection } from './conversation';
import { type RatedCards, defaultExploreSelection } from './graded-list';
import { type ExplorePart, GOOD_CARD_PARTS, HARD_CARD_PARTS } from './prompts';

export interface ExploreItem {
  readonly cardId: CardId;
  readonly kind: 'hard' | 'good';
  readonly parts: readonly ExplorePart[];
}

/** What the run of prompts is worked out from. */
export type ExploreBasis = RatedCards & Pick<Conversation, 'exploreSelection'>;

export function exploreSelection(conversation: ExploreBasis): ExploreSelection {
  const chosen = conversation.exploreSelection ?? defaultExploreSelection(conversation);
  // Only cards still on the scale can be explored: the pupil may have changed the scale.
  const rated = (id: CardId) => conversation.ratings[id] !== undefined;
  return { hard: chosen.hard.filter(rated), good: chosen.good.filter(rated) };
}

export function exploreRun(conversation: ExploreBasis): ExploreItem[] {
  const { hard, good } = exploreSelection(conversation);
  return [
    ...hard.map((cardId) => ({ cardId, kind: 'hard' as const, parts: HARD_CARD_PARTS })),
    ...good.map((cardId) => ({ cardId, kind: 'good' as const, parts: GOOD_CARD_PARTS })),
  ];
}

/** The cursor clamped into the run, or null when there is nothing to explore. */
export function clampCursor(run: readonly ExploreItem[], cursor: ExploreCursor): ExploreCursor | null {
  if (run.length === 0) return null;
  const card = Math.min(Math.max(cursor.card, 0), run.length - 1);
  const part = Math.min(Math.max(cursor.part, 0), run[card]!.parts.length - 1);
  return { card, part };
}

/** The next prompt, or null after the last one. */
export function nextCursor(run: readonly ExploreItem[], cursor: ExploreCursor): ExploreCursor | null {
  const at = clampCursor(run, cursor);
  if (!at) return null;
  if (at.part + 1 < run[at.card]!.parts.length) return { card: at.card, part: at.part + 1 };
  if (at.card + 1 < run.length) return { card: at.card + 1, part: 0 };
  return null;
}

/** The previous prompt, or null before the first one. */
export function previousCursor(run: readonly ExploreItem[], cursor: ExploreCursor): ExploreCursor | null {
  const at = clampCursor(run, cursor);
  if (!at) return null;
  if (at.part > 0) return { card: at.card, part: at.part - 1 };
  if (at.card > 0) return { card: at.card - 1, part: run[at.card - 1]!.parts.length - 1 };
  return null;
}
