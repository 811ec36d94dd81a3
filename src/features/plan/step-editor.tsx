/**
 * One step (trinn) of the plan in the editor: its situations with the pupil's numbers,
 * what the pupil takes part in, the support, the success criterion, its dates, its
 * measures with who sees to each and by when, the buttons that reorder, split, merge and
 * delete it, and its follow-up (reached, not yet, stepped back).
 */

import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cardPicture, useCardLabel } from '../../components/card-label';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Picture } from '../../components/picture';
import { RadioFieldset } from '../../components/radio-fieldset';
import type { ConversationSettings } from '../../domain/conversation';
import { daysBetween } from '../../domain/dates';
import {
  MAX_STEPS,
  MAX_STEP_WEEKS,
  PLAN_TEXT_MAX_LENGTH,
  type Plan,
  type PlanProblem,
  type PlanStep,
  ROLES,
  type Role,
  STEP_STATUSES,
  assignmentOf,
  addStep,
  deleteStep,
  mergeWithNext,
  moveStep,
  removeStepMeasure,
  setMeasureAssignment,
  setStepDates,
  setStepStatus,
  setStepText,
  setStepWeeks,
  splitStep,
} from '../../domain/plan';
import { applyToPlan, applyToPlanWithIds } from '../../stores/library-store';
import { MeasurePicker } from './measure-picker';
import { DateField, PlanField } from './plan-field';
import { dateFormatter, localDate, measureText } from './plan-format';

const WEEK_OPTIONS = Array.from({ length: MAX_STEP_WEEKS }, (_, index) => index + 1);

export function StepEditor({
  plan,
  step,
  index,
  locked,
  settings,
  ratings,
  problems,
  pickerOpen,
  onTogglePicker,
}: {
  plan: Plan;
  step: PlanStep;
  index: number;
  locked: boolean;
  settings: ConversationSettings;
  /** The pupil's numbers in the conversation the plan builds on. */
  ratings: ReadonlyMap<string, number>;
  problems: readonly PlanProblem[];
  pickerOpen: boolean;
  onTogglePicker(): void;
}) {
  const { t, i18n } = useTranslation('plan');
  const id = useId();
  const cardLabel = useCardLabel(settings);
  const formatDate = useMemo(() => dateFormatter(i18n.language), [i18n.language]);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const number = index + 1;
  const apply = (command: (plan: Plan, now: number) => Plan) => void applyToPlan(plan.id, command);
  const withIds = (command: (plan: Plan, now: number, newId: () => string) => Plan) =>
    void applyToPlanWithIds(plan.id, command);

  const days = daysBetween(step.start, step.end) + 1;
  const weeks = days > 0 && days % 7 === 0 && days / 7 <= MAX_STEP_WEEKS ? String(days / 7) : 'custom';
  const datesWrong = problems.some((problem) => problem.kind === 'step-dates' && problem.stepId === step.id);
  const retryNumber = step.retryOf ? plan.steps.findIndex((other) => other.id === step.retryOf) + 1 : 0;
  const last = index === plan.steps.length - 1;

  return (
    <li className="plan-step" data-status={step.status} data-step-id={step.id}>
      <section aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} className="plan-step__heading">
          <span>{t('editor.step', { number })}</span>{' '}
          <span className="plan-step__dates">
            {t('editor.stepDates', { start: formatDate(step.start), end: formatDate(step.end) })}
          </span>{' '}
          <span className="plan-step__status">{t(`status.${step.status}`)}</span>
        </h3>
        {retryNumber > 0 ? <p className="plan-step__retry">{t('editor.retryOf', { number: retryNumber })}</p> : null}

        <fieldset className="plan__lockable" disabled={locked}>
          <h4>{t('editor.situations')}</h4>
          {step.situations.length === 0 ? (
            <p className="field__hint">{t('editor.noSituations')}</p>
          ) : (
            <ul className="plan-step__situations">
              {step.situations.map((card) => {
                const picture = cardPicture(settings, card);
                const rating = ratings.get(card);
                return (
                  <li key={card} className="plan-step__situation" data-card-id={card}>
                    {picture ? <Picture spec={picture} size="small" /> : null}
                    <span className="plan-step__label">{cardLabel(card)}</span>
                    {rating !== undefined ? (
                      <span className="plan-step__rating">{t('editor.rating', { number: rating })}</span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}

          <PlanField
            label={t('editor.participation')}
            hint={t('editor.participationHint')}
            rows={2}
            maxLength={PLAN_TEXT_MAX_LENGTH}
            value={step.participation}
            onChange={(text) => apply((p, now) => setStepText(p, step.id, 'participation', text, now))}
          />
          <PlanField
            label={t('editor.support')}
            hint={t('editor.supportHint')}
            rows={2}
            maxLength={PLAN_TEXT_MAX_LENGTH}
            value={step.support}
            onChange={(text) => apply((p, now) => setStepText(p, step.id, 'support', text, now))}
          />
          <PlanField
            label={t('editor.success')}
            hint={t('editor.successHint')}
            rows={2}
            maxLength={PLAN_TEXT_MAX_LENGTH}
            value={step.success}
            onChange={(text) => apply((p, now) => setStepText(p, step.id, 'success', text, now))}
          />

          <div className="plan__row">
            <DateField
              label={t('editor.start')}
              value={step.start}
              invalid={datesWrong}
              onChange={(start) => apply((p, now) => setStepDates(p, step.id, start, step.end, now))}
            />
            <DateField
              label={t('editor.end')}
              value={step.end}
              invalid={datesWrong}
              onChange={(end) => apply((p, now) => setStepDates(p, step.id, step.start, end, now))}
            />
            <div className="field">
              <label htmlFor={`${id}-weeks`}>{t('editor.weeks')}</label>
              <select
                id={`${id}-weeks`}
                value={weeks}
                onChange={(event) => apply((p, now) => setStepWeeks(p, step.id, Number(event.target.value), now))}
              >
                {weeks === 'custom' ? (
                  <option value="custom" disabled>
                    {t('editor.weeksCustom')}
                  </option>
                ) : null}
                {WEEK_OPTIONS.map((count) => (
                  <option key={count} value={String(count)}>
                    {t('editor.weeksOption', { count })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {datesWrong ? <p className="field__error">{t('problem.step-dates', { number })}</p> : null}

          <h4>{t('editor.measures')}</h4>
          {step.measures.length === 0 ? <p className="field__hint">{t('editor.noMeasures')}</p> : null}
          <ul className="plan-step__measures">
            {step.measures.map((measureId) => (
              <MeasureRow key={measureId} plan={plan} step={step} measureId={measureId} />
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={pickerOpen}
            aria-controls={pickerOpen ? `${id}-picker` : undefined}
            onClick={onTogglePicker}
          >
            {pickerOpen ? t('editor.closeMeasures') : t('editor.addMeasure')}
          </button>
          {pickerOpen ? <MeasurePicker id={`${id}-picker`} plan={plan} step={step} settings={settings} /> : null}

          <div className="plan-step__actions" role="group" aria-label={t('editor.stepActions', { number })}>
            <button
              type="button"
              className="button button--quiet"
              disabled={index === 0}
              onClick={() => apply((p, now) => moveStep(p, step.id, -1, now))}
            >
              {t('editor.moveUp')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={last}
              onClick={() => apply((p, now) => moveStep(p, step.id, 1, now))}
            >
              {t('editor.moveDown')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={plan.steps.length >= MAX_STEPS}
              onClick={() => withIds((p, now, newId) => splitStep(p, step.id, newId(), now))}
            >
              {t('editor.split')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={last}
              onClick={() => apply((p, now) => mergeWithNext(p, step.id, now))}
            >
              {t('editor.merge')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={plan.steps.length >= MAX_STEPS}
              onClick={() => withIds((p, now, newId) => addStep(p, step.id, newId(), now))}
            >
              {t('editor.addAfter')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirmingDelete(true)}>
              {t('editor.delete')}
            </button>
          </div>
        </fieldset>

        <RadioFieldset
          legend={t('editor.followUp')}
          options={STEP_STATUSES}
          value={step.status}
          label={(status) => t(`status.${status}`)}
          hint={t('statusHint.stepped-back')}
          onChange={(status) =>
            withIds((p, now, newId) =>
              setStepStatus(p, step.id, status, { now, newId: newId(), today: localDate(now) }),
            )
          }
        />
      </section>

      {confirmingDelete ? (
        <ConfirmDialog
          message={t('editor.deleteConfirm', { number })}
          confirmLabel={t('editor.confirmDelete')}
          cancelLabel={t('editor.cancel')}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setConfirmingDelete(false);
            apply((p, now) => deleteStep(p, step.id, now));
          }}
        />
      ) : null}
    </li>
  );
}

/** A chosen measure: its words, who sees to it and by when, and a way to remove it. */
function MeasureRow({ plan, step, measureId }: { plan: Plan; step: PlanStep; measureId: string }) {
  const { t } = useTranslation('plan');
  const id = useId();
  const assignment = assignmentOf(step, measureId);
  const text = measureText(t, plan, measureId);
  const apply = (command: (plan: Plan, now: number) => Plan) => void applyToPlan(plan.id, command);
  return (
    <li className="plan-measure" data-measure-id={measureId}>
      <p className="plan-measure__text" id={`${id}-text`}>
        {text}
      </p>
      <div className="plan__row">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('editor.measureRole')}</label>
          <select
            id={`${id}-role`}
            aria-describedby={`${id}-text`}
            value={assignment.role}
            onChange={(event) =>
              apply((p, now) => setMeasureAssignment(p, step.id, measureId, { role: event.target.value as Role }, now))
            }
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label={t('editor.measureDue')}
          value={assignment.due}
          onChange={(due) => apply((p, now) => setMeasureAssignment(p, step.id, measureId, { due }, now))}
        />
        <button
          type="button"
          className="button button--quiet plan-measure__remove"
          aria-label={t('editor.removeMeasure', { measure: text })}
          onClick={() => apply((p, now) => removeStepMeasure(p, step.id, measureId, now))}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
    </li>
  );
}
