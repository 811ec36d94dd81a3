import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_NOW, aConversation, aPupil } from '../testing/fixtures';
import { createCustomMeasure } from './measures';
import { type Plan, draftPlan, setMeasureAssignment, setStepMeasures, setStepStatus } from './plan';
import { restorePlan } from './restore';

const conversation = aConversation(aPupil('Mira', { id: 'elev-mira' }), {
  id: 'samtale-1',
  ratings: { matte: 1, norsk: 3, 'gym-garderobe': 2 },
});

function aPlan(): Plan {
  let next = 0;
  const plan = draftPlan({ id: 'plan-1', conversation, from: '2026-11-23', now: TEST_NOW, newId: () => `t${++next}` });
  const own = createCustomMeasure('Eleven får gå ut fem minutter før', 'struktur', 'abc');
  const withOwn = { ...plan, customMeasures: [own] };
  const measured = setStepMeasures(withOwn, 't1', [...withOwn.steps[0]!.measures, own.id], TEST_NOW + 1);
  return setStepStatus(measured, 't2', 'stepped-back', { now: TEST_NOW + 2, newId: 't9', today: '2026-12-08' });
}

/** As IndexedDB or a backup file gives it back: plain JSON. */
const stored = (plan: unknown) => JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;

describe('restorePlan', () => {
  it('gives back a drafted, edited plan with a setback, deep equal', () => {
    const plan = aPlan();
    expect(plan.steps.some((step) => step.retryOf === 't2')).toBe(true);
    expect(restorePlan(stored(plan))).toEqual({ ok: true, value: plan });
  });

  it('drops measures it does not know and setback links to steps that are gone, keeping the words', () => {
    const record = stored(aPlan());
    const steps = record.steps as Record<string, unknown>[];
    steps[0]!.measures = ['egen-garderobe-finnes-ikke', 'tiltak-ukjent', ...(steps[0]!.measures as string[])];
    steps[2]!.retryOf = 'borte';
    steps[0]!.participation = 'Musikk med en fast voksen';
    const restored = restorePlan(record);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.steps[0]!.measures).toEqual(aPlan().steps[0]!.measures);
    expect(restored.value.steps[2]!.retryOf).toBeNull();
    expect(restored.value.steps[0]!.participation).toBe('Musikk med en fast voksen');
  });

  it("keeps a step's assignments only for measures the step still has, and refuses a malformed one", () => {
    const plan = setMeasureAssignment(
      aPlan(),
      't1',
      'tiltak-abc',
      { role: 'foresatte', due: '2026-11-25' },
      TEST_NOW + 3,
    );
    expect(plan.steps[0]!.assignments).toEqual({ 'tiltak-abc': { role: 'foresatte', due: '2026-11-25' } });
    expect(restorePlan(stored(plan))).toEqual({ ok: true, value: plan });

    // A plan stored before assignments existed: every step gets none.
    const older = stored(plan);
    for (const step of older.steps as Record<string, unknown>[]) delete step.assignments;
    const restoredOlder = restorePlan(older);
    expect(restoredOlder.ok).toBe(true);
    if (!restoredOlder.ok) return;
    expect(restoredOlder.value.steps.map((step) => step.assignments)).toEqual(plan.steps.map(() => ({})));

    // For a measure not on the step, and for an unknown measure that is dropped from the step.
    const record = stored(plan);
    const first = (record.steps as Record<string, unknown>[])[0]!;
    const onStep = first.measures as string[];
    expect(onStep).not.toContain('plan-b');
    first.measures = ['finnes-ikke', ...onStep];
    first.assignments = {
      ...(first.assignments as Record<string, unknown>),
      'plan-b': { role: 'ledelse', due: '2026-11-24' },
      'finnes-ikke': { role: 'elev', due: '2026-11-24' },
      'tiltak-borte': { role: 'andre', due: '2026-11-24' },
    };
    const restored = restorePlan(record);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.steps[0]!.measures).toEqual(onStep);
    expect(restored.value.steps[0]!.assignments).toEqual({ 'tiltak-abc': { role: 'foresatte', due: '2026-11-25' } });
    expect(restored.value).toEqual(plan);

    // A role or a date the schema does not know makes the whole plan invalid.
    const malformed: Record<string, unknown>[] = [
      { role: 'rektor', due: '2026-11-25' },
      { role: 'foresatte', due: '2026-02-30' },
      { role: 'foresatte', due: 'neste uke' },
      { role: 'foresatte' },
    ];
    for (const assignment of malformed) {
      const bad = stored(plan);
      (bad.steps as Record<string, unknown>[])[0]!.assignments = { 'tiltak-abc': assignment };
      expect(restorePlan(bad)).toMatchObject({ ok: false, problem: 'invalid' });
    }
  });

  it('fills what an older record lacks', () => {
    const record = stored(aPlan());
    delete record.dayPlan;
    delete record.responsibilities;
    delete record.agreedAt;
    const restored = restorePlan(record);
    expect(restored.ok && restored.value.dayPlan).toEqual([]);
    expect(restored.ok && restored.value.responsibilities.foresatte).toBe('');
    expect(restored.ok && restored.value.agreedAt).toBeNull();
  });

  it('refuses a record from a newer app, impossible dates, unknown cards and repeated step ids', () => {
    expect(restorePlan({ ...stored(aPlan()), schemaVersion: 2 })).toMatchObject({
      ok: false,
      problem: 'newer-version',
    });
    expect(restorePlan({ ...stored(aPlan()), schemaVersion: '1' })).toMatchObject({ problem: 'unknown-version' });
    expect(restorePlan(null)).toMatchObject({ problem: 'not-an-object' });
    const cases: ((record: Record<string, unknown>) => void)[] = [
      (r) => ((r.period as Record<string, unknown>).to = '2026-02-30'),
      (r) => ((r.steps as Record<string, unknown>[])[0]!.situations = ['matte', 'ikke-et-kort']),
      (r) => (r.steps = [...(r.steps as unknown[]), (r.steps as unknown[])[0]]),
      (r) => ((r.evaluation as Record<string, unknown>).nextMeeting = 'neste uke'),
      (r) => (r.goal = 'x'.repeat(2001)),
    ];
    for (const change of cases) {
      const record = stored(aPlan());
      change(record);
      expect(restorePlan(record)).toMatchObject({ ok: false, problem: 'invalid' });
    }
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.record({ schemaVersion: fc.constant(1) })), (raw) => {
        const restored = restorePlan(raw);
        if (restored.ok) expect(restored.value.schemaVersion).toBe(1);
      }),
    );
  });
});
