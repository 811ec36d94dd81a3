/**
 * The graded list as a table, hardest first: rank, card, the pupil's number and deck. The
 * handover shows these; the review adds its own columns after the number (change, course).
 * `t` is passed in, as the table speaks the adult's language on a pupil's screen.
 */

import { Fragment, type ReactNode } from 'react';
import type { DeckId } from '../domain/catalog';
import type { GradedEntry } from '../domain/graded-list';

export type GradedTableText = (
  key: 'handover.rank' | 'handover.card' | 'handover.number' | 'handover.deck' | `deck.${DeckId}`,
) => string;

export interface GradedColumn<E> {
  heading: string;
  /** The column's cell for one card: a `<td>`. */
  cell(entry: E): ReactNode;
}

export interface GradedTableProps<E extends GradedEntry> {
  entries: readonly E[];
  t: GradedTableText;
  /** What the card's row heading shows: its label, and in the review its picture. */
  cardName(entry: E): ReactNode;
  extra?: readonly GradedColumn<E>[];
}

export function GradedTable<E extends GradedEntry>({ entries, t, cardName, extra = [] }: GradedTableProps<E>) {
  return (
    <table className="graded__table">
      <thead>
        <tr>
          <th scope="col">{t('handover.rank')}</th>
          <th scope="col">{t('handover.card')}</th>
          <th scope="col">{t('handover.number')}</th>
          {extra.map((column) => (
            <th key={column.heading} scope="col">
              {column.heading}
            </th>
          ))}
          <th scope="col">{t('handover.deck')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.card.id} data-card-id={entry.card.id}>
            <td>{entry.rank}</td>
            <th scope="row">{cardName(entry)}</th>
            <td>{entry.rating}</td>
            {extra.map((column) => (
              <Fragment key={column.heading}>{column.cell(entry)}</Fragment>
            ))}
            <td>{t(`deck.${entry.card.deck}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
