/**
 * Builders for screen tests: a pupil and a conversation at a given step, with given
 * causes, piles, ratings and answers, made with the same domain commands the app uses
 * (so a fixture can never hold a state the app could not reach).
 */

import type { CardId, CauseId, CauseSize } from '../domain/catalog';
import {
  type Conversation,
  type ConversationSettings,
  type ExploreCursor,
  type ExploreSelection,
  type Pile,
  type Rating,
  type Step,
  answerPrompt,
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
} from '../domain/conversation';
import { EMPTY_ANSWER, type ExplorePart, type PromptAnswer, type WishId } from '../domain/prompts';
import type { Plan } from '../domain/plan';
import { type Pupil, createPupil } from '../domain/pupil';

/** The fixed clock of every test: 14 November 2023, 22:13 UTC. */
export const TEST_NOW = 1_700_000_000_000;

let counter = 0;
function fixtureId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function aPupil(alias = 'Mira', options: { id?: string; createdAt?: number } = {}): Pupil {
  return createPupil(alias, options.id ?? fixtureId('fixture-pupil'), options.createdAt ?? TEST_NOW - 60_000);
}

export interface ConversationSpec {
  id?: string;
  createdAt?: number;
  step?: Step;
  settings?: Partial<ConversationSettings>;
  causes?: Partial<Record<CauseId, CauseSize>>;
  causeOtherText?: string;
  /** Cards sorted into a pile. Cards given a rating go to "Gjelder meg" by themselves. */
  piles?: Partial<Record<CardId, Pile>>;
  ratings?: Partial<Record<CardId, Rating>>;
  exploreSelection?: ExploreSelection;
  exploreCursor?: ExploreCursor;
  answers?: Partial<Record<CardId, Partial<Record<ExplorePart, Partial<PromptAnswer>>>>>;
  wishes?: Partial<Record<WishId, Partial<PromptAnswer>>>;
  finished?: boolean;
}

function entries<K extends string, V>(record: Partial<Record<K, V>> | undefined): [K, V][] {
  return Object.entries(record ?? {}) as [K, V][];
}

/** A conversation with `pupil`, built with the domain's commands. */
export function aConversation(pupil: Pupil, spec: ConversationSpec = {}): Conversation {
  const time = spec.createdAt ?? TEST_NOW - 30_000;
  const settings: ConversationSettings = { ...defaultSettings(spec.settings?.grade ?? 6, 'nb'), ...spec.settings };
  let c = createConversation({
    id: spec.id ?? fixtureId('fixture-conversation'),
    pupilId: pupil.id,
    settings,
    now: time,
  });

  for (const [cause, size] of entries(spec.causes)) c = setCause(c, cause, size, time);
  if (spec.causeOtherText !== undefined) c = setCauseOtherText(c, spec.causeOtherText, time);
  for (const [cardId, pile] of entries(spec.piles)) c = sortCard(c, cardId, pile, time);
  for (const [cardId, rating] of entries(spec.ratings)) {
    c = sortCard(c, cardId, 'applies', time);
    c = rateCard(c, cardId, rating, time);
  }
  if (spec.exploreSelection) c = setExploreSelection(c, spec.exploreSelection, time);
  for (const [cardId, parts] of entries(spec.answers)) {
    for (const [part, answer] of entries(parts))
      c = answerPrompt(c, cardId, part, { ...EMPTY_ANSWER, ...answer }, time);
  }
  if (spec.exploreCursor) c = setExploreCursor(c, spec.exploreCursor, time);
  for (const [wish, answer] of entries(spec.wishes)) c = setWish(c, wish, { ...EMPTY_ANSWER, ...answer }, time);
  c = goToStep(c, spec.step ?? 'welcome', time);
  if (spec.finished) c = finishConversation(c, time);

  // A fixture that silently dropped a card (not in play, not applying) would test nothing.
  for (const [cardId, pile] of entries(spec.piles)) {
    if (c.piles[cardId] !== pile) throw new Error(`Fixture: ${cardId} could not be sorted into ${pile}`);
  }
  for (const [cardId, rating] of entries(spec.ratings)) {
    if (c.ratings[cardId] !== rating) throw new Error(`Fixture: ${cardId} could not be rated ${rating}`);
  }
  return c;
}

/** What a test stores before the app starts. */
export interface Seed {
  pupils?: readonly Pupil[];
  conversations?: readonly Conversation[];
  /** Step-up plans, stored with their pupil. */
  plans?: readonly Plan[];
}
