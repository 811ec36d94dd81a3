/**
 * The cooperation agreement (samarbeidsavtale) as a document to print on A4 and sign:
 * status and starting point, goal, the steps, every measure with who sees to it and by
 * when, responsibilities, plan B, evaluation, the day plan, and signature lines for the
 * contact teacher, the pupil and the parents. Black on white, no colour needed to read
 * it. A plan that `checkPlan` finds problems in is not shown for printing: the reasons
 * are, with the way back to the editor.
 */

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLabel } from '../../components/card-label';
import { gradedList } from '../../domain/graded-list';
import { ROLES, assignmentOf, checkPlan } from '../../domain/plan';
import { navigate } from '../../lib/router';
import { type PlanViewProps, dateFormatter, localDate, measureText, problemText } from './plan-format';

/** How many of the hardest situations the starting point names. */
const BACKGROUND_COUNT = 5;
const SIGNERS = ['kontaktlaerer', 'elev', 'foresatte'] as const;

export function AgreementView({ plan, pupil, conversation, settings }: PlanViewProps) {
  const { t, i18n } = useTranslation('plan');
  const formatDate = useMemo(() => dateFormatter(i18n.language), [i18n.language]);
  const cardLabel = useCardLabel(settings);
  const problems = useMemo(() => checkPlan(plan), [plan]);
  const back = (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => navigate({ name: 'plan', id: plan.id, view: 'edit' })}
    >
      {t('agreement.back')}
    </button>
  );

  if (problems.length > 0) {
    return (
      <div className="error-summary" role="alert">
        <p>{t('agreement.notPrintable')}</p>
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>{problemText(t, plan, problem)}</li>
          ))}
        </ul>
        {back}
      </div>
    );
  }

  const hardest = conversation ? gradedList(conversation).slice(0, BACKGROUND_COUNT) : [];
  const text = (value: string) =>
    value.trim() ? value : <span className="agreement__empty">{t('agreement.noText')}</span>;
  const measures = plan.steps.flatMap((step, index) =>
    step.measures.map((measureId) => ({ step, number: index + 1, measureId, ...assignmentOf(step, measureId) })),
  );

  return (
    <article className="agreement" aria-labelledby="agreement-heading">
      <div className="agreement__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('agreement.print')}
        </button>
        {back}
      </div>
      <h1 id="agreement-heading">{t('agreement.heading')}</h1>
      <p className="agreement__subheading">{t('agreement.subheading', { alias: pupil.alias })}</p>

      <dl className="agreement__meta">
        <div>
          <dt>{t('agreement.pupil')}</dt>
          <dd>{pupil.alias}</dd>
        </div>
        {conversation ? (
          <div>
            <dt>{t('agreement.grade')}</dt>
            <dd>{conversation.settings.grade}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('agreement.period')}</dt>
          <dd>{t('agreement.periodValue', { from: formatDate(plan.period.from), to: formatDate(plan.period.to) })}</dd>
        </div>
        <div>
          <dt>{t('agreement.status')}</dt>
          <dd>
            {plan.agreedAt === null
              ? t('agreement.statusDraft')
              : t('agreement.statusAgreed', { date: formatDate(localDate(plan.agreedAt)) })}
          </dd>
        </div>
      </dl>

      {conversation ? (
        <section className="agreement__section" aria-labelledby="agreement-background">
          <h2 id="agreement-background">{t('agreement.background')}</h2>
          <p>{t('agreement.backgroundText', { date: formatDate(localDate(conversation.createdAt)) })}</p>
          <ol>
            {hardest.map((entry) => (
              <li key={entry.card.id}>
                {cardLabel(entry.card.id)} ({entry.rating})
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="agreement__section" aria-labelledby="agreement-goal">
        <h2 id="agreement-goal">{t('agreement.goal')}</h2>
        <p className="agreement__text">{text(plan.goal)}</p>
      </section>

      <section className="agreement__section" aria-labelledby="agreement-steps">
        <h2 id="agreement-steps">{t('agreement.steps')}</h2>
        {plan.steps.map((step, index) => (
          <section key={step.id} className="agreement__step" aria-labelledby={`agreement-step-${step.id}`}>
            <h3 id={`agreement-step-${step.id}`}>
              {t('editor.step', { number: index + 1 })}:{' '}
              {t('editor.stepDates', { start: formatDate(step.start), end: formatDate(step.end) })} ·{' '}
              {t(`status.${step.status}`)}
            </h3>
            {step.situations.length > 0 ? (
              <p>
                <span className="agreement__label">{t('editor.situations')}: </span>
                {step.situations.map((card) => cardLabel(card)).join(', ')}
              </p>
            ) : null}
            <dl className="agreement__parts">
              <div>
                <dt>{t('editor.participation')}</dt>
                <dd className="agreement__text">{text(step.participation)}</dd>
              </div>
              <div>
                <dt>{t('editor.support')}</dt>
                <dd className="agreement__text">{text(step.support)}</dd>
              </div>
              <div>
                <dt>{t('editor.success')}</dt>
                <dd className="agreement__text">{text(step.success)}</dd>
              </div>
            </dl>
          </section>
        ))}
      </section>

      <section className="agreement__section" aria-labelledby="agreement-measures">
        <h2 id="agreement-measures">{t('agreement.measures')}</h2>
        {measures.length === 0 ? (
          <p>{t('agreement.noMeasures')}</p>
        ) : (
          <table className="agreement__table">
            <thead>
              <tr>
                <th scope="col">{t('agreement.measure')}</th>
                <th scope="col">{t('agreement.forStep')}</th>
                <th scope="col">{t('agreement.responsible')}</th>
                <th scope="col">{t('agreement.due')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((row) => (
                <tr key={`${row.step.id}-${row.measureId}`}>
                  <td>{measureText(t, plan, row.measureId)}</td>
                  <td>{row.number}</td>
                  <td>{t(`role.${row.role}`)}</td>
                  <td>{formatDate(row.due)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="agreement__section" aria-labelledby="agreement-roles">
        <h2 id="agreement-roles">{t('editor.responsibilities')}</h2>
        <dl className="agreement__parts">
          {ROLES.map((role) => (
            <div key={role}>
              <dt>{t(`role.${role}`)}</dt>
              <dd className="agreement__text">{text(plan.responsibilities[role])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="agreement__section" aria-labelledby="agreement-plan-b">
        <h2 id="agreement-plan-b">{t('editor.planB')}</h2>
        <p className="agreement__text">{text(plan.planB)}</p>
      </section>

      <section className="agreement__section" aria-labelledby="agreement-evaluation">
        <h2 id="agreement-evaluation">{t('editor.evaluation')}</h2>
        <dl className="agreement__parts">
          <div>
            <dt>{t('editor.evaluationHow')}</dt>
            <dd className="agreement__text">{text(plan.evaluation.how)}</dd>
          </div>
          <div>
            <dt>{t('editor.nextMeeting')}</dt>
            <dd>{formatDate(plan.evaluation.nextMeeting)}</dd>
          </div>
          <div>
            <dt>{t('editor.convenes')}</dt>
            <dd>{text(plan.evaluation.convenes)}</dd>
          </div>
        </dl>
      </section>

      {plan.dayPlan.length > 0 ? (
        <section className="agreement__section" aria-labelledby="agreement-day">
          <h2 id="agreement-day">{t('editor.dayPlan')}</h2>
          <table className="agreement__table">
            <thead>
              <tr>
                <th scope="col">{t('editor.dayTime')}</th>
                <th scope="col">{t('editor.dayWhere')}</th>
                <th scope="col">{t('editor.dayWhat')}</th>
                <th scope="col">{t('editor.dayWho')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.dayPlan.map((row) => (
                <tr key={row.id}>
                  <td>{row.time}</td>
                  <td>{row.where}</td>
                  <td className="agreement__text">{row.what}</td>
                  <td>{row.who}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="agreement__section agreement__signatures" aria-labelledby="agreement-signatures">
        <h2 id="agreement-signatures">{t('agreement.signatures')}</h2>
        <p className="agreement__sign-line">{t('agreement.signPlace')}</p>
        {SIGNERS.map((role) => (
          <p key={role} className="agreement__sign-line" data-signer={role}>
            {t('agreement.signature', { role: t(`role.${role}`) })}
          </p>
        ))}
      </section>
    </article>
  );
}
