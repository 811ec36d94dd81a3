/**
 * The adult's editor of a step-up plan: the goal, the steps (trinn) from the easiest hard
 * situation to the hardest with their texts, dates, measures and follow-up, then who does
 * what, plan B, evaluation, the agreement's period and an optional day plan. Every change
 * is a domain command saved at once. While the plan is agreed its content is locked
 * (follow-up stays open); "Gjør planen til utkast igjen" opens it again. Printing and
 * agreeing are refused, with the reasons, while `checkPlan` finds problems.
 */

import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { gradedList } from '../../domain/graded-list';
import {
  MAX_STEPS,
  PLAN_TEXT_MAX_LENGTH,
  type Plan,
  ROLES,
  SHORT_TEXT_MAX_LENGTH,
  addDayPlanRow,
  addStep,
  checkPlan,
  deleteDayPlanRow,
  setAgreed,
  setDayPlanRow,
  setEvaluation,
  setGoal,
  setPeriod,
  setPlanB,
  setResponsibility,
} from '../../domain/plan';
import { navigate } from '../../lib/router';
import { applyToPlan, applyToPlanWithIds, deletePlan } from '../../stores/library-store';
import { DateField, PlanField, PlanSection } from './plan-field';
import { type PlanViewProps, dateFormatter, localDate, problemText } from './plan-format';
import { StepEditor } from './step-editor';

export function PlanEditor({ plan, pupil, conversation, settings }: PlanViewProps) {
  const { t, i18n } = useTranslation('plan');
  const formatDate = useMemo(() => dateFormatter(i18n.language), [i18n.language]);
  const problems = useMemo(() => checkPlan(plan), [plan]);
  const ratings = useMemo(
    () => new Map(conversation ? gradedList(conversation).map((entry) => [entry.card.id, entry.rating]) : []),
    [conversation],
  );
  const [blocked, setBlocked] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [pickerFor, setPickerFor] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const locked = plan.agreedAt !== null;
  const apply = (command: (plan: Plan, now: number) => Plan) => void applyToPlan(plan.id, command);

  /** Runs `action` when the plan has no problems; otherwise shows them and moves focus there. */
  const whenValid = (action: () => void) => {
    if (problems.length === 0) {
      setBlocked(false);
      action();
      return;
    }
    setBlocked(true);
    requestAnimationFrame(() => problemsRef.current?.focus());
  };

  const meetingLate = problems.some((problem) => problem.kind === 'meeting-late');
  const periodWrong = problems.some((problem) => problem.kind === 'period-dates');

  return (
    <article className="plan" aria-labelledby="plan-heading">
      <header className="plan__header">
        <h1 id="plan-heading">{t('editor.heading', { alias: pupil.alias })}</h1>
        <p className="plan__state" data-state={locked ? 'agreed' : 'draft'}>
          {locked ? t('editor.agreed', { date: formatDate(localDate(plan.agreedAt!)) }) : t('editor.draft')}
        </p>
        <div className="plan__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => whenValid(() => navigate({ name: 'plan', id: plan.id, view: 'agreement' }))}
          >
            {t('editor.print')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => navigate({ name: 'plan', id: plan.id, view: 'pupil' })}
          >
            {t('editor.pupilView')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              conversation ? navigate({ name: 'review', id: conversation.id }) : navigate({ name: 'start' })
            }
          >
            {t('editor.back')}
          </button>
        </div>
      </header>

      <p>{t('editor.intro')}</p>
      {conversation ? (
        <p className="field__hint">{t('editor.basedOn', { date: formatDate(localDate(conversation.createdAt)) })}</p>
      ) : null}

      {blocked && problems.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={problemsRef}>
          <h2>{t('editor.problemsHeading')}</h2>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(t, plan, problem)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <PlanSection id="plan-goal" heading={t('editor.goal')} locked={locked}>
        <PlanField
          label={t('editor.goal')}
          hint={t('editor.goalHint')}
          rows={2}
          maxLength={PLAN_TEXT_MAX_LENGTH}
          value={plan.goal}
          onChange={(text) => apply((p, now) => setGoal(p, text, now))}
        />
      </PlanSection>

      <section className="plan__section" aria-labelledby="plan-steps">
        <h2 id="plan-steps">{t('editor.steps')}</h2>
        <p className="field__hint">{t('editor.stepsHint')}</p>
        {plan.steps.length === 0 ? <p>{t('editor.noSteps')}</p> : null}
        <ol className="plan__steps">
          {plan.steps.map((step, index) => (
            <StepEditor
              key={step.id}
              plan={plan}
              step={step}
              index={index}
              locked={locked}
              settings={settings}
              ratings={ratings}
              problems={problems}
              pickerOpen={pickerFor === step.id}
              onTogglePicker={() => setPickerFor((open) => (open === step.id ? null : step.id))}
            />
          ))}
        </ol>
        <fieldset className="plan__lockable" disabled={locked || plan.steps.length >= MAX_STEPS}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void applyToPlanWithIds(plan.id, (p, now, newId) => addStep(p, null, newId(), now))}
          >
            {t('editor.addStep')}
          </button>
        </fieldset>
      </section>

      <PlanSection
        id="plan-roles"
        heading={t('editor.responsibilities')}
        hint={t('editor.responsibilitiesHint')}
        locked={locked}
      >
        {ROLES.map((role) => (
          <PlanField
            key={role}
            label={t(`role.${role}`)}
            rows={2}
            maxLength={PLAN_TEXT_MAX_LENGTH}
            value={plan.responsibilities[role]}
            onChange={(text) => apply((p, now) => setResponsibility(p, role, text, now))}
          />
        ))}
      </PlanSection>

      <PlanSection id="plan-b" heading={t('editor.planB')} locked={locked}>
        <PlanField
          label={t('editor.planB')}
          hint={t('editor.planBHint')}
          rows={3}
          maxLength={PLAN_TEXT_MAX_LENGTH}
          value={plan.planB}
          onChange={(text) => apply((p, now) => setPlanB(p, text, now))}
        />
      </PlanSection>

      <PlanSection id="plan-evaluation" heading={t('editor.evaluation')} locked={locked}>
        <PlanField
          label={t('editor.evaluationHow')}
          hint={t('editor.evaluationHowHint')}
          rows={2}
          maxLength={PLAN_TEXT_MAX_LENGTH}
          value={plan.evaluation.how}
          onChange={(how) => apply((p, now) => setEvaluation(p, { how }, now))}
        />
        <div className="plan__row">
          <DateField
            label={t('editor.nextMeeting')}
            value={plan.evaluation.nextMeeting}
            invalid={meetingLate}
            onChange={(nextMeeting) => apply((p, now) => setEvaluation(p, { nextMeeting }, now))}
          />
          <PlanField
            label={t('editor.convenes')}
            maxLength={SHORT_TEXT_MAX_LENGTH}
            value={plan.evaluation.convenes}
            onChange={(convenes) => apply((p, now) => setEvaluation(p, { convenes }, now))}
          />
        </div>
        {meetingLate ? <p className="field__error">{t('problem.meeting-late')}</p> : null}
      </PlanSection>

      <PlanSection id="plan-period" heading={t('editor.period')} locked={locked}>
        <div className="plan__row">
          <DateField
            label={t('editor.start')}
            value={plan.period.from}
            invalid={periodWrong}
            onChange={(from) => apply((p, now) => setPeriod(p, { from }, now))}
          />
          <DateField
            label={t('editor.end')}
            value={plan.period.to}
            invalid={periodWrong}
            onChange={(to) => apply((p, now) => setPeriod(p, { to }, now))}
          />
        </div>
        {periodWrong ? <p className="field__error">{t('problem.period-dates')}</p> : null}
      </PlanSection>

      <DayPlan plan={plan} locked={locked} />

      <section className="plan__section" aria-labelledby="plan-agreement">
        <h2 id="plan-agreement">{t('editor.agreement')}</h2>
        <p>
          {locked
            ? t('editor.agreementAgreedHint', { date: formatDate(localDate(plan.agreedAt!)) })
            : t('editor.agreementDraftHint')}
        </p>
        <div className="plan__actions">
          {locked ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => apply((p, now) => setAgreed(p, false, now))}
            >
              {t('editor.backToDraft')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => whenValid(() => apply((p, now) => setAgreed(p, true, now)))}
            >
              {t('editor.markAgreed')}
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={() => setConfirmingDelete(true)}>
            {t('editor.deletePlan')}
          </button>
        </div>
      </section>

      {confirmingDelete ? (
        <ConfirmDialog
          message={t('editor.deletePlanConfirm', { alias: pupil.alias })}
          confirmLabel={t('editor.confirmDelete')}
          cancelLabel={t('editor.cancel')}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setConfirmingDelete(false);
            void deletePlan(plan.id).then(() =>
              conversation ? navigate({ name: 'review', id: conversation.id }) : navigate({ name: 'start' }),
            );
          }}
        />
      ) : null}
    </article>
  );
}

function DayPlan({ plan, locked }: { plan: Plan; locked: boolean }) {
  const { t } = useTranslation('plan');
  const apply = (command: (plan: Plan, now: number) => Plan) => void applyToPlan(plan.id, command);
  const fields = [
    ['time', 'dayTime', SHORT_TEXT_MAX_LENGTH],
    ['where', 'dayWhere', SHORT_TEXT_MAX_LENGTH],
    ['what', 'dayWhat', PLAN_TEXT_MAX_LENGTH],
    ['who', 'dayWho', SHORT_TEXT_MAX_LENGTH],
  ] as const;
  return (
    <PlanSection id="plan-day" heading={t('editor.dayPlan')} hint={t('editor.dayPlanHint')} locked={locked}>
      {plan.dayPlan.length === 0 ? <p>{t('editor.dayPlanEmpty')}</p> : null}
      <ol className="plan__day-rows">
        {plan.dayPlan.map((row, index) => (
          <li key={row.id} className="plan__day-row">
            <fieldset className="fieldset">
              <legend>{t('editor.dayRow', { number: index + 1 })}</legend>
              <div className="plan__row">
                {fields.map(([field, label, max]) => (
                  <PlanField
                    key={field}
                    label={t(`editor.${label}`)}
                    maxLength={max}
                    value={row[field]}
                    onChange={(text) => apply((p, now) => setDayPlanRow(p, row.id, field, text, now))}
                  />
                ))}
              </div>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => apply((p, now) => deleteDayPlanRow(p, row.id, now))}
              >
                {t('editor.deleteDayRow', { number: index + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void applyToPlanWithIds(plan.id, (p, now, newId) => addDayPlanRow(p, newId(), now))}
      >
        {t('editor.addDayRow')}
      </button>
    </PlanSection>
  );
}
