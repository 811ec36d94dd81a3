import { describe, expect, it } from 'vitest';
import { TEST_NOW, aConversation, aPupil } from '../testing/fixtures';
import { suggestMeasures } from './measures';
import {
  DRAFT_MEASURES_PER_STEP,
  type Plan,
  addStep,
  checkPlan,
  deleteStep,
  draftPlan,
  hardSituationGroups,
  mergeWithNext,
  moveStep,
  setAgreed,
  setGoal,
  setStepDates,
  setStepStatus,
  setStepText,
  setStepWeeks,
  splitStep,
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
    plan = setStepStatus(plan, 'trinn-2', 'stepped-back', { now: TEST_NOW + 2, newId: 'trinn-8', today: '2026-12-10' });
    expect(plan.steps.map((step) => [step.id, step.status, step.retryOf])).toEqual([
      ['trinn-1', 'reached', null],
      ['trinn-2', 'stepped-back', null],
      ['trinn-8', 'planned', 'trinn-2'],
      ['trinn-3', 'planned', null],
    ]);
    expect(plan.steps[2]!.situations).toEqual(plan.steps[1]!.situations);
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
