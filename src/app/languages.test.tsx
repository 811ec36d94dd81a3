import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { board, renderConversation } from '../testing/render';
import { stubSpeech } from '../testing/speech';
import { TEST_PASSPHRASE } from '../testing/vault';

describe('read-aloud', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads the step's heading and instructions in the pupil's language, and says so quietly when there is no voice", async () => {
    const spoken = stubSpeech(['pl-PL']);
    const { user } = await renderConversation({ step: 'sort', settings: { language: 'pl' } });
    const title = screen.getByRole('heading', { level: 1 }).textContent ?? '';
    await user.click(screen.getAllByRole('button', { name: 'Przeczytaj na głos' })[0]!);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('pl-PL');
    expect(spoken[0]!.text.startsWith(title)).toBe(true);
    expect(spoken[0]!.text.length).toBeGreaterThan(title.length + 10);

    // No Polish voice on this tablet: nothing is read, and the button says why.
    stubSpeech([]);
    await user.click(screen.getAllByRole('button', { name: 'Przeczytaj na głos' })[0]!);
    expect(screen.getByText('Ten tablet nie ma głosu dla tego języka.')).toBeVisible();
    expect(spoken).toHaveLength(1);
  });
});

describe("the pupil's language and the adult's", () => {
  it('shows the cards in Ukrainian with the bokmål label small beneath, and says the translation is unreviewed', async () => {
    await renderConversation({ step: 'sort', settings: { language: 'uk' } });
    expect(screen.getByRole('heading', { level: 1, name: 'Які картки про тебе?' })).toBeVisible();
    expect(document.documentElement).toHaveAttribute('lang', 'uk');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(screen.getByText('Цей переклад ще не перевірив носій мови.')).toBeVisible();

    const matte = board.card('deck', 'Математика');
    const sub = matte.querySelector('.card__sub');
    expect(sub).toHaveTextContent('Matte');
    expect(sub).toHaveAttribute('lang', 'nb');
  });

  it("thanks the pupil in their language and gives the adult the graded list in the adult's", async () => {
    await renderConversation({ step: 'handover', ratings: { matte: 2, norsk: 7 }, settings: { language: 'uk' } });
    expect(document.documentElement).toHaveAttribute('lang', 'uk');
    const list = screen.getByRole('region', { name: 'Gradert liste: vanskeligst først' });
    expect(list).toHaveAttribute('lang', 'nb');
    expect(within(list).getByRole('columnheader', { name: 'Plass' })).toBeVisible();
    expect(within(list).getByRole('rowheader', { name: 'Matte' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Avslutt samtalen' })).toHaveAttribute('lang', 'nb');
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveTextContent(/Takk/);
  });

  it('gives no second label when the pupil and the adult share a language', async () => {
    await renderConversation({ step: 'sort' });
    expect(document.querySelectorAll('.card__sub')).toHaveLength(0);
    expect(screen.queryByText(/Oversettelsen er ikke gjennomgått/)).not.toBeInTheDocument();
  });

  it("turns the page right to left for Arabic, and back for the adult's screens", async () => {
    const { user } = await renderConversation({ step: 'causes', settings: { language: 'ar' } });
    expect(screen.getByRole('heading', { level: 1, name: 'ما الذي قد يجعل المدرسة صعبة؟' })).toBeVisible();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');

    await user.click(screen.getByRole('button', { name: 'إلى قائمة المحادثات' }));
    await user.type(await screen.findByLabelText('Passordfrase'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'));
    expect(document.documentElement).toHaveAttribute('lang', 'nb');
  });
});
