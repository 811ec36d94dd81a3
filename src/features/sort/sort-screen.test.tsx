import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SUBJECT_CARD_IDS } from '../../domain/catalog';
import { board, readRawConversation, renderConversation } from '../../testing/render';

describe('sort screen', () => {
  it('tap a card, then "Gjelder meg": the card moves there and is saved; and back to the deck', async () => {
    const { user, saved } = await renderConversation({ step: 'sort' });
    expect(board.zone('deck')).toHaveAccessibleName('Kortbunke');
    expect(board.zone('applies')).toHaveAccessibleName('Gjelder meg');
    expect(board.zone('not')).toHaveAccessibleName('Gjelder ikke meg');
    expect(board.labelsIn('deck')).toHaveLength(45);
    expect(board.labelsIn('applies')).toEqual([]);
    expect(within(board.zone('applies')).getByText('Ingen kort her ennå.')).toBeInTheDocument();

    await user.click(board.card('deck', 'Matte'));
    expect(board.card('deck', 'Matte')).toHaveAttribute('aria-pressed', 'true');
    expect(board.card('deck', 'Norsk')).toHaveAttribute('aria-pressed', 'false');
    expect(board.target('applies')).toHaveAccessibleName('Legg Matte her – Gjelder meg');

    await user.click(board.target('applies'));
    expect(board.labelsIn('applies')).toEqual(['Matte']);
    expect(board.card('applies', 'Matte')).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => board.cardIn('deck', 'Matte')).toBeNull();
    expect(board.labelsIn('not')).toEqual([]);
    expect(board.announcements()).toContain('Matte ble lagt i Gjelder meg.');
    expect(within(board.zone('deck')).getByText('44 kort igjen')).toBeInTheDocument();
    expect((await saved()).piles).toEqual({ matte: 'applies' });

    // Nothing is selected now, so a zone places nothing.
    expect(board.target('not')).toHaveAttribute('aria-disabled', 'true');
    await user.click(board.target('not'));
    expect((await saved()).piles).toEqual({ matte: 'applies' });

    await user.click(board.card('applies', 'Matte'));
    await user.click(board.target('deck'));
    expect(board.cardIn('deck', 'Matte')).toBeInTheDocument();
    expect(board.labelsIn('applies')).toEqual([]);
    expect(board.announcements()).toContain('Matte ble lagt i Kortbunke.');
    expect((await saved()).piles).toEqual({});
  });

  it('moving a rated card out of "Gjelder meg" takes it off the scale', async () => {
    const { user, saved, databaseName, conversation } = await renderConversation({
      step: 'sort',
      ratings: { norsk: 4 },
    });
    await user.click(board.card('applies', 'Norsk'));
    await user.click(board.target('not'));
    expect(board.labelsIn('not')).toEqual(['Norsk']);
    const stored = await saved();
    expect(stored.piles).toEqual({ norsk: 'not' });
    expect(stored.ratings).toEqual({});
    // Not just tidied away on loading: the rating is gone from what was written.
    const raw = (await readRawConversation(databaseName, conversation.id)) as { piles: unknown; ratings: unknown };
    expect(raw.piles).toEqual({ norsk: 'not' });
    expect(raw.ratings).toEqual({});
  });

  it('the deck filter "Fag" shows only the subject cards in the deck', async () => {
    const { user } = await renderConversation({ step: 'sort', piles: { engelsk: 'not', 'laerer-1': 'applies' } });
    const filters = screen.getByRole('group', { name: 'Vis kortstokk' });
    expect(within(filters).getByRole('button', { name: 'Alle' })).toHaveAttribute('aria-pressed', 'true');
    expect(board.cardIn('deck', 'Friminutt')).toBeInTheDocument();

    await user.click(within(filters).getByRole('button', { name: 'Fag' }));
    expect(within(filters).getByRole('button', { name: 'Fag' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(filters).getByRole('button', { name: 'Alle' })).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => board.idsIn('deck')).toEqual(SUBJECT_CARD_IDS.filter((id) => id !== 'engelsk'));
    expect(board.cardIn('deck', 'Friminutt')).toBeNull();
    expect(board.cardIn('deck', 'Lærer 2')).toBeNull();
    // The filter narrows the deck only: sorted cards stay in their piles.
    expect(board.labelsIn('applies')).toEqual(['Lærer 1']);
    expect(board.labelsIn('not')).toEqual(['Engelsk']);
    // The deck's count is of all unsorted cards, not just the shown ones.
    expect(within(board.zone('deck')).getByText('43 kort igjen')).toBeInTheDocument();
  });

  it('keyboard: Enter on a focused card selects it, Enter on a zone places it', async () => {
    const { user, saved } = await renderConversation({ step: 'sort' });
    const norsk = board.card('deck', 'Norsk');
    act(() => norsk.focus());
    expect(norsk).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(norsk).toHaveAttribute('aria-pressed', 'true');
    expect(board.announcements()).toContain('Norsk er valgt. Trykk der kortet skal.');
    expect((await saved()).piles).toEqual({});

    act(() => board.target('not').focus());
    await user.keyboard('{Enter}');
    expect(board.labelsIn('not')).toEqual(['Norsk']);
    expect(board.announcements()).toContain('Norsk ble lagt i Gjelder ikke meg.');
    expect((await saved()).piles).toEqual({ norsk: 'not' });
  });

  it('every card is a draggable that points to the drag instructions, whether or not it was ever pressed', async () => {
    await renderConversation({ step: 'sort', piles: { matte: 'applies' } });
    for (const card of [board.card('deck', 'Norsk'), board.card('applies', 'Matte')]) {
      expect(card).toHaveAttribute('aria-roledescription', 'kort som kan flyttes');
      await expect.poll(() => card).toHaveAccessibleDescription(/^Trykk mellomrom for å løfte kortet\./);
    }
  });

  it('tapping the selected card again lets go of it', async () => {
    const { user, saved } = await renderConversation({ step: 'sort' });
    await user.click(board.card('deck', 'Musikk'));
    await user.click(board.card('deck', 'Musikk'));
    expect(board.card('deck', 'Musikk')).toHaveAttribute('aria-pressed', 'false');
    expect(board.announcements()).toContain('Musikk er ikke valgt lenger.');
    expect(board.target('applies')).toHaveAttribute('aria-disabled', 'true');
    expect((await saved()).piles).toEqual({});
  });
});
