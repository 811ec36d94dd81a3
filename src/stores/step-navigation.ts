import { type Step, goToStep } from '../domain/conversation';
import { applyToActive } from './library-store';

/** Moves the open conversation to another step; the step is saved like any answer. */
export function goTo(step: Step): Promise<void> {
  return applyToActive((conversation, now) => goToStep(conversation, step, now));
}
