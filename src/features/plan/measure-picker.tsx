/**
 * The measures bank (tiltaksbank) beside a step: search its words, filter by category and
 * by situation (the step's first situation to begin with), add a measure to the step with
 * one tap, or write the school's own measure when none fits.
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
  createCustomMeasure,
  foldForSearch,
  searchMeasures,
} from '../../domain/measures';
import { type Plan, type PlanStep, addCustomMeasure, addStepMeasure } from '../../domain/plan';
import { applyToPlan, applyToPlanWithIds } from '../../stores/library-store';
import { measureText } from './plan-format';

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

  const results = useMemo(() => {
    const words = foldForSearch(query).split(' ').filter(Boolean);
    const own = plan.customMeasures
      .filter(
        (measure) =>
          card === '' &&
          (category === '' || measure.category === category) &&
          words.every((word) => foldForSearch(measure.text).includes(word)),
      )
      .map((measure) => ({ id: measure.id, category: measure.category, own: true }));
    const bank = searchMeasures(query, (measure) => t(`measure.${measure}`), {
      category: category || undefined,
      card: card || undefined,
    }).map((measure) => ({ id: measure, category: CATEGORY_OF.get(measure)!, own: false }));
    return [...own, ...bank];
  }, [query, category, card, plan.customMeasures, t]);

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
          const text = measureText(t, plan, result.id);
          const added = step.measures.includes(result.id);
          return (
            <li key={result.id} className="measure-picker__result" data-measure-id={result.id}>
              <span>
                {text}
                <span className="measure-picker__category">
                  {' '}
                  · {result.own ? t('picker.ownLabel') : t(`category.${result.category}`)}
                </span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={added}
                aria-label={added ? undefined : t('picker.addNamed', { measure: text })}
                onClick={() => void applyToPlan(plan.id, (p, now) => addStepMeasure(p, step.id, result.id, now))}
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

  const add = () => {
    const found = checkCustomMeasure(text, plan.customMeasures);
    setProblem(found);
    if (found) return;
    void applyToPlanWithIds(plan.id, (p, now, newId) =>
      addCustomMeasure(p, createCustomMeasure(text, category, newId()), step.id, now),
    );
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
