/**
 * What the plan's screens share: a measure's words (the bank's in the adult's language,
 * or the school's own as typed), calendar dates in the reader's language, and the words
 * for the checks that stop a plan from being printed or agreed.
 */

import type { TFunction } from 'i18next';
import type { Conversation, ConversationSettings } from '../../domain/conversation';
import { type IsoDate, isIsoDate, isoDateOf } from '../../domain/dates';
import { isMeasureId } from '../../domain/measures';
import type { Plan, PlanProblem } from '../../domain/plan';
import type { Pupil } from '../../domain/pupil';

/**
 * What the plan's adult screens are given: the plan, its pupil, the conversation it builds
 * on (undefined if that was deleted) and the card settings its situations are named by.
 */
export interface PlanViewProps {
  plan: Plan;
  pupil: Pupil;
  conversation: Conversation | undefined;
  settings: ConversationSettings;
}

export function measureText(t: TFunction<'plan'>, plan: Plan, id: string): string {
  if (isMeasureId(id)) return t(`measure.${id}`);
  return plan.customMeasures.find((measure) => measure.id === id)?.text ?? id;
}

/** Formats calendar dates (no time, no zone) as the language writes them. */
export function dateFormatter(language: string): (date: IsoDate) => string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (date) => (isIsoDate(date) ? format.format(new Date(`${date}T00:00:00Z`)) : date);
}

/** One sentence per problem, naming the step by its number. */
export function problemText(t: TFunction<'plan'>, plan: Plan, problem: PlanProblem): string {
  if (problem.kind === 'step-empty' || problem.kind === 'step-dates') {
    const number = plan.steps.findIndex((step) => step.id === problem.stepId) + 1;
    return t(`problem.${problem.kind}`, { number });
  }
  return t(`problem.${problem.kind}`);
}

/** The calendar date of an instant on this device's clock. */
export function localDate(instant: number): IsoDate {
  return isoDateOf(instant, new Date(instant).getTimezoneOffset());
}
