import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TEST_NOW, aConversation, aPupil } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

function pupilSection(alias: string): HTMLElement {
  const item = screen.getByRole('heading', { level: 2, name: alias }).closest('li');
  if (!item) throw new Error(`No list item for ${alias}`);
  return item;
}

describe('start screen', () => {
  it('tells the adult whether the browser will keep the conversations, and the space used', async () => {
    await renderApp({ deviceStorage: { persisted: false, usageBytes: 2_400_000, quotaBytes: 1_000_000_000 } });
    const panel = await screen.findByRole('region', { name: 'Lagring på dette nettbrettet' });
    expect(panel).toHaveTextContent('har ikke lovet å ta vare på samtalene');
    expect(panel).toHaveTextContent(/Brukt: 2,4\sMB av 1[\s\u00a0]000\sMB/);
  });

  it('says when the browser has promised to keep them', async () => {
    await renderApp({ deviceStorage: { persisted: true, usageBytes: null, quotaBytes: null } });
    const panel = await screen.findByRole('region', { name: 'Lagring på dette nettbrettet' });
    expect(panel).toHaveTextContent('har lovet å ta vare på samtalene');
    expect(panel).not.toHaveTextContent('Brukt');
  });

  it('says so when there are no conversations yet', async () => {
    await renderApp();
    expect(await screen.findByText('Ingen samtaler ennå. Trykk «Ny samtale» for å begynne.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeInTheDocument();
    // No pupil: the only second-level heading is the storage panel's.
    expect(screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Lagring på dette nettbrettet',
    ]);
  });

  it('lists a stored conversation under its pupil with its progress', async () => {
    const mira = aPupil('Mira');
    const noah = aPupil('Noah');
    await renderApp({
      seed: {
        pupils: [mira, noah],
        conversations: [aConversation(mira, { step: 'sort' }), aConversation(noah, { step: 'recap' })],
      },
    });

    expect(screen.queryByText(/Ingen samtaler ennå/)).not.toBeInTheDocument();
    expect(within(pupilSection('Mira')).getByText('Steg 3 av 8')).toBeInTheDocument();
    expect(within(pupilSection('Mira')).queryByText('Steg 7 av 8')).not.toBeInTheDocument();
    expect(within(pupilSection('Noah')).getByText('Steg 7 av 8')).toBeInTheDocument();
    expect(within(pupilSection('Noah')).getByRole('button', { name: /^Fortsett: Noah/ })).toBeInTheDocument();
    // A short list needs neither a search nor more pages.
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Vis flere elever' })).not.toBeInTheDocument();
  });

  it('asks before deleting a conversation; "Avbryt" keeps it, "Ja, slett" removes it from screen and database', async () => {
    const mira = aPupil('Mira');
    const conversation = aConversation(mira, { step: 'scale' });
    const { user, stored } = await renderApp({ seed: { pupils: [mira], conversations: [conversation] } });

    const deleteButton = screen.getByRole('button', { name: /^Slett samtalen: Mira/ });
    await user.click(deleteButton);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent(/^Slette samtalen med Mira fra .+\? Den kan ikke hentes tilbake\./);
    // The safe answer has focus, and Escape means no.
    expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(deleteButton).toHaveFocus();

    await user.click(deleteButton);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(pupilSection('Mira')).getByText('Steg 4 av 8')).toBeInTheDocument();
    expect((await stored()).conversations.map((c) => c.id)).toEqual([conversation.id]);

    await user.click(screen.getByRole('button', { name: /^Slett samtalen: Mira/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, slett' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Mira' })).toBeInTheDocument();
    await expect.poll(() => screen.queryByText('Steg 4 av 8')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    const saved = await stored();
    expect(saved.conversations).toEqual([]);
    // Only the conversation goes; the pupil stays.
    expect(saved.pupils.map((p) => p.alias)).toEqual(['Mira']);
  });

  it('"Slett eleven" removes the pupil and all their conversations, and no one else', async () => {
    const mira = aPupil('Mira');
    const noah = aPupil('Noah');
    const noahs = aConversation(noah, { step: 'causes' });
    const { user, stored } = await renderApp({
      seed: {
        pupils: [mira, noah],
        conversations: [
          aConversation(mira, { step: 'sort', createdAt: 1_600_000_000_000 }),
          aConversation(mira, { step: 'wishes' }),
          noahs,
        ],
      },
    });
    expect(within(pupilSection('Mira')).getAllByRole('button', { name: /^Slett samtalen/ })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Slett eleven: Mira' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Slette Mira og alle samtalene med eleven? Det kan ikke hentes tilbake.');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, slett' }));

    await expect.poll(() => screen.queryByRole('heading', { level: 2, name: 'Mira' })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Noah' })).toBeInTheDocument();
    const saved = await stored();
    expect(saved.pupils.map((p) => p.id)).toEqual([noah.id]);
    expect(saved.conversations.map((c) => c.id)).toEqual([noahs.id]);
  });

  describe('with many pupils', () => {
    /** 45 pupils, "Elev 1" … "Elev 45", one conversation each; the higher the number, the newer. */
    function manyPupils() {
      const pupils = Array.from({ length: 45 }, (_, i) => aPupil(i === 0 ? 'Åse Berg' : `Elev ${i + 1}`));
      const conversations = pupils.map((pupil, i) =>
        aConversation(pupil, { step: 'causes', createdAt: TEST_NOW - (45 - i) * 60_000 }),
      );
      return { pupils, conversations };
    }

    const pupilHeadings = () =>
      screen
        .getAllByRole('heading', { level: 2 })
        .map((heading) => heading.textContent)
        .filter((text) => text !== 'Lagring på dette nettbrettet');

    it('shows the twenty with the newest conversations, and "Vis flere elever" the next twenty, focus on the first of them', async () => {
      const { user } = await renderApp({ seed: manyPupils() });

      expect(pupilHeadings()).toEqual(Array.from({ length: 20 }, (_, i) => `Elev ${45 - i}`));
      expect(screen.getAllByRole('button', { name: /^Fortsett: / })).toHaveLength(20);
      expect(screen.getByText('Viser 20 av 45 elever')).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Vis flere elever' }));
      expect(pupilHeadings()).toHaveLength(40);
      expect(screen.getByRole('heading', { level: 2, name: 'Elev 25' })).toHaveFocus();
      expect(screen.getByText('Viser 40 av 45 elever')).toBeInTheDocument();

      // By keyboard too: the button stays where the list ends.
      screen.getByRole('button', { name: 'Vis flere elever' }).focus();
      await user.keyboard('{Enter}');
      expect(pupilHeadings()).toHaveLength(45);
      expect(pupilHeadings().at(-1)).toBe('Åse Berg');
      expect(screen.getByRole('heading', { level: 2, name: 'Elev 5' })).toHaveFocus();
      expect(screen.queryByRole('button', { name: 'Vis flere elever' })).not.toBeInTheDocument();
      expect(screen.queryByText(/^Viser \d+ av/)).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: /^Fortsett: Åse Berg, / })).toBeInTheDocument();
    });

    it('"Finn elev" narrows the list by alias, whatever the case and accents', async () => {
      const { user } = await renderApp({ seed: manyPupils() });
      const search = screen.getByRole('searchbox', { name: 'Finn elev' });

      await user.type(search, 'ase');
      expect(pupilHeadings()).toEqual(['Åse Berg']);
      expect(screen.getByText('Viser 1 av 1 elev')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Slett eleven: Åse Berg' })).toBeInTheDocument();

      await user.clear(search);
      await user.type(search, 'ELEV 3');
      expect(pupilHeadings()).toEqual([
        'Elev 39',
        'Elev 38',
        'Elev 37',
        'Elev 36',
        'Elev 35',
        'Elev 34',
        'Elev 33',
        'Elev 32',
        'Elev 31',
        'Elev 30',
        'Elev 3',
      ]);

      await user.clear(search);
      await user.type(search, 'Noah');
      expect(screen.queryAllByRole('heading', { level: 2, name: /^Elev/ })).toEqual([]);
      expect(screen.getByText('Ingen elever passer til «Noah».')).toBeInTheDocument();

      await user.clear(search);
      expect(pupilHeadings()).toHaveLength(20);
    });
  });
});
