import { describe, expect, it } from 'vitest';
import { TEST_NOW, aConversation, aPupil } from '../testing/fixtures';
import type { CardId } from './catalog';
import { addDays } from './dates';
import { createCustomMeasure, suggestMeasures } from './measures';
import {
  DRAFT_MEASURES_PER_STEP,
  MAX_DAY_PLAN_ROWS,
  type Plan,
  addCustomMeasure,
  addDayPlanRow,
  addStep,
  addStepMeasure,
  assignmentOf,
  checkPlan,
  deleteDayPlanRow,
  deleteStep,
  draftPlan,
  hardSituationGroups,
  mergeWithNext,
  moveStep,
  removeStepMeasure,
  setAgreed,
  setDayPlanRow,
  setEvaluation,
  setGoal,
  setMeasureAssignment,
  setPeriod,
  setPlanB,
  setResponsibility,
  setStepDates,
  setStepMeasures,
  setStepStatus,
  setStepText,
  setStepWeeks,
  splitStep,
  updatePlanFrom,
} from './plan';

const mira = aPupil('Mira', { id: 'elev-mira' });
const FROM = '2026-11-23';

function ids() {
  let next = 0;
  return () => `trinn-${++next}`;
}

// trivsel: 1 is the hardest. Difficulties: matte 10, engelsk 8, norsk 8, musikk 6, friminutt 2.
const conversation = aConversation(mira, {
  id: 'samtale-1',
  ratings: { matte: 1, engelsk: 3, norsk: 3, musikk: 5, friminutt: 9, 'gym-garderobe': 3 },
  causes: { engstelig: 2 },
});

function draft(): Plan {
  return draftPlan({ id: 'plan-1', conversation, from: FROM, now: TEST_NOW, newId: ids() });
}

const spans = (plan: Plan) => plan.steps.map((step) => [step.start, step.end]);

describe('draftPlan', () => {
  it('makes one step per level of hard situation, easiest first, ties together in the graded order', () => {
    expect(hardSituationGroups(conversation)).toEqual([['musikk'], ['engelsk', 'norsk', 'gym-garderobe'], ['matte']]);
    const plan = draft();
    expect(plan.steps.map((step) => step.situations)).toEqual(hardSituationGroups(conversation));
    expect(plan.steps.map((step) => step.status)).toEqual(['planned', 'planned', 'planned']);
    expect(plan).toMatchObject({ pupilId: 'elev-mira', conversationId: 'samtale-1', agreedAt: null, goal: '' });
  });

  it('gives each step two weeks, end to end from the start date, and the first meeting two weeks in', () => {
    const plan = draft();
    expect(spans(plan)).toEqual([
      ['2026-11-23', '2026-12-06'],
      ['2026-12-07', '2026-12-20'],
      ['2026-12-21', '2027-01-03'],
    ]);
    expect(plan.period).toEqual({ from: '2026-11-23', to: '2027-01-03' });
    expect(plan.evaluation.nextMeeting).toBe('2026-12-07');
    expect(checkPlan(plan)).toEqual([]);
  });

  it('suggests for each step the measures that fit its situations and the chosen causes best', () => {
    const plan = draft();
    for (const step of plan.steps) {
      expect(step.measures).toEqual(suggestMeasures(step.situations, ['engstelig'], DRAFT_MEASURES_PER_STEP));
      expect(step.measures.length).toBeGreaterThan(0);
    }
    const changing = plan.steps[1]!;
    expect(changing.measures).toContain(suggestMeasures(['gym-garderobe'], [], 1)[0]);
  });

  it('takes the three hardest when nothing is rated hard, and makes no steps from an empty scale', () => {
    const easy = aConversation(mira, { ratings: { matte: 9, norsk: 8, musikk: 10, engelsk: 7 } });
    expect(hardSituationGroups(easy)).toEqual([['matte'], ['norsk'], ['engelsk']]);
    const empty = draftPlan({ id: 'p', conversation: aConversation(mira), from: FROM, now: TEST_NOW, newId: ids() });
    expect(empty.steps).toEqual([]);
    expect(checkPlan(empty)).toEqual([{ kind: 'no-steps' }]);
  });

  it('reads a vanskelig scale the other way round', () => {
    const hard = aConversation(mira, {
      settings: { scaleKind: 'vanskelig' },
      ratings: { matte: 10, norsk: 7, musikk: 2 },
    });
    expect(hardSituationGroups(hard)).toEqual([['norsk'], ['matte']]);
  });
});

describe('editing a plan', () => {
  it('keeps texts as typed, refuses a goal over the limit, and stamps the time', () => {
    const plan = setStepText(
      setGoal(draft(), 'Mira er på skolen hele dager.', TEST_NOW + 1),
      'trinn-1',
      'success',
      'Tre dager på rad',
      TEST_NOW + 2,
    );
    expect(plan.goal).toBe('Mira er på skolen hele dager.');
    expect(plan.steps[0]!.success).toBe('Tre dager på rad');
    expect(plan.updatedAt).toBe(TEST_NOW + 2);
    expect(setGoal(plan, 'x'.repeat(2001), TEST_NOW + 3)).toBe(plan);
  });

  it('moves a step and keeps the dates running in the new order', () => {
    const plan = moveStep(draft(), 'trinn-3', -1, TEST_NOW + 1);
    expect(plan.steps.map((step) => step.id)).toEqual(['trinn-1', 'trinn-3', 'trinn-2']);
    expect(spans(plan)).toEqual(spans(draft()));
    expect(moveStep(plan, 'trinn-1', -1, TEST_NOW + 2)).toBe(plan);
  });

  it('lengthens a step and moves the later ones along', () => {
    const plan = setStepWeeks(draft(), 'trinn-1', 3, TEST_NOW + 1);
    expect(spans(plan)).toEqual([
      ['2026-11-23', '2026-12-13'],
      ['2026-12-14', '2026-12-27'],
      ['2026-12-28', '2027-01-10'],
    ]);
    expect(plan.period.to).toBe('2027-01-10');
    expect(setStepWeeks(plan, 'trinn-1', 0, TEST_NOW + 2)).toBe(plan);
    expect(setStepWeeks(plan, 'trinn-1', 1.5, TEST_NOW + 2)).toBe(plan);
  });

  it('splits a step of several situations between two, each with half the time', () => {
    const plan = splitStep(draft(), 'trinn-2', 'trinn-9', TEST_NOW + 1);
    expect(plan.steps.map((step) => [step.id, step.situations])).toEqual([
      ['trinn-1', ['musikk']],
      ['trinn-2', ['engelsk', 'norsk']],
      ['trinn-9', ['gym-garderobe']],
      ['trinn-3', ['matte']],
    ]);
    expect(spans(plan).slice(1)).toEqual([
      ['2026-12-07', '2026-12-13'],
      ['2026-12-14', '2026-12-20'],
      ['2026-12-21', '2027-01-03'],
    ]);
  });

  it('merges a step with the next, keeping both situations, texts and measures', () => {
    let plan = setStepText(draft(), 'trinn-1', 'support', 'Fast voksen i musikk', TEST_NOW);
    plan = setStepText(plan, 'trinn-2', 'support', 'Egen garderobe', TEST_NOW);
    const merged = mergeWithNext(plan, 'trinn-1', TEST_NOW + 1);
    expect(merged.steps).toHaveLength(2);
    expect(merged.steps[0]).toMatchObject({
      situations: ['musikk', 'engelsk', 'norsk', 'gym-garderobe'],
      support: 'Fast voksen i musikk\nEgen garderobe',
      start: '2026-11-23',
      end: '2026-12-20',
    });
    expect(new Set(merged.steps[0]!.measures)).toEqual(
      new Set([...plan.steps[0]!.measures, ...plan.steps[1]!.measures]),
    );
    expect(mergeWithNext(merged, 'trinn-3', TEST_NOW + 2)).toBe(merged);
  });

  it('adds an empty step after another and deletes one', () => {
    const added = addStep(draft(), 'trinn-1', 'trinn-7', TEST_NOW + 1);
    expect(added.steps.map((step) => step.id)).toEqual(['trinn-1', 'trinn-7', 'trinn-2', 'trinn-3']);
    expect(added.steps[1]).toMatchObject({ start: '2026-12-07', end: '2026-12-20', situations: [] });
    expect(checkPlan(added)).toEqual([{ kind: 'step-empty', stepId: 'trinn-7' }]);
    expect(deleteStep(added, 'trinn-7', TEST_NOW + 2).steps.map((step) => step.id)).toEqual([
      'trinn-1',
      'trinn-2',
      'trinn-3',
    ]);
  });

  it('keeps dates typed the wrong way round and reports them until corrected', () => {
    const wrong = setStepDates(draft(), 'trinn-2', '2026-12-20', '2026-12-07', TEST_NOW + 1);
    expect(wrong.steps[1]).toMatchObject({ start: '2026-12-20', end: '2026-12-07' });
    expect(checkPlan(wrong)).toEqual([{ kind: 'step-dates', stepId: 'trinn-2' }]);
    const late = { ...draft(), evaluation: { ...draft().evaluation, nextMeeting: '2026-12-20' } };
    expect(checkPlan(late)).toEqual([{ kind: 'meeting-late' }]);
    const period = { ...draft(), period: { from: '2026-11-23', to: '2026-11-01' } };
    expect(checkPlan(period)).toEqual([{ kind: 'period-dates' }]);
  });
});

describe('follow-up', () => {
  it('a setback keeps the step and its history and adds a new step-up of the same situations', () => {
    let plan = setStepStatus(draft(), 'trinn-1', 'reached', { now: TEST_NOW + 1, newId: 'x', today: '2026-12-07' });
    const measure = plan.steps[1]!.measures[0]!;
    // The principal sees to the step's first measure, three days into the step.
    plan = setMeasureAssignment(
      plan,
      'trinn-2',
      measure,
      { role: 'ledelse', due: addDays(plan.steps[1]!.start, 3) },
      TEST_NOW + 1,
    );
    plan = setStepStatus(plan, 'trinn-2', 'stepped-back', { now: TEST_NOW + 2, newId: 'trinn-8', today: '2026-12-10' });
    expect(plan.steps.map((step) => [step.id, step.status, step.retryOf])).toEqual([
      ['trinn-1', 'reached', null],
      ['trinn-2', 'stepped-back', null],
      ['trinn-8', 'planned', 'trinn-2'],
      ['trinn-3', 'planned', null],
    ]);
    expect(plan.steps[2]!.situations).toEqual(plan.steps[1]!.situations);
    expect(plan.steps[2]!.measures).toEqual(plan.steps[1]!.measures);
    expect(plan.steps[2]!.assignments).toEqual({ [measure]: { role: 'ledelse', due: '2026-12-13' } });
    expect(spans(plan).slice(2)).toEqual([
      ['2026-12-10', '2026-12-23'],
      ['2026-12-24', '2027-01-06'],
    ]);
    expect(plan.period.to).toBe('2027-01-06');
  });

  it('"not yet" only marks the step; agreeing and taking it back stamp the plan', () => {
    const plan = setStepStatus(draft(), 'trinn-1', 'not-yet', { now: TEST_NOW + 1, newId: 'x', today: FROM });
    expect(plan.steps.map((step) => step.id)).toEqual(['trinn-1', 'trinn-2', 'trinn-3']);
    const agreed = setAgreed(plan, true, TEST_NOW + 5);
    expect(agreed.agreedAt).toBe(TEST_NOW + 5);
    expect(setAgreed(agreed, true, TEST_NOW + 6)).toBe(agreed);
    expect(setAgreed(agreed, false, TEST_NOW + 7).agreedAt).toBeNull();
  });
});

// The draft's suggested measures, per step (causes: engstelig).
const STEP_1_MEASURES = ['forberede-praktiske-timer', 'fravaersmonster', 'besok-skolegarden'];
const STEP_2_MEASURES = ['fravaersmonster', 'ekstra-hjelp-i-fag', 'garderobe-alene'];

describe("a step's measures", () => {
  it('the draft suggests these measures (the fixture the tests below rely on)', () => {
    const plan = draft();
    expect(plan.steps[0]!.measures).toEqual(STEP_1_MEASURES);
    expect(plan.steps[1]!.measures).toEqual(STEP_2_MEASURES);
    expect(plan.steps.map((step) => step.assignments)).toEqual([{}, {}, {}]);
  });

  it('adds a measure at the end once, and refuses one already there or an unknown step', () => {
    const plan = addStepMeasure(draft(), 'trinn-1', 'plan-b', TEST_NOW + 1);
    expect(plan.steps[0]!.measures).toEqual([...STEP_1_MEASURES, 'plan-b']);
    expect(plan.steps[1]!.measures).toEqual(STEP_2_MEASURES);
    expect(plan.updatedAt).toBe(TEST_NOW + 1);
    expect(addStepMeasure(plan, 'trinn-1', 'plan-b', TEST_NOW + 2)).toBe(plan);
    expect(addStepMeasure(plan, 'trinn-1', 'fravaersmonster', TEST_NOW + 2)).toBe(plan);
    expect(addStepMeasure(plan, 'trinn-99', 'poengavtale', TEST_NOW + 2)).toBe(plan);
  });

  it('removes a measure and its assignment, and refuses one not on the step', () => {
    const assigned = setMeasureAssignment(draft(), 'trinn-1', 'fravaersmonster', { role: 'ledelse' }, TEST_NOW + 1);
    const plan = removeStepMeasure(assigned, 'trinn-1', 'fravaersmonster', TEST_NOW + 2);
    expect(plan.steps[0]!.measures).toEqual(['forberede-praktiske-timer', 'besok-skolegarden']);
    expect(plan.steps[0]!.assignments).toEqual({});
    expect(plan.steps[1]!.measures).toEqual(STEP_2_MEASURES);
    expect(plan.updatedAt).toBe(TEST_NOW + 2);
    expect(removeStepMeasure(plan, 'trinn-1', 'fravaersmonster', TEST_NOW + 3)).toBe(plan);
    expect(removeStepMeasure(plan, 'trinn-1', 'ekstra-hjelp-i-fag', TEST_NOW + 3)).toBe(plan);
    expect(removeStepMeasure(plan, 'trinn-99', 'besok-skolegarden', TEST_NOW + 3)).toBe(plan);
  });

  it('sets the measures once each in the given order, dropping assignments of the measures removed', () => {
    let plan = setMeasureAssignment(draft(), 'trinn-1', 'fravaersmonster', { role: 'foresatte' }, TEST_NOW + 1);
    plan = setMeasureAssignment(plan, 'trinn-1', 'besok-skolegarden', { due: '2026-11-30' }, TEST_NOW + 1);
    const chosen = setStepMeasures(
      plan,
      'trinn-1',
      ['besok-skolegarden', 'poengavtale', 'besok-skolegarden', 'plan-b'],
      TEST_NOW + 2,
    );
    expect(chosen.steps[0]!.measures).toEqual(['besok-skolegarden', 'poengavtale', 'plan-b']);
    expect(chosen.steps[0]!.assignments).toEqual({
      'besok-skolegarden': { role: 'kontaktlaerer', due: '2026-11-30' },
    });
    expect(chosen.updatedAt).toBe(TEST_NOW + 2);
    expect(setStepMeasures(chosen, 'trinn-99', ['plan-b'], TEST_NOW + 3)).toBe(chosen);
  });

  it("defaults a measure's assignment to the contact teacher by the step's start", () => {
    const plan = draft();
    expect(assignmentOf(plan.steps[0]!, 'fravaersmonster')).toEqual({ role: 'kontaktlaerer', due: '2026-11-23' });
    expect(assignmentOf(plan.steps[1]!, 'fravaersmonster')).toEqual({ role: 'kontaktlaerer', due: '2026-12-07' });
    const moved = setStepDates(plan, 'trinn-2', '2026-12-09', '2026-12-20', TEST_NOW + 1);
    expect(assignmentOf(moved.steps[1]!, 'garderobe-alene')).toEqual({ role: 'kontaktlaerer', due: '2026-12-09' });
  });

  it('changes who sees to a measure and by when, one field at a time', () => {
    const byRole = setMeasureAssignment(draft(), 'trinn-2', 'garderobe-alene', { role: 'ledelse' }, TEST_NOW + 1);
    expect(byRole.steps[1]!.assignments).toEqual({ 'garderobe-alene': { role: 'ledelse', due: '2026-12-07' } });
    expect(byRole.updatedAt).toBe(TEST_NOW + 1);
    const byDate = setMeasureAssignment(byRole, 'trinn-2', 'garderobe-alene', { due: '2026-12-01' }, TEST_NOW + 2);
    expect(assignmentOf(byDate.steps[1]!, 'garderobe-alene')).toEqual({ role: 'ledelse', due: '2026-12-01' });
    expect(assignmentOf(byDate.steps[1]!, 'fravaersmonster')).toEqual({ role: 'kontaktlaerer', due: '2026-12-07' });
    // The other steps keep theirs, even for the same measure.
    expect(byDate.steps[0]!.assignments).toEqual({});
    expect(byDate.steps[2]!.assignments).toEqual({});
  });

  it('refuses an assignment with a date that is no calendar date, or for a measure not on the step', () => {
    const plan = draft();
    expect(setMeasureAssignment(plan, 'trinn-1', 'fravaersmonster', { due: '2026-02-30' }, TEST_NOW + 1)).toBe(plan);
    expect(setMeasureAssignment(plan, 'trinn-1', 'fravaersmonster', { due: '30.11.2026' }, TEST_NOW + 1)).toBe(plan);
    expect(setMeasureAssignment(plan, 'trinn-1', 'fravaersmonster', { due: '' }, TEST_NOW + 1)).toBe(plan);
    expect(setMeasureAssignment(plan, 'trinn-1', 'garderobe-alene', { role: 'elev' }, TEST_NOW + 1)).toBe(plan);
    expect(setMeasureAssignment(plan, 'trinn-99', 'fravaersmonster', { role: 'elev' }, TEST_NOW + 1)).toBe(plan);
  });

  it('a merge keeps the assignments of both steps, the first step winning for a measure on both', () => {
    let plan = setMeasureAssignment(draft(), 'trinn-1', 'fravaersmonster', { role: 'ledelse' }, TEST_NOW + 1);
    plan = setMeasureAssignment(plan, 'trinn-2', 'fravaersmonster', { role: 'foresatte' }, TEST_NOW + 1);
    plan = setMeasureAssignment(plan, 'trinn-2', 'garderobe-alene', { role: 'elev', due: '2026-12-10' }, TEST_NOW + 1);
    const merged = mergeWithNext(plan, 'trinn-1', TEST_NOW + 2);
    expect(merged.steps[0]!.measures).toEqual([...STEP_1_MEASURES, 'ekstra-hjelp-i-fag', 'garderobe-alene']);
    expect(merged.steps[0]!.assignments).toEqual({
      fravaersmonster: { role: 'ledelse', due: '2026-11-23' },
      'garderobe-alene': { role: 'elev', due: '2026-12-10' },
    });
  });
});

describe('the agreement around the steps', () => {
  it("sets a role's responsibility, refusing the same text or one over the limit", () => {
    const plan = setResponsibility(draft(), 'foresatte', 'Følger Mira til porten', TEST_NOW + 1);
    expect(plan.responsibilities).toEqual({
      kontaktlaerer: '',
      ledelse: '',
      foresatte: 'Følger Mira til porten',
      elev: '',
      andre: '',
    });
    expect(plan.updatedAt).toBe(TEST_NOW + 1);
    expect(setResponsibility(plan, 'foresatte', 'Følger Mira til porten', TEST_NOW + 2)).toBe(plan);
    expect(setResponsibility(plan, 'elev', 'x'.repeat(2001), TEST_NOW + 2)).toBe(plan);
    expect(setResponsibility(plan, 'elev', 'x'.repeat(2000), TEST_NOW + 2).responsibilities.elev).toHaveLength(2000);
  });

  it('sets plan B, refusing the same text or one over the limit', () => {
    const plan = setPlanB(draft(), 'Kontaktlærer ringer hjem kl. 9', TEST_NOW + 1);
    expect(plan.planB).toBe('Kontaktlærer ringer hjem kl. 9');
    expect(plan.updatedAt).toBe(TEST_NOW + 1);
    expect(setPlanB(plan, 'Kontaktlærer ringer hjem kl. 9', TEST_NOW + 2)).toBe(plan);
    expect(setPlanB(plan, 'x'.repeat(2001), TEST_NOW + 2)).toBe(plan);
  });

  it('sets the evaluation field by field and refuses an impossible date or over-long texts', () => {
    const plan = setEvaluation(draft(), { how: 'Vi teller dager', convenes: 'Rektor' }, TEST_NOW + 1);
    expect(plan.evaluation).toEqual({ how: 'Vi teller dager', nextMeeting: '2026-12-07', convenes: 'Rektor' });
    expect(plan.updatedAt).toBe(TEST_NOW + 1);
    const moved = setEvaluation(plan, { nextMeeting: '2026-12-04' }, TEST_NOW + 2);
    expect(moved.evaluation).toEqual({ how: 'Vi teller dager', nextMeeting: '2026-12-04', convenes: 'Rektor' });
    expect(setEvaluation(moved, { nextMeeting: '2026-02-30' }, TEST_NOW + 3)).toBe(moved);
    expect(setEvaluation(moved, { nextMeeting: 'neste uke' }, TEST_NOW + 3)).toBe(moved);
    expect(setEvaluation(moved, { how: 'x'.repeat(2001) }, TEST_NOW + 3)).toBe(moved);
    expect(setEvaluation(moved, { convenes: 'x'.repeat(201) }, TEST_NOW + 3)).toBe(moved);
    expect(setEvaluation(moved, { convenes: 'x'.repeat(200) }, TEST_NOW + 3).evaluation.convenes).toHaveLength(200);
  });

  it('keeps a period typed the wrong way round, reports it, and refuses a non-date', () => {
    const plan = setPeriod(draft(), { to: '2026-11-01' }, TEST_NOW + 1);
    expect(plan.period).toEqual({ from: '2026-11-23', to: '2026-11-01' });
    expect(plan.updatedAt).toBe(TEST_NOW + 1);
    expect(checkPlan(plan)).toEqual([{ kind: 'period-dates' }]);
    const fixed = setPeriod(plan, { from: '2026-10-26' }, TEST_NOW + 2);
    expect(fixed.period).toEqual({ from: '2026-10-26', to: '2026-11-01' });
    expect(checkPlan(fixed)).toEqual([{ kind: 'meeting-late' }]);
    expect(setPeriod(fixed, { from: '2026-13-01' }, TEST_NOW + 3)).toBe(fixed);
    expect(setPeriod(fixed, { to: 'snart' }, TEST_NOW + 3)).toBe(fixed);
    expect(setPeriod(fixed, { from: '2026-11-23', to: '2026-02-29' }, TEST_NOW + 3)).toBe(fixed);
  });

  it('stamps the later time only: a command with an earlier clock never moves updatedAt back', () => {
    const plan = setPlanB(draft(), 'Ring hjem', TEST_NOW + 10);
    expect(plan.updatedAt).toBe(TEST_NOW + 10);
    const earlier = setResponsibility(plan, 'elev', 'Sier fra', TEST_NOW + 5);
    expect(earlier.responsibilities.elev).toBe('Sier fra');
    expect(earlier.updatedAt).toBe(TEST_NOW + 10);
    expect(earlier.createdAt).toBe(TEST_NOW);
  });
});

describe('the day plan', () => {
  it('adds empty rows at the end, fills them field by field and deletes one', () => {
    let plan = addDayPlanRow(draft(), 'rad-1', TEST_NOW + 1);
    plan = addDayPlanRow(plan, 'rad-2', TEST_NOW + 2);
    expect(plan.dayPlan).toEqual([
      { id: 'rad-1', time: '', where: '', what: '', who: '' },
      { id: 'rad-2', time: '', where: '', what: '', who: '' },
    ]);
    expect(plan.updatedAt).toBe(TEST_NOW + 2);
    plan = setDayPlanRow(plan, 'rad-2', 'time', '08:15', TEST_NOW + 3);
    plan = setDayPlanRow(plan, 'rad-2', 'what', 'Møter kontaktlærer ved porten', TEST_NOW + 3);
    expect(plan.dayPlan[1]).toEqual({
      id: 'rad-2',
      time: '08:15',
      where: '',
      what: 'Møter kontaktlærer ved porten',
      who: '',
    });
    expect(plan.dayPlan[0]).toEqual({ id: 'rad-1', time: '', where: '', what: '', who: '' });
    expect(plan.updatedAt).toBe(TEST_NOW + 3);
    const deleted = deleteDayPlanRow(plan, 'rad-1', TEST_NOW + 4);
    expect(deleted.dayPlan.map((row) => row.id)).toEqual(['rad-2']);
    expect(deleted.updatedAt).toBe(TEST_NOW + 4);
  });

  it('refuses a repeated row id, a row past the limit, texts over their limit and unknown rows', () => {
    const one = addDayPlanRow(draft(), 'rad-1', TEST_NOW + 1);
    expect(addDayPlanRow(one, 'rad-1', TEST_NOW + 2)).toBe(one);
    expect(setDayPlanRow(one, 'rad-9', 'time', '08:15', TEST_NOW + 2)).toBe(one);
    expect(deleteDayPlanRow(one, 'rad-9', TEST_NOW + 2)).toBe(one);
    expect(setDayPlanRow(one, 'rad-1', 'where', 'x'.repeat(201), TEST_NOW + 2)).toBe(one);
    expect(setDayPlanRow(one, 'rad-1', 'who', 'x'.repeat(201), TEST_NOW + 2)).toBe(one);
    expect(setDayPlanRow(one, 'rad-1', 'what', 'x'.repeat(2001), TEST_NOW + 2)).toBe(one);
    expect(setDayPlanRow(one, 'rad-1', 'what', 'x'.repeat(201), TEST_NOW + 2).dayPlan[0]!.what).toHaveLength(201);

    let full = draft();
    for (let i = 0; i < MAX_DAY_PLAN_ROWS; i++) full = addDayPlanRow(full, `rad-${i}`, TEST_NOW + 1);
    expect(MAX_DAY_PLAN_ROWS).toBe(40);
    expect(full.dayPlan).toHaveLength(40);
    expect(addDayPlanRow(full, 'rad-en-for-mye', TEST_NOW + 2)).toBe(full);
  });
});

describe("the school's own measures", () => {
  const own = createCustomMeasure('  Eleven får gå ut fem minutter før  ', 'struktur', 'abc');

  it('adds a measure to the plan and to a step', () => {
    const plan = addCustomMeasure(draft(), own, 'trinn-2', TEST_NOW + 1);
    expect(plan.customMeasures).toEqual([
      { kind: 'custom', id: 'tiltak-abc', category: 'struktur', text: 'Eleven får gå ut fem minutter før' },
    ]);
    expect(plan.steps[1]!.measures).toEqual([...STEP_2_MEASURES, 'tiltak-abc']);
    expect(plan.steps[0]!.measures).toEqual(STEP_1_MEASURES);
    expect(plan.updatedAt).toBe(TEST_NOW + 1);
    expect(assignmentOf(plan.steps[1]!, 'tiltak-abc')).toEqual({ role: 'kontaktlaerer', due: '2026-12-07' });
  });

  it('with no step adds it to the plan only', () => {
    const plan = addCustomMeasure(draft(), own, null, TEST_NOW + 1);
    expect(plan.customMeasures.map((m) => m.id)).toEqual(['tiltak-abc']);
    expect(plan.steps.map((step) => step.measures)).toEqual(draft().steps.map((step) => step.measures));
    // Then it can be put on a step like any measure.
    expect(addStepMeasure(plan, 'trinn-3', 'tiltak-abc', TEST_NOW + 2).steps[2]!.measures).toContain('tiltak-abc');
  });

  it('refuses a measure whose id the plan has already, or with no words or too many', () => {
    const plan = addCustomMeasure(draft(), own, 'trinn-1', TEST_NOW + 1);
    const sameId = createCustomMeasure('Noe helt annet', 'trygghet', 'abc');
    expect(addCustomMeasure(plan, sameId, 'trinn-2', TEST_NOW + 2)).toBe(plan);
    expect(addCustomMeasure(plan, sameId, null, TEST_NOW + 2)).toBe(plan);
    const blank = { ...createCustomMeasure('x', 'struktur', 'tom'), text: '   ' };
    expect(addCustomMeasure(plan, blank, null, TEST_NOW + 2)).toBe(plan);
    expect(addCustomMeasure(plan, createCustomMeasure('x'.repeat(201), 'struktur', 'lang'), null, TEST_NOW + 2)).toBe(
      plan,
    );
  });
});

describe('updatePlanFrom', () => {
  // A newer conversation: naturfag joins engelsk/norsk/gym-garderobe (difficulty 8), toalett (7)
  // and friminutt (9) are new hard situations; krle (4) is not hard. New cause: venner.
  const newer = aConversation(mira, {
    id: 'samtale-2',
    ratings: {
      matte: 1,
      engelsk: 3,
      norsk: 3,
      naturfag: 3,
      'gym-garderobe': 3,
      musikk: 5,
      toalett: 4,
      friminutt: 2,
      krle: 7,
    },
    causes: { engstelig: 2, venner: 1 },
  });

  function freshIds() {
    let next = 0;
    return () => `ny-${++next}`;
  }

  function edited(): Plan {
    let plan = setStepText(draft(), 'trinn-1', 'success', 'Tre musikktimer', TEST_NOW + 1);
    plan = setStepStatus(plan, 'trinn-1', 'reached', { now: TEST_NOW + 2, newId: 'x', today: '2026-12-07' });
    return setGoal(plan, 'Hele dager på skolen', TEST_NOW + 3);
  }

  it('builds on the newer conversation and adds a step for each new level of hard situation, easiest first', () => {
    const before = edited();
    const plan = updatePlanFrom(before, newer, { now: TEST_NOW + 10, newId: freshIds() });
    expect(plan.conversationId).toBe('samtale-2');
    expect(plan.updatedAt).toBe(TEST_NOW + 10);
    expect(plan.steps.map((step) => [step.id, step.situations, step.start, step.end])).toEqual([
      ['trinn-1', ['musikk'], '2026-11-23', '2026-12-06'],
      ['trinn-2', ['engelsk', 'norsk', 'gym-garderobe'], '2026-12-07', '2026-12-20'],
      ['trinn-3', ['matte'], '2026-12-21', '2027-01-03'],
      ['ny-1', ['toalett'], '2027-01-04', '2027-01-17'],
      ['ny-2', ['naturfag'], '2027-01-18', '2027-01-31'],
      ['ny-3', ['friminutt'], '2027-02-01', '2027-02-14'],
    ]);
    expect(plan.steps.slice(3).map((step) => step.measures)).toEqual([
      ['besok-vanskelige-rom', 'toalett-skjermet', 'liten-gruppe-en-periode'],
      ['fravaersmonster', 'ekstra-hjelp-i-fag', 'liten-gruppe-en-periode'],
      ['organisert-friminutt', 'fast-makker', 'liten-gruppe-en-periode'],
    ]);
    expect(plan.steps.slice(3).map((step) => step.measures)).toEqual(
      ([['toalett'], ['naturfag'], ['friminutt']] satisfies CardId[][]).map((cards) =>
        suggestMeasures(cards, ['engstelig', 'venner'], DRAFT_MEASURES_PER_STEP),
      ),
    );
    for (const step of plan.steps.slice(3)) {
      expect(step).toMatchObject({ participation: '', support: '', success: '', status: 'planned', retryOf: null });
      expect(step.assignments).toEqual({});
    }
    expect(plan.period).toEqual({ from: '2026-11-23', to: '2027-02-14' });
  });

  it('leaves the existing steps and everything the adult wrote as they were', () => {
    const before = edited();
    const plan = updatePlanFrom(before, newer, { now: TEST_NOW + 10, newId: freshIds() });
    expect(plan.steps.slice(0, 3)).toEqual(before.steps);
    expect(plan.steps[0]).toMatchObject({ success: 'Tre musikktimer', status: 'reached' });
    expect(plan.goal).toBe('Hele dager på skolen');
    expect(plan.createdAt).toBe(before.createdAt);
    expect(plan.evaluation).toEqual(before.evaluation);
  });

  it('with nothing new that is hard, only the conversation changes', () => {
    const same = aConversation(mira, {
      id: 'samtale-3',
      ratings: { matte: 2, engelsk: 3, musikk: 4, friminutt: 10 },
    });
    const before = draft();
    const plan = updatePlanFrom(before, same, { now: TEST_NOW + 10, newId: freshIds() });
    expect(plan.conversationId).toBe('samtale-3');
    expect(plan.steps).toEqual(before.steps);
    expect(plan.period).toEqual(before.period);
    expect(plan.updatedAt).toBe(TEST_NOW + 10);
  });

  it('changes nothing for a conversation with another pupil or the one the plan builds on', () => {
    const plan = draft();
    const other = aConversation(aPupil('Jonas', { id: 'elev-jonas' }), {
      id: 'samtale-9',
      ratings: { toalett: 1, friminutt: 1 },
    });
    expect(updatePlanFrom(plan, other, { now: TEST_NOW + 10, newId: freshIds() })).toBe(plan);
    expect(updatePlanFrom(plan, conversation, { now: TEST_NOW + 10, newId: freshIds() })).toBe(plan);
    const sameIdNewRatings = aConversation(mira, { id: 'samtale-1', ratings: { toalett: 1 } });
    expect(updatePlanFrom(plan, sameIdNewRatings, { now: TEST_NOW + 10, newId: freshIds() })).toBe(plan);
  });
});
