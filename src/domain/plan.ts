/**
 * The step-up return plan (opptrappingsplan) and the cooperation agreement around it
 * (samarbeidsavtale). A draft is made from a conversation's graded list: the hard
 * situations become steps (trinn), easiest first, two weeks each, each with suggested
 * measures from the bank. The adult edits, reorders, splits, merges and deletes anything;
 * nothing is final until they say so. Follow-up marks each step reached, not yet
 * reached, or stepped back — a setback adds a new step-up and erases nothing.
 *
 * Like conversations, every change is a pure command `(plan, …, now) → plan`; a command
 * that would break an invariant returns the plan unchanged. Texts are the adult's own
 * words; the domain holds no language.
 */

import type { CardId, CauseId } from './catalog';
import { type Conversation } from './conversation';
import { type IsoDate, addDays, daysBetween, isIsoDate } from './dates';
import { gradedList } from './graded-list';
import { CUSTOM_MEASURE_MAX_LENGTH, type CustomMeasure, isCustomMeasureId, suggestMeasures } from './measures';

export const PLAN_SCHEMA_VERSION = 1;

export const STEP_STATUSES = ['planned', 'reached', 'not-yet', 'stepped-back'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const ROLES = ['kontaktlaerer', 'ledelse', 'foresatte', 'elev', 'andre'] as const;
export type Role = (typeof ROLES)[number];

export const DEFAULT_STEP_WEEKS = 2;
/** Limits the restore funnel holds stored plans to (see restore.ts). */
export const MAX_STEP_MEASURES = 100;
export const MAX_CUSTOM_MEASURES = 200;
export const MAX_STEP_WEEKS = 12;
export const MAX_STEPS = 20;
export const PLAN_TEXT_MAX_LENGTH = 2000;
/** Suggested measures per step in a fresh draft. */
export const DRAFT_MEASURES_PER_STEP = 3;
/** Difficulty (10 hardest, either scale) from which a situation counts as hard. */
export const HARD_FROM = 6;
/** With no situation that hard, the draft still takes the hardest few. */
export const FALLBACK_HARD_COUNT = 3;

export interface PlanStep {
  readonly id: string;
  /** The situations from the graded list this step works on. */
  readonly situations: readonly CardId[];
  /** What the pupil takes part in during the step. */
  readonly participation: string;
  /** The support the pupil gets. */
  readonly support: string;
  /** How everyone will know the step is reached: something that can be counted or seen. */
  readonly success: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Measure ids: built-in ones from the bank or the plan's own. */
  readonly measures: readonly string[];
  /**
   * Who sees to a measure and by when, for the measures where the adult chose; the rest
   * fall back to `assignmentOf`'s default (the contact teacher, by the step's start).
   */
  readonly assignments: Readonly<Record<string, MeasureAssignment>>;
  readonly status: StepStatus;
  /** Set on a step-up added after a setback: the step it takes again. */
  readonly retryOf: string | null;
}

export interface MeasureAssignment {
  readonly role: Role;
  /** The deadline: the measure is in place by this day. */
  readonly due: IsoDate;
}

export interface DayPlanRow {
  readonly id: string;
  readonly time: string;
  readonly where: string;
  readonly what: string;
  readonly who: string;
}

export interface Plan {
  readonly schemaVersion: typeof PLAN_SCHEMA_VERSION;
  readonly id: string;
  readonly pupilId: string;
  /** The conversation whose ratings the plan builds on (the newest one it was updated from). */
  readonly conversationId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Null while a draft; set when the adult says the plan is agreed. */
  readonly agreedAt: number | null;
  readonly goal: string;
  readonly steps: readonly PlanStep[];
  readonly responsibilities: Readonly<Record<Role, string>>;
  /** What happens if the pupil does not come. */
  readonly planB: string;
  readonly evaluation: {
    readonly how: string;
    readonly nextMeeting: IsoDate;
    readonly convenes: string;
  };
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly dayPlan: readonly DayPlanRow[];
  readonly customMeasures: readonly CustomMeasure[];
}

function touch(plan: Plan, now: number, change: Partial<Plan>): Plan {
  return { ...plan, ...change, updatedAt: Math.max(now, plan.updatedAt) };
}

const EMPTY_RESPONSIBILITIES: Record<Role, string> = {
  kontaktlaerer: '',
  ledelse: '',
  foresatte: '',
  elev: '',
  andre: '',
};

/**
 * The hard situations of a conversation, easiest of them first: every rated card of
 * difficulty HARD_FROM or more, or the hardest few when none is that hard. Cards on the
 * same number go into the same step (the pupil made them equally hard).
 */
export function hardSituationGroups(conversation: Conversation): CardId[][] {
  const graded = gradedList(conversation);
  const hard = graded.filter((entry) => entry.difficulty >= HARD_FROM);
  const chosen = hard.length > 0 ? hard : graded.slice(0, FALLBACK_HARD_COUNT);
  const groups: CardId[][] = [];
  chosen.forEach((entry, index) => {
    if (index === 0 || entry.difficulty !== chosen[index - 1]!.difficulty) groups.push([]);
    groups.at(-1)!.push(entry.card.id);
  });
  // Easiest first (the hardest MAX_STEPS levels at most); within a group the graded list's order.
  return groups.slice(0, MAX_STEPS).reverse();
}

function causesOf(conversation: Conversation): CauseId[] {
  return Object.keys(conversation.causes) as CauseId[];
}

/** Steps laid end to end from `from`: each starts the day after the one before ends. */
function schedule(steps: readonly PlanStep[], from: IsoDate): PlanStep[] {
  let start = from;
  return steps.map((step) => {
    const days = Math.max(1, daysBetween(step.start, step.end) + 1);
    const placed = { ...step, start, end: addDays(start, days - 1) };
    start = addDays(placed.end, 1);
    return placed;
  });
}

function newStep(id: string, situations: CardId[], start: IsoDate, measures: string[]): PlanStep {
  return {
    id,
    situations,
    participation: '',
    support: '',
    success: '',
    start,
    end: addDays(start, DEFAULT_STEP_WEEKS * 7 - 1),
    measures,
    assignments: {},
    status: 'planned',
    retryOf: null,
  };
}

/**
 * A draft plan from a conversation: one step per level of hard situation, easiest first,
 * two weeks each from `from`, each with the measures that fit its situations best. The
 * goal, texts and responsibilities start empty for the adult to fill; the first meeting
 * to evaluate is set two weeks ahead.
 */
export function draftPlan(args: {
  id: string;
  conversation: Conversation;
  from: IsoDate;
  now: number;
  newId: () => string;
}): Plan {
  const { conversation, from } = args;
  const causes = causesOf(conversation);
  const steps = schedule(
    hardSituationGroups(conversation).map((situations) =>
      newStep(args.newId(), situations, from, suggestMeasures(situations, causes, DRAFT_MEASURES_PER_STEP)),
    ),
    from,
  );
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: args.id,
    pupilId: conversation.pupilId,
    conversationId: conversation.id,
    createdAt: args.now,
    updatedAt: args.now,
    agreedAt: null,
    goal: '',
    steps,
    responsibilities: EMPTY_RESPONSIBILITIES,
    planB: '',
    evaluation: { how: '', nextMeeting: addDays(from, 14), convenes: '' },
    period: { from, to: steps.at(-1)?.end ?? addDays(from, DEFAULT_STEP_WEEKS * 7 - 1) },
    dayPlan: [],
    customMeasures: [],
  };
}

// ---- editing --------------------------------------------------------------------------

type StepText = 'participation' | 'support' | 'success';

function replaceStep(plan: Plan, stepId: string, change: (step: PlanStep) => PlanStep, now: number): Plan {
  const index = plan.steps.findIndex((step) => step.id === stepId);
  if (index < 0) return plan;
  const steps = plan.steps.map((step, i) => (i === index ? change(step) : step));
  return touch(plan, now, { steps });
}

export function setGoal(plan: Plan, goal: string, now: number): Plan {
  if (goal.length > PLAN_TEXT_MAX_LENGTH || goal === plan.goal) return plan;
  return touch(plan, now, { goal });
}

export function setStepText(plan: Plan, stepId: string, field: StepText, text: string, now: number): Plan {
  if (text.length > PLAN_TEXT_MAX_LENGTH) return plan;
  return replaceStep(plan, stepId, (step) => ({ ...step, [field]: text }), now);
}

/**
 * A step's dates as the adult typed them. Dates that do not fit (an end before the start)
 * are kept, so nothing typed is lost, and reported by `checkPlan` until corrected.
 */
export function setStepDates(plan: Plan, stepId: string, start: IsoDate, end: IsoDate, now: number): Plan {
  if (!isIsoDate(start) || !isIsoDate(end)) return plan;
  return replaceStep(plan, stepId, (step) => ({ ...step, start, end }), now);
}

/** A step's length in whole weeks; the steps after it move along. */
export function setStepWeeks(plan: Plan, stepId: string, weeks: number, now: number): Plan {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_STEP_WEEKS) return plan;
  const index = plan.steps.findIndex((step) => step.id === stepId);
  if (index < 0) return plan;
  const resized = plan.steps.map((step, i) =>
    i === index ? { ...step, end: addDays(step.start, weeks * 7 - 1) } : step,
  );
  const steps = [
    ...resized.slice(0, index + 1),
    ...schedule(resized.slice(index + 1), addDays(resized[index]!.end, 1)),
  ];
  return touch(plan, now, { steps, period: { ...plan.period, to: laterOf(plan.period.to, steps.at(-1)!.end) } });
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return daysBetween(a, b) > 0 ? b : a;
}

export function setStepMeasures(plan: Plan, stepId: string, measures: readonly string[], now: number): Plan {
  const chosen = [...new Set(measures)];
  return replaceStep(
    plan,
    stepId,
    (step) => ({
      ...step,
      measures: chosen,
      assignments: Object.fromEntries(Object.entries(step.assignments).filter(([id]) => chosen.includes(id))),
    }),
    now,
  );
}

/** Adds one measure to a step (at the end), unless it is there already. */
export function addStepMeasure(plan: Plan, stepId: string, measureId: string, now: number): Plan {
  const step = plan.steps.find((candidate) => candidate.id === stepId);
  if (!step || step.measures.includes(measureId) || step.measures.length >= MAX_STEP_MEASURES) return plan;
  return setStepMeasures(plan, stepId, [...step.measures, measureId], now);
}

export function removeStepMeasure(plan: Plan, stepId: string, measureId: string, now: number): Plan {
  const step = plan.steps.find((candidate) => candidate.id === stepId);
  if (!step?.measures.includes(measureId)) return plan;
  return setStepMeasures(
    plan,
    stepId,
    step.measures.filter((id) => id !== measureId),
    now,
  );
}

/** Who sees to a step's measure and by when: as the adult chose, else the contact teacher by the step's start. */
export function assignmentOf(step: PlanStep, measureId: string): MeasureAssignment {
  return step.assignments[measureId] ?? { role: 'kontaktlaerer', due: step.start };
}

export function setMeasureAssignment(
  plan: Plan,
  stepId: string,
  measureId: string,
  change: Partial<MeasureAssignment>,
  now: number,
): Plan {
  if (change.due !== undefined && !isIsoDate(change.due)) return plan;
  const step = plan.steps.find((candidate) => candidate.id === stepId);
  if (!step?.measures.includes(measureId)) return plan;
  const assignment = { ...assignmentOf(step, measureId), ...change };
  return replaceStep(
    plan,
    stepId,
    (current) => ({ ...current, assignments: { ...current.assignments, [measureId]: assignment } }),
    now,
  );
}

/** Moves a step up (-1) or down (+1); the dates stay with the order (the first step keeps the plan's start). */
export function moveStep(plan: Plan, stepId: string, delta: -1 | 1, now: number): Plan {
  const index = plan.steps.findIndex((step) => step.id === stepId);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= plan.steps.length) return plan;
  const order = [...plan.steps];
  [order[index], order[target]] = [order[target]!, order[index]!];
  return touch(plan, now, { steps: schedule(order, plan.steps[0]!.start) });
}

/** A new empty step after `afterId` (or at the end), two weeks long; later steps move along. */
export function addStep(plan: Plan, afterId: string | null, stepId: string, now: number): Plan {
  if (plan.steps.length >= MAX_STEPS) return plan;
  const index = afterId === null ? plan.steps.length - 1 : plan.steps.findIndex((step) => step.id === afterId);
  if (afterId !== null && index < 0) return plan;
  const start = index >= 0 ? addDays(plan.steps[index]!.end, 1) : plan.period.from;
  const steps = [
    ...plan.steps.slice(0, index + 1),
    ...schedule([newStep(stepId, [], start, []), ...plan.steps.slice(index + 1)], start),
  ];
  return touch(plan, now, { steps, period: { ...plan.period, to: laterOf(plan.period.to, steps.at(-1)!.end) } });
}

/**
 * Splits a step in two: with several situations, the first half stays and the rest go to
 * the new step; with one, both halves work on it (a smaller first demand). Each half gets
 * half the time (at least a week), and later steps move along.
 */
export function splitStep(plan: Plan, stepId: string, newId: string, now: number): Plan {
  const index = plan.steps.findIndex((step) => step.id === stepId);
  if (index < 0 || plan.steps.length >= MAX_STEPS) return plan;
  const step = plan.steps[index]!;
  const days = daysBetween(step.start, step.end) + 1;
  const firstDays = Math.max(7, Math.round(days / 14) * 7);
  const cut = Math.ceil(step.situations.length / 2);
  const first: PlanStep = {
    ...step,
    situations: step.situations.length > 1 ? step.situations.slice(0, cut) : step.situations,
    end: addDays(step.start, firstDays - 1),
  };
  const second: PlanStep = {
    ...step,
    id: newId,
    situations: step.situations.length > 1 ? step.situations.slice(cut) : step.situations,
    start: addDays(first.end, 1),
    end: addDays(first.end, Math.max(7, days - firstDays)),
    status: 'planned',
    retryOf: null,
  };
  const steps = [
    ...plan.steps.slice(0, index),
    first,
    ...schedule([second, ...plan.steps.slice(index + 1)], second.start),
  ];
  return touch(plan, now, { steps, period: { ...plan.period, to: laterOf(plan.period.to, steps.at(-1)!.end) } });
}

function joinText(a: string, b: string): string {
  return [a.trim(), b.trim()].filter(Boolean).join('\n');
}

/** Merges a step with the one after it: situations, texts and measures together, from the first's start to the second's end. */
export function mergeWithNext(plan: Plan, stepId: string, now: number): Plan {
  const index = plan.steps.findIndex((step) => step.id === stepId);
  const next = plan.steps[index + 1];
  if (index < 0 || !next) return plan;
  const step = plan.steps[index]!;
  const merged: PlanStep = {
    ...step,
    situations: [...new Set([...step.situations, ...next.situations])],
    participation: joinText(step.participation, next.participation),
    support: joinText(step.support, next.support),
    success: joinText(step.success, next.success),
    end: next.end,
    measures: [...new Set([...step.measures, ...next.measures])],
    assignments: { ...next.assignments, ...step.assignments },
  };
  return touch(plan, now, { steps: [...plan.steps.slice(0, index), merged, ...plan.steps.slice(index + 2)] });
}

export function deleteStep(plan: Plan, stepId: string, now: number): Plan {
  if (!plan.steps.some((step) => step.id === stepId)) return plan;
  return touch(plan, now, { steps: plan.steps.filter((step) => step.id !== stepId) });
}

// ---- the agreement around the steps --------------------------------------------------

export function setResponsibility(plan: Plan, role: Role, text: string, now: number): Plan {
  if (text.length > PLAN_TEXT_MAX_LENGTH || plan.responsibilities[role] === text) return plan;
  return touch(plan, now, { responsibilities: { ...plan.responsibilities, [role]: text } });
}

export function setPlanB(plan: Plan, text: string, now: number): Plan {
  if (text.length > PLAN_TEXT_MAX_LENGTH || plan.planB === text) return plan;
  return touch(plan, now, { planB: text });
}

export const SHORT_TEXT_MAX_LENGTH = 200;

/** How the plan is evaluated, the next meeting's date and who convenes it. A date that is no calendar date is refused. */
export function setEvaluation(plan: Plan, change: Partial<Plan['evaluation']>, now: number): Plan {
  if (change.nextMeeting !== undefined && !isIsoDate(change.nextMeeting)) return plan;
  if (change.how !== undefined && change.how.length > PLAN_TEXT_MAX_LENGTH) return plan;
  if (change.convenes !== undefined && change.convenes.length > SHORT_TEXT_MAX_LENGTH) return plan;
  return touch(plan, now, { evaluation: { ...plan.evaluation, ...change } });
}

/** The agreement's period as typed; a period ending before it starts is kept and reported by `checkPlan`. */
export function setPeriod(plan: Plan, period: Partial<Plan['period']>, now: number): Plan {
  if ((period.from !== undefined && !isIsoDate(period.from)) || (period.to !== undefined && !isIsoDate(period.to))) {
    return plan;
  }
  return touch(plan, now, { period: { ...plan.period, ...period } });
}

// ---- the day plan (dagsplan) -----------------------------------------------------------

export const MAX_DAY_PLAN_ROWS = 40;
type DayPlanField = Exclude<keyof DayPlanRow, 'id'>;

export function addDayPlanRow(plan: Plan, rowId: string, now: number): Plan {
  if (plan.dayPlan.length >= MAX_DAY_PLAN_ROWS || plan.dayPlan.some((row) => row.id === rowId)) return plan;
  return touch(plan, now, { dayPlan: [...plan.dayPlan, { id: rowId, time: '', where: '', what: '', who: '' }] });
}

export function setDayPlanRow(plan: Plan, rowId: string, field: DayPlanField, text: string, now: number): Plan {
  const limit = field === 'what' ? PLAN_TEXT_MAX_LENGTH : SHORT_TEXT_MAX_LENGTH;
  if (text.length > limit || !plan.dayPlan.some((row) => row.id === rowId)) return plan;
  return touch(plan, now, { dayPlan: plan.dayPlan.map((row) => (row.id === rowId ? { ...row, [field]: text } : row)) });
}

export function deleteDayPlanRow(plan: Plan, rowId: string, now: number): Plan {
  if (!plan.dayPlan.some((row) => row.id === rowId)) return plan;
  return touch(plan, now, { dayPlan: plan.dayPlan.filter((row) => row.id !== rowId) });
}

// ---- the school's own measures ----------------------------------------------------------

/**
 * Adds a measure the adult wrote (made with `createCustomMeasure`, checked with
 * `checkCustomMeasure`) to the plan, and to a step when one is given.
 */
export function addCustomMeasure(plan: Plan, measure: CustomMeasure, stepId: string | null, now: number): Plan {
  const text = measure.text.trim();
  if (
    !text ||
    text.length > CUSTOM_MEASURE_MAX_LENGTH ||
    !isCustomMeasureId(measure.id) ||
    plan.customMeasures.length >= MAX_CUSTOM_MEASURES ||
    plan.customMeasures.some((m) => m.id === measure.id) ||
    (stepId !== null && !plan.steps.some((step) => step.id === stepId))
  ) {
    return plan;
  }
  const withMeasure = touch(plan, now, { customMeasures: [...plan.customMeasures, { ...measure, text }] });
  return stepId === null ? withMeasure : addStepMeasure(withMeasure, stepId, measure.id, now);
}

// ---- a new conversation ------------------------------------------------------------------

/**
 * Brings the plan up to date with a newer conversation with the same pupil: the plan now
 * builds on its ratings, and hard situations that no step covers yet get steps of their
 * own after the others (easiest first, with suggested measures). Nothing the adult wrote
 * and no step's history is touched. A conversation with another pupil, or the one the
 * plan already builds on, changes nothing. Which conversation is newer is the caller's
 * to decide (the review offers the update only for a newer one).
 */
export function updatePlanFrom(
  plan: Plan,
  conversation: Conversation,
  args: { now: number; newId: () => string },
): Plan {
  if (conversation.pupilId !== plan.pupilId || conversation.id === plan.conversationId) return plan;
  const covered = new Set(plan.steps.flatMap((step) => step.situations));
  const causes = causesOf(conversation);
  const room = Math.max(0, MAX_STEPS - plan.steps.length);
  const fresh = hardSituationGroups(conversation)
    .map((group) => group.filter((card) => !covered.has(card)))
    .filter((group) => group.length > 0)
    .slice(0, room);
  const start = plan.steps.length > 0 ? addDays(plan.steps.at(-1)!.end, 1) : plan.period.from;
  const added = schedule(
    fresh.map((situations) =>
      newStep(args.newId(), situations, start, suggestMeasures(situations, causes, DRAFT_MEASURES_PER_STEP)),
    ),
    start,
  );
  const steps = [...plan.steps, ...added];
  return touch(plan, args.now, {
    conversationId: conversation.id,
    steps,
    period: { ...plan.period, to: steps.length > 0 ? laterOf(plan.period.to, steps.at(-1)!.end) : plan.period.to },
  });
}

// ---- follow-up ------------------------------------------------------------------------

/**
 * Marks how a step went. "Stepped back" (a setback) keeps the step and its history and
 * adds a new step-up right after it that takes the same situations again, with the same
 * words and measures (the same people, deadlines as far from its start), starting the
 * next day; the steps after it move along.
 */
export function setStepStatus(
  plan: Plan,
  stepId: string,
  status: StepStatus,
  args: { now: number; newId: string; today: IsoDate },
): Plan {
  const index = plan.steps.findIndex((step) => step.id === stepId);
  if (index < 0) return plan;
  const step = plan.steps[index]!;
  if (step.status === status) return plan;
  const marked = { ...step, status };
  if (status !== 'stepped-back' || plan.steps.length >= MAX_STEPS) {
    return replaceStep(plan, stepId, () => marked, args.now);
  }
  const start = laterOf(addDays(step.start, 1), args.today);
  // Who sees to each measure stays the same; each deadline keeps its distance from the step's start.
  const assignments = Object.fromEntries(
    Object.entries(step.assignments).map(([measureId, { role, due }]) => [
      measureId,
      { role, due: addDays(start, daysBetween(step.start, due)) },
    ]),
  );
  const again: PlanStep = {
    ...newStep(args.newId, [...step.situations], start, [...step.measures]),
    participation: step.participation,
    support: step.support,
    success: step.success,
    assignments,
    retryOf: step.id,
  };
  const steps = [...plan.steps.slice(0, index), marked, ...schedule([again, ...plan.steps.slice(index + 1)], start)];
  return touch(plan, args.now, { steps, period: { ...plan.period, to: laterOf(plan.period.to, steps.at(-1)!.end) } });
}

/** The adult says the plan is agreed (or takes that back to edit it as a draft). */
export function setAgreed(plan: Plan, agreed: boolean, now: number): Plan {
  if ((plan.agreedAt !== null) === agreed) return plan;
  return touch(plan, now, { agreedAt: agreed ? now : null });
}

// ---- checks ---------------------------------------------------------------------------

export type PlanProblem =
  | { readonly kind: 'no-steps' }
  | { readonly kind: 'step-empty'; readonly stepId: string }
  | { readonly kind: 'step-dates'; readonly stepId: string }
  | { readonly kind: 'period-dates' }
  | { readonly kind: 'meeting-late' };

/**
 * What stops the plan from being printed or agreed: no steps, a step with nothing in it
 * (no situation and no words), a step or the period ending before it starts. A first
 * evaluation meeting more than two weeks after the start is reported too.
 */
export function checkPlan(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.steps.length === 0) problems.push({ kind: 'no-steps' });
  for (const step of plan.steps) {
    const hasContent =
      step.situations.length > 0 || [step.participation, step.support, step.success].some((t) => t.trim());
    if (!hasContent) problems.push({ kind: 'step-empty', stepId: step.id });
    if (daysBetween(step.start, step.end) < 0) problems.push({ kind: 'step-dates', stepId: step.id });
  }
  if (daysBetween(plan.period.from, plan.period.to) < 0) problems.push({ kind: 'period-dates' });
  if (daysBetween(plan.period.from, plan.evaluation.nextMeeting) > 14) problems.push({ kind: 'meeting-late' });
  return problems;
}
