/**
 * The measures bank (tiltaksbank) beside a step: search its words, filter by category and
 * by situation (the step's first situation to begin with), add a measure to the step with
 * one tap, or write the school's own measure when none fits; the school's own measures
 * are kept on the tablet and offered again in every plan.
 */

import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLabel } from '../../components/card-label';
import type { CardId } from '../../domain/catalog';
import type { ConversationSettings } from '../../domain/conversation';
import {
  CUSTOM_MEASURE_MAX_LENGTH,
  MEASURES,
  MEASURE_CATEGORIES,
  type MeasureCategory,
  checkCustomMeasure,
  foldForSearch,
  searchMeasures,
} from '../../domain/measures';
import { type Plan, type PlanStep, addCustomMeasure, addStepMeasure } from '../../domain/plan';
import { addSchoolMeasure, applyToPlan, useLibrary } from '../../stores/library-store';

const CATEGORY_OF = new Map<string, MeasureCategory>(MEASURES.map((measure) => [measure.id, measure.category]));

export function MeasurePicker({
  id,
  plan,
  step,
  settings,
}: {
  id: string;
  plan: Plan;
  step: PlanStep;
  settings: ConversationSettings;
}) {
  const { t } = useTranslation('plan');
  const fieldId = useId();
  const cardLabel = useCardLabel(settings);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<MeasureCategory | ''>('');
  const [card, setCard] = useState<CardId | ''>(step.situations[0] ?? '');
  const cards = useMemo(() => [...new Set(plan.steps.flatMap((s) => s.situations))], [plan.steps]);
  const schoolMeasures = useLibrary((state) => state.settings.schoolMeasures);

  const results = useMemo(() => {
    const words = foldForSearch(query).split(' ').filter(Boolean);
    const inPlan = new Set(plan.customMeasures.map((measure) => measure.id));
    const own = [...plan.customMeasures, ...schoolMeasures.filter((measure) => !inPlan.has(measure.id))]
      // The school's own measures carry no situation tags: they show whatever the situation filter.
      .filter(
        (measure) =>
          (category === '' || measure.category === category) &&
          words.every((word) => foldForSearch(measure.text).includes(word)),
      )
      .map((measure) => ({ id: measure.id, text: measure.text, label: t('picker.ownLabel'), measure }));
    const bank = searchMeasures(query, (measure) => t(`measure.${measure}`), {
      category: category || undefined,
      card: card || undefined,
    }).map((measure) => ({
      id: measure,
      text: t(`measure.${measure}`),
      label: t(`category.${CATEGORY_OF.get(measure)!}`),
      measure: null,
    }));
    return [...own, ...bank];
  }, [query, category, card, plan.customMeasures, schoolMeasures, t]);

  return (
    <div className="measure-picker" id={id} role="group" aria-labelledby={`${fieldId}-heading`}>
      <h4 id={`${fieldId}-heading`}>{t('picker.heading')}</h4>
      <div className="plan__row">
        <div className="field">
          <label htmlFor={`${fieldId}-search`}>{t('picker.search')}</label>
          <input
            id={`${fieldId}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <CategorySelect
          label={t('picker.category')}
          allLabel={t('picker.allCategories')}
          value={category}
          onChange={setCategory}
        />
        <div className="field">
          <label htmlFor={`${fieldId}-card`}>{t('picker.card')}</label>
          <select id={`${fieldId}-card`} value={card} onChange={(event) => setCard(event.target.value as CardId | '')}>
            <option value="">{t('picker.allCards')}</option>
            {cards.map((option) => (
              <option key={option} value={option}>
                {cardLabel(option)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p role="status" className="measure-picker__count">
        {results.length === 0 ? t('picker.none') : t('picker.results', { count: results.length })}
      </p>
      <ul className="measure-picker__results">
        {results.map((result) => {
          const added = step.measures.includes(result.id);
          // A school measure not yet in this plan is copied into it, so the plan carries its words.
          const add = (p: Plan, now: number) =>
            result.measure
              ? addCustomMeasure(p, result.measure, step.id, now)
              : addStepMeasure(p, step.id, result.id, now);
          return (
            <li key={result.id} className="measure-picker__result" data-measure-id={result.id}>
              <span>
                {result.text}
                <span className="measure-picker__category"> · {result.label}</span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={added}
                aria-label={added ? undefined : t('picker.addNamed', { measure: result.text })}
                onClick={() => void applyToPlan(plan.id, add)}
              >
                {added ? t('picker.added') : t('picker.add')}
              </button>
            </li>
          );
        })}
      </ul>

      <OwnMeasureForm plan={plan} step={step} />
    </div>
  );
}

function OwnMeasureForm({ plan, step }: { plan: Plan; step: PlanStep }) {
  const { t } = useTranslation('plan');
  const id = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<MeasureCategory>('trygghet');
  const [problem, setProblem] = useState<ReturnType<typeof checkCustomMeasure>>(null);

  const schoolMeasures = useLibrary((state) => state.settings.schoolMeasures);

  const add = () => {
    const found = checkCustomMeasure(text, [...plan.customMeasures, ...schoolMeasures]);
    setProblem(found);
    if (found) return;
    void addSchoolMeasure(plan.id, step.id, text, category);
    setText('');
  };

  return (
    <form
      className="measure-picker__own"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <h5 id={`${id}-heading`}>{t('picker.own')}</h5>
      <p className="field__hint">{t('picker.ownHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('picker.ownText')}</label>
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-error`}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        <p id={`${id}-error`} className="field__error" role="alert">
          {problem ? t(`picker.problem.${problem}`, { max: CUSTOM_MEASURE_MAX_LENGTH }) : ''}
        </p>
      </div>
      <CategorySelect
        label={t('picker.ownCategory')}
        value={category}
        onChange={(chosen) => setCategory(chosen || category)}
      />
      <button type="submit" className="button button--secondary">
        {t('picker.ownAdd')}
      </button>
    </form>
  );
}

/** The bank's categories to choose from; with `allLabel`, "all categories" (the empty value) first. */
function CategorySelect({
  label,
  allLabel,
  value,
  onChange,
}: {
  label: string;
  allLabel?: string;
  value: MeasureCategory | '';
  onChange(category: MeasureCategory | ''): void;
}) {
  const { t } = useTranslation('plan');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as MeasureCategory | '')}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {MEASURE_CATEGORIES.map((option) => (
          <option key={option} value={option}>
            {t(`category.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
