import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../testing/fixtures';
import { TEST_PASSPHRASE } from '../../testing/vault';
import { renderConversation } from '../../testing/render';

/** The graded list's rows as [rank, card, number, deck]. */
function gradedRows(): string[][] {
  const table = screen.getByRole('table');
  const [, ...rows] = within(table).getAllByRole('row');
  return rows.map((row) => [...row.children].map((cell) => cell.textContent ?? ''));
}

describe('handover screen', () => {
  it('lists a trivsel scale hardest first (1 first), with shared ranks for ties', async () => {
    await renderConversation({
      step: 'handover',
      settings: { scaleKind: 'trivsel', teacherNames: ['Kari', '', ''] },
      ratings: { musikk: 10, friminutt: 7, engelsk: 4, norsk: 1, 'laerer-1': 4, matte: 1 },
    });
    expect(screen.getByRole('heading', { level: 2, name: 'Gradert liste: vanskeligst først' })).toBeInTheDocument();
    expect(screen.getByText(/^Skala: Trivsel/)).toBeInTheDocument();
    expect(gradedRows()).toEqual([
      ['1', 'Matte', '1', 'Fag'],
      ['1', 'Norsk', '1', 'Fag'],
      ['3', 'Engelsk', '4', 'Fag'],
      ['3', 'Kari (lærer)', '4', 'Lærere'],
      ['5', 'Friminutt', '7', 'Situasjoner'],
      ['6', 'Musikk', '10', 'Fag'],
    ]);
  });

  it('lists a vanskelig scale hardest first (10 first), with shared ranks for ties', async () => {
    await renderConversation({
      step: 'handover',
      settings: {
        scaleKind: 'vanskelig',
        customCards: [{ kind: 'custom', id: 'egen-heis', deck: 'egne', text: 'Ta heisen', picture: null }],
      },
      ratings: { norsk: 3, 'inn-i-skolegarden': 6, 'egen-heis': 10, matte: 10, friminutt: 1 },
    });
    expect(screen.getByText(/^Skala: Vanskelig\/redd/)).toBeInTheDocument();
    expect(gradedRows()).toEqual([
      ['1', 'Matte', '10', 'Fag'],
      ['1', 'Ta heisen', '10', 'Egne kort'],
      ['3', 'Gå inn i skolegården', '6', 'Situasjoner'],
      ['4', 'Norsk', '3', 'Fag'],
      ['5', 'Friminutt', '1', 'Situasjoner'],
    ]);
  });

  it('says so when no card got a number', async () => {
    await renderConversation({ step: 'handover', piles: { matte: 'applies' } });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('Ingen kort fikk et tall i denne samtalen.')).toBeInTheDocument();
  });

  it('"Avslutt samtalen" finishes the conversation and, with the passphrase, opens the review', async () => {
    const { user, saved } = await renderConversation({ step: 'handover', ratings: { matte: 2 } });
    expect((await saved()).finishedAt).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Avslutt samtalen' }));

    // The tablet was in pupil mode: the list of pupils is behind the passphrase.
    expect(await screen.findByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Passordfrase'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Resultat: Mira' })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/resultat/${(await saved()).id}`);
    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeInTheDocument();
    expect(screen.getByText('Ferdig')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Se resultatet: Mira/ })).toBeInTheDocument();
    const conversation = await saved();
    expect(conversation.finishedAt).toBe(TEST_NOW);
    expect(conversation.step).toBe('handover');
  });
});
