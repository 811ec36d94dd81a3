import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { board, renderConversation } from '../../testing/render';

describe('scale screen', () => {
  it('shows only the cards that were put in "Gjelder meg"', async () => {
    await renderConversation({
      step: 'scale',
      piles: { matte: 'applies', norsk: 'applies', engelsk: 'not', friminutt: 'applies' },
    });
    expect(board.zone('tray')).toHaveAccessibleName('Kort som ikke er plassert');
    expect(board.labelsIn('tray')).toEqual(['Matte', 'Norsk', 'Friminutt']);
    expect(screen.queryByText('Engelsk')).not.toBeInTheDocument();
    expect(screen.queryByText('Musikk')).not.toBeInTheDocument();
    for (let number = 1; number <= 10; number++) expect(board.labelsIn(String(number))).toEqual([]);
  });

  it('tap-moves a card to 3, then to 7, then back to the tray, saving each rating', async () => {
    const { user, saved } = await renderConversation({ step: 'scale', piles: { matte: 'applies', norsk: 'applies' } });

    await user.click(board.card('tray', 'Matte'));
    expect(board.card('tray', 'Matte')).toHaveAttribute('aria-pressed', 'true');
    expect(board.target('3')).toHaveAccessibleName('Legg Matte her – Tallet 3');
    await user.click(board.target('3'));
    expect(board.labelsIn('3')).toEqual(['Matte']);
    expect(board.labelsIn('tray')).toEqual(['Norsk']);
    expect(board.announcements()).toContain('Matte ble lagt i Tallet 3.');
    expect((await saved()).ratings).toEqual({ matte: 3 });

    await user.click(board.card('3', 'Matte'));
    await user.click(board.target('7'));
    expect(board.labelsIn('7')).toEqual(['Matte']);
    expect(board.labelsIn('3')).toEqual([]);
    expect((await saved()).ratings).toEqual({ matte: 7 });

    await user.click(board.card('7', 'Matte'));
    await user.click(board.target('tray'));
    expect(board.labelsIn('tray')).toEqual(['Matte', 'Norsk']);
    expect(board.labelsIn('7')).toEqual([]);
    expect(board.announcements()).toContain('Matte ble lagt i Kort som ikke er plassert.');
    const conversation = await saved();
    expect(conversation.ratings).toEqual({});
    // Back in the tray is still "Gjelder meg".
    expect(conversation.piles).toEqual({ matte: 'applies', norsk: 'applies' });
  });

  it('puts several cards on one number', async () => {
    const { user, saved } = await renderConversation({
      step: 'scale',
      piles: { matte: 'applies', norsk: 'applies', 'laerer-2': 'applies' },
      settings: { teacherNames: ['', 'Kari', ''] },
    });
    expect(board.labelsIn('tray')).toEqual(['Matte', 'Norsk', 'Kari (lærer)']);

    for (const label of ['Matte', 'Kari (lærer)']) {
      await user.click(board.card('tray', label));
      await user.click(board.target('5'));
    }
    expect(board.labelsIn('5')).toEqual(['Matte', 'Kari (lærer)']);
    expect(board.labelsIn('tray')).toEqual(['Norsk']);
    expect((await saved()).ratings).toEqual({ matte: 5, 'laerer-2': 5 });
  });

  it('shows the trivsel words at the ends of a trivsel scale', async () => {
    await renderConversation({ step: 'scale', piles: { matte: 'applies' }, settings: { scaleKind: 'trivsel' } });
    expect(screen.getByText('1 = Liker absolutt ikke')).toBeInTheDocument();
    expect(screen.getByText('10 = Liker veldig godt')).toBeInTheDocument();
    expect(board.zone('1')).toHaveAccessibleName('Tallet 1: Liker absolutt ikke');
    expect(board.zone('10')).toHaveAccessibleName('Tallet 10: Liker veldig godt');
    expect(board.zone('5')).toHaveAccessibleName('Tallet 5');
    expect(screen.queryByText(/Kjemperedd/)).not.toBeInTheDocument();
    expect(screen.getByText(/10 er det du liker aller best/)).toBeInTheDocument();
  });

  it('shows the vanskelig words at the ends of a vanskelig scale', async () => {
    const { user } = await renderConversation({
      step: 'scale',
      piles: { matte: 'applies' },
      settings: { scaleKind: 'vanskelig' },
    });
    expect(screen.getByText('1 = Bare litt / helt greit')).toBeInTheDocument();
    expect(screen.getByText('10 = Kjemperedd / veldig vanskelig')).toBeInTheDocument();
    expect(board.zone('1')).toHaveAccessibleName('Tallet 1: Bare litt / helt greit');
    expect(board.zone('10')).toHaveAccessibleName('Tallet 10: Kjemperedd / veldig vanskelig');
    expect(screen.queryByText(/Liker/)).not.toBeInTheDocument();

    await user.click(board.card('tray', 'Matte'));
    await user.click(board.target('10'));
    expect(board.announcements()).toContain('Matte ble lagt i Tallet 10: Kjemperedd / veldig vanskelig.');
  });

  it('says so when no card applies', async () => {
    await renderConversation({ step: 'scale', piles: { matte: 'not' } });
    expect(screen.getByText(/Ingen kort ble lagt i «Gjelder meg»/)).toBeInTheDocument();
    expect(within(board.zone('tray')).queryAllByText('Matte')).toHaveLength(0);
  });
});
