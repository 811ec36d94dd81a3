/**
 * Checks of what the adult types in setup. Each returns a problem code the UI turns into
 * a message in the adult's language; nothing is saved while any problem remains.
 */

import { CUSTOM_CARD_MAX_LENGTH, type CustomCard, type CustomCardId, MAX_CUSTOM_CARDS } from './catalog';
import { GRADE_MAX, GRADE_MIN, TEACHER_NAME_MAX_LENGTH } from './conversation';

export type GradeProblem = 'not-a-number' | 'out-of-range';

export function checkGrade(raw: string): GradeProblem | null {
  if (!/^\s*\d+\s*$/.test(raw)) return 'not-a-number';
  const grade = Number(raw);
  return grade < GRADE_MIN || grade > GRADE_MAX ? 'out-of-range' : null;
}

export type CustomCardProblem = 'empty' | 'too-long' | 'duplicate' | 'too-many';

export function checkCustomCard(raw: string, existing: readonly CustomCard[]): CustomCardProblem | null {
  const text = raw.trim();
  if (text === '') return 'empty';
  if (text.length > CUSTOM_CARD_MAX_LENGTH) return 'too-long';
  if (existing.some((card) => card.text.toLocaleLowerCase() === text.toLocaleLowerCase())) return 'duplicate';
  if (existing.length >= MAX_CUSTOM_CARDS) return 'too-many';
  return null;
}

export function createCustomCard(text: string, idSuffix: string): CustomCard {
  return { kind: 'custom', id: `egen-${idSuffix}` as CustomCardId, deck: 'egne', text: text.trim(), picture: null };
}

export function checkTeacherName(raw: string): 'too-long' | null {
  return raw.trim().length > TEACHER_NAME_MAX_LENGTH ? 'too-long' : null;
}
