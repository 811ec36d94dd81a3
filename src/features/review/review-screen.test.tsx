import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setAdultNotes, setConcern, setConcernNote } from '../../domain/conversation';
import { TEST_NOW, aConversation, aPupil } from '../../testing/fixtures';
import { renderApp, renderConversation, spokenText } from '../../testing/render';

const DAY = 24 * 60 * 60 * 1000;
const mira = aPupil('Mira', { id: 'elev-mira' });

const first = aConversation(mira, {
  id: 'samtale-1',
  createdAt: TEST_NOW - 14 * DAY,
  ratings: { matte: 2, friminutt: 8 },
  finished: true,
});
let second = aConversation(mira, {
  id: 'samtale-2',
  createdAt: TEST_NOW,
  settings: { teacherNames: ['Kari', '', ''] },
  ratings: { matte: 5, friminutt: 8, 'gym-dusje': 1, 'laerer-1': 5 },
  causes: { redd: 3, sovn: 1 },
  exploreSelection: { hard: ['gym-dusje', 'matte'], good: ['friminutt'] },
  answers: {
    'gym-dusje': {
      situation: { text: 'Alle ser på meg i dusjen' },
      feelings: { choices: ['flau', 'redd'] },
      body: { unknown: true },
    },
    friminutt: { good: { text: 'Vi spiller fotball', typedByAdult: true } },
  },
  wishes: { adults: { text: 'Egen garderobe' } },
  finished: true,
});
second = setConcernNote(setConcern(second, true, TEST_NOW + 60_000), 'Sa at hun gruer seg til å dra hjem.', TEST_NOW);

/** The graded list's rows as [rank, card, number, change]. */
function gradedRows(): string[][] {
  const table = within(screen.getByRole('region', { name: 'Gradert liste: vanskeligst først' })).getByRole('table');
  const [, ...rows] = within(table).getAllByRole('row');
  // As read aloud: the pictures (a teacher's initial among them) are hidden from it.
  return rows.map((row) => [...row.children].slice(0, 4).map(spokenText));
}

describe('the teacher review', () => {
  it('opens from the list and shows the graded list with each change since last time and its course', async () => {
    const { user } = await renderApp({ seed: { pupils: [mira], conversations: [first, second] } });
    const open = screen.getAllByRole('button', { name: /^Se resultatet: Mira/ });
    expect(open).toHaveLength(2);
    // The list shows the newest conversation first.
    await user.click(open[0]!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Resultat: Mira' })).toBeVisible();
    expect(window.location.hash).toBe('#/resultat/samtale-2');

    expect(gradedRows()).toEqual([
      ['1', 'Gym – dusje', '1', 'Ny'],
      ['2', 'Matte', '5', '3 trinn lettere'],
      ['2', 'Kari (lærer)', '5', 'Ny'],
      ['4', 'Friminutt', '8', 'Som sist'],
    ]);
    // The course: trivsel 2 then 5 is difficulty 9 then 6, harder drawn higher.
    const matte = screen.getByRole('img', { name: /^Forløp for Matte: / });
    expect(matte).toHaveAttribute('data-points', '9 6');
    expect(matte.getAttribute('aria-label')).toMatch(/: 2, .*: 5$/);
    // Every row shows the card's picture, whatever the display mode.
    expect(document.querySelector('tr[data-card-id="gym-dusje"] .picture img')).toHaveAttribute(
      'src',
      '/pictures/shower.svg',
    );
    expect(screen.getByText('Samtaler med eleven').nextElementSibling).toHaveTextContent('2');
  });

  it("shows the hardest cards part by part as answered, what works, and the adult's concern apart", async () => {
    await renderApp({ seed: { pupils: [mira], conversations: [first, second] }, hash: '#/resultat/samtale-2' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Resultat: Mira' })).toBeVisible();

    const shower = document.querySelector<HTMLElement>('.review__explored[data-card-id="gym-dusje"]')!;
    const part = (name: string) => within(shower).getByText(name, { selector: 'dt' }).nextElementSibling;
    expect(part('Situasjon')).toHaveTextContent('«Alle ser på meg i dusjen»'.replace(/[«»]/g, ''));
    expect(part('Følelser')).toHaveTextContent('Flau, Redd');
    expect(part('Kroppen')).toHaveTextContent('Vet ikke');
    expect(part('Tanker')).toHaveTextContent('Ikke besvart');
    expect(part('Det eleven gjør')).toHaveTextContent('Ikke besvart');

    const works = screen.getByRole('region', { name: 'Det som fungerer' });
    expect(within(works).getByText('Vi spiller fotball')).toBeVisible();
    expect(within(works).getByText(/skrevet av den voksne/)).toBeVisible();
    expect(within(screen.getByRole('region', { name: 'Årsaker eleven valgte' })).getAllByRole('listitem')).toHaveLength(
      2,
    );
    expect(screen.getByText('Egen garderobe')).toBeVisible();

    expect(screen.getByText(/^Bekymring markert av den voksne/)).toBeVisible();
    expect(screen.getByText('Sa at hun gruer seg til å dra hjem.')).toBeVisible();
  });

  it("keeps the adult's notes as typed, apart from the pupil's answers", async () => {
    const { user, storedConversation } = await renderApp({
      seed: { pupils: [mira], conversations: [first, second] },
      hash: '#/resultat/samtale-2',
    });
    const notes = await screen.findByRole('textbox', { name: 'Den voksnes notater' });
    await waitFor(() => expect(notes).not.toHaveAttribute('readonly'));
    await user.type(notes, 'Ring mor fredag.');
    const stored = await storedConversation('samtale-2');
    expect(stored!.adult.notes).toBe('Ring mor fredag.');
    expect(stored!.answers).toEqual(second.answers);
    expect(stored).toEqual(setAdultNotes(second, 'Ring mor fredag.', stored!.updatedAt));
  });

  it('is an adult screen: in pupil mode the passphrase comes first', async () => {
    const { conversation } = await renderConversation({ step: 'handover', ratings: { matte: 2 } });
    window.location.hash = `#/resultat/${conversation.id}`;
    expect(await screen.findByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: /^Resultat/ })).not.toBeInTheDocument();
  });
});
