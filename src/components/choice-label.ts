/**
 * The words of an offered choice (a thought, feeling, body sign or behaviour) in the
 * current language: one place that knows which locale namespace each explore part's
 * choices live in, for the pupil's explore step and the teacher's review alike.
 */

import type { TFunction } from 'i18next';
import type { ExplorePart } from '../domain/prompts';

const CHOICE_NAMESPACE: Partial<Record<ExplorePart, 'thought' | 'feeling' | 'body' | 'behaviour'>> = {
  thoughts: 'thought',
  feelings: 'feeling',
  body: 'body',
  behaviour: 'behaviour',
};

/** Whether the part offers choices at all (situation and "good" are answered in words). */
export function hasChoiceLabels(part: ExplorePart): boolean {
  return CHOICE_NAMESPACE[part] !== undefined;
}

export function choiceLabel(t: TFunction, part: ExplorePart, id: string): string {
  const namespace = CHOICE_NAMESPACE[part];
  // The ids come from the same lists the locales are checked against (locales.test.ts).
  return namespace ? t(`${namespace}.${id}` as 'feeling.trist') : id;
}
