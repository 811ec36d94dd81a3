import { STEPS, type Step, goToStep } from '../domain/conversation';
import { applyToActive } from './library-store';

/** Moves the open conversation to another step; the step is saved like any answer. */
export function goTo(step: Step): Promise<void> {
  return applyToActive((conversation, now) => goToStep(conversation, step, now));
}

export function stepAfter(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

export function stepBefore(step: Step): Step {
  return STEPS[Math.max(STEPS.indexOf(step) - 1, 0)]!;
}
