/** The adult picks which cards to explore, instead of the three hardest and two best. */

import { useTranslation } from 'react-i18next';
import { useCardLabel } from '../../components/card-label';
import type { CardId } from '../../domain/catalog';
import { setExploreSelection } from '../../domain/conversation';
import { exploreSelection } from '../../domain/explore';
import { gradedList } from '../../domain/graded-list';
import { applyToActive, useActiveConversation } from '../../stores/library-store';

export function CardPicker({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const cardLabel = useCardLabel(conversation.settings);
  const list = gradedList(conversation);
  const selection = exploreSelection(conversation);

  const toggle = (kind: 'hard' | 'good', cardId: string) => {
    const current: Record<'hard' | 'good', string[]> = { hard: [...selection.hard], good: [...selection.good] };
    const other = kind === 'hard' ? 'good' : 'hard';
    const has = current[kind].includes(cardId);
    current[kind] = has ? current[kind].filter((id) => id !== cardId) : [...current[kind], cardId];
    current[other] = current[other].filter((id) => id !== cardId);
    // Keep the order the default uses, whatever order the adult ticked in: hard cards
    // hardest first, good cards best first.
    const hardestFirst = list.map((entry) => entry.card.id);
    const order = (ids: readonly string[], ranked: readonly CardId[]) => ranked.filter((id) => ids.includes(id));
    void applyToActive((c, now) =>
      setExploreSelection(
        c,
        { hard: order(current.hard, hardestFirst), good: order(current.good, [...hardestFirst].reverse()) },
        now,
      ),
    );
  };

  return (
    <section className="card-picker" aria-label={t('explore.pickHeading')}>
      <h2>{t('explore.pickHeading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('handover.card')}</th>
            <th scope="col">{t('handover.number')}</th>
            <th scope="col">{t('explore.pickHard')}</th>
            <th scope="col">{t('explore.pickGood')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((entry) => {
            const label = cardLabel(entry.card.id);
            return (
              <tr key={entry.card.id}>
                <th scope="row">{label}</th>
                <td>{entry.rating}</td>
                {(['hard', 'good'] as const).map((kind) => (
                  <td key={kind}>
                    <label className="option option--cell">
                      <input
                        type="checkbox"
                        className="big-checkbox"
                        aria-label={`${t(kind === 'hard' ? 'explore.pickHard' : 'explore.pickGood')}: ${label}`}
                        checked={selection[kind].includes(entry.card.id)}
                        onChange={() => toggle(kind, entry.card.id)}
                      />
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="card-picker__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void applyToActive((c, now) => setExploreSelection(c, null, now))}
        >
          {t('explore.pickDefault')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('explore.pickDone')}
        </button>
      </div>
    </section>
  );
}
