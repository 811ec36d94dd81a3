import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLibrary } from '../../stores/library-store';
import { TEST_NOW, aConversation, aPupil } from '../../testing/fixtures';
import { readDatabase, renderApp, renderConversation } from '../../testing/render';
import { TEST_PASSPHRASE, plantFailedAttempts, rowCounts } from '../../testing/vault';

describe('first start', () => {
  it('asks for a passphrase, says plainly it cannot be recovered, and checks it', async () => {
    const { user, databaseName } = await renderApp({ vault: 'new' });
    expect(screen.getByRole('heading', { level: 1, name: 'Velg en passordfrase for dette nettbrettet' })).toBeVisible();
    expect(
      screen.getByText(/kan samtalene ikke åpnes igjen – ikke av skolen, ikke av oss, ikke av noen/),
    ).toBeVisible();

    await user.type(screen.getByLabelText('Ny passordfrase'), 'kort');
    await user.type(screen.getByLabelText('Skriv passordfrasen en gang til'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Lagre passordfrasen' }));
    expect(screen.getByText('Passordfrasen må ha minst 8 tegn.')).toBeVisible();
    expect(screen.getByLabelText('Skriv passordfrasen en gang til')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText('Ny passordfrase'));
    await user.type(screen.getByLabelText('Ny passordfrase'), TEST_PASSPHRASE);
    await user.clear(screen.getByLabelText('Skriv passordfrasen en gang til'));
    await user.type(screen.getByLabelText('Skriv passordfrasen en gang til'), `${TEST_PASSPHRASE}x`);
    await user.click(screen.getByRole('button', { name: 'Lagre passordfrasen' }));
    expect(screen.getByText(/De to feltene er ikke like/)).toBeVisible();

    // "Vis" shows what was typed, for a long phrase on a tablet keyboard.
    const show = screen.getByRole('button', { name: 'Vis: Skriv passordfrasen en gang til' });
    await user.click(show);
    expect(show).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Skriv passordfrasen en gang til')).toHaveAttribute('type', 'text');

    await user.type(screen.getByLabelText('Skriv passordfrasen en gang til'), '{Backspace}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
    // The passphrase opens the new vault; nothing of it went to localStorage.
    expect((await readDatabase(databaseName)).pupils).toEqual([]);
    expect(JSON.stringify({ ...localStorage })).not.toContain(TEST_PASSPHRASE);
  });
});

describe('the lock screen', () => {
  it('opens with the right passphrase; a wrong one says so and makes the next try wait', async () => {
    const mira = aPupil('Mira');
    const clock = { now: TEST_NOW };
    const { user } = await renderApp({
      vault: 'locked',
      clock,
      seed: { pupils: [mira], conversations: [aConversation(mira)] },
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
    // Nothing about any pupil is on screen or in memory.
    expect(screen.queryByText('Mira')).not.toBeInTheDocument();
    expect(useLibrary.getState().pupils).toEqual({});

    await user.type(screen.getByLabelText('Passordfrase'), 'gjetter{Enter}');
    expect(await screen.findByText('Passordfrasen stemmer ikke. Du kan prøve igjen om 1 sekund.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Lås opp' })).toBeDisabled();

    clock.now += 1_000;
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lås opp' })).toBeEnabled());
    await user.type(screen.getByLabelText('Passordfrase'), 'gjetter igjen{Enter}');
    expect(await screen.findByText('Passordfrasen stemmer ikke. Du kan prøve igjen om 2 sekunder.')).toBeVisible();

    clock.now += 2_000;
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lås opp' })).toBeEnabled());
    await user.type(screen.getByLabelText('Passordfrase'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Mira' })).toBeVisible();
  });

  it('shows a wait still running from wrong tries before a reload, without a try of its own', async () => {
    const clock = { now: TEST_NOW + 1_000 };
    await renderApp({ vault: 'locked', clock, prepare: (name) => plantFailedAttempts(name, 3, TEST_NOW) });
    expect(await screen.findByText('Du kan prøve igjen om 4 sekunder.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Lås opp' })).toBeDisabled();
    clock.now = TEST_NOW + 5_000;
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lås opp' })).toBeEnabled());
  });

  it('"Glemt passordfrasen?" explains, and erasing everything starts over with a new passphrase', async () => {
    const mira = aPupil('Mira');
    const { user, databaseName } = await renderApp({
      vault: 'locked',
      seed: { pupils: [mira], conversations: [aConversation(mira)] },
    });
    await user.click(screen.getByRole('button', { name: 'Glemt passordfrasen?' }));
    expect(screen.getByText(/Uten passordfrasen kan ingen åpne samtalene/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Slett alt og begynn på nytt' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Det kan ikke angres.');
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Slett alt og begynn på nytt' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, slett alt' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Velg en passordfrase for dette nettbrettet' }),
    ).toBeVisible();
    expect(await rowCounts(databaseName)).toEqual([0, 0, 0]);
  });
});

describe('pupil mode', () => {
  it("keeps the adult's screens behind the passphrase while a conversation is under way", async () => {
    const { user, conversation } = await renderConversation({ step: 'causes' });
    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();
    expect(screen.queryByText('Mira')).not.toBeInTheDocument();

    // Typing the address of another screen leads to the same door.
    window.location.hash = '#/innstillinger';
    expect(await screen.findByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();

    // The pupil can always go back to their own conversation.
    await user.click(screen.getByRole('button', { name: 'Tilbake til samtalen' }));
    expect(await screen.findByRole('heading', { name: 'Hva kan gjøre skolen vanskelig?' })).toBeVisible();
    expect(window.location.hash).toBe(`#/samtale/${conversation.id}`);

    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    await user.type(await screen.findByLabelText('Passordfrase'), 'ikke den{Enter}');
    expect(await screen.findByText(/Passordfrasen stemmer ikke/)).toBeVisible();
    expect(screen.queryByRole('heading', { level: 1, name: 'Samtaler' })).not.toBeInTheDocument();
  });

  it('opens with the passphrase', async () => {
    const { user } = await renderConversation({ step: 'causes' });
    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    await user.type(await screen.findByLabelText('Passordfrase'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  });

  it('opens with the adult PIN once one is set in the settings', async () => {
    const mira = aPupil('Mira');
    const conversation = aConversation(mira, { step: 'causes' });
    const { user } = await renderApp({
      hash: '#/innstillinger',
      seed: { pupils: [mira], conversations: [conversation] },
    });
    await user.type(screen.getByLabelText('Ny PIN'), '4711');
    await user.type(screen.getByLabelText('Skriv PIN-en en gang til'), '4712');
    await user.click(screen.getByRole('button', { name: 'Lagre PIN' }));
    expect(screen.getByText('De to feltene er ikke like.')).toBeVisible();
    await user.clear(screen.getByLabelText('Skriv PIN-en en gang til'));
    await user.type(screen.getByLabelText('Skriv PIN-en en gang til'), '4711');
    await user.click(screen.getByRole('button', { name: 'Lagre PIN' }));
    expect(await screen.findByText('PIN-en er lagret.')).toBeVisible();
    expect(screen.getByText('En PIN er valgt.')).toBeVisible();

    window.location.hash = `#/samtale/${conversation.id}`;
    await screen.findByRole('heading', { name: 'Hva kan gjøre skolen vanskelig?' });
    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    await user.type(await screen.findByLabelText('PIN eller passordfrase'), '4711{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  });

  it('is not entered by opening a finished conversation to read the result', async () => {
    const { user } = await renderConversation({ step: 'handover', finished: true });
    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  });
});

describe('locking', () => {
  it('warns at least 20 seconds ahead, "Jeg er her fortsatt" keeps it open, then it locks and forgets', async () => {
    const clock = { now: TEST_NOW };
    const { user, saved } = await renderConversation({ step: 'causes' }, { clock });
    await user.click(screen.getByRole('button', { name: /^Redd\b/ }));

    clock.now += 5 * 60_000 - 29_000;
    const warning = await screen.findByRole('alertdialog', { name: 'Kortprat låses snart' });
    expect(warning).toHaveTextContent(/Om (29|28) sekunder låses appen/);
    await user.click(within(warning).getByRole('button', { name: 'Jeg er her fortsatt' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    clock.now += 4 * 60_000;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1_100)));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    clock.now += 60_000 + 1;
    expect(await screen.findByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
    expect(useLibrary.getState()).toMatchObject({ pupils: {}, conversations: {}, activeId: null });
    // What the pupil did was saved before the lock.
    expect((await saved()).causes).toEqual({ redd: 1 });

    // Unlocking goes straight back to the conversation.
    await user.type(screen.getByLabelText('Passordfrase'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Hva kan gjøre skolen vanskelig?' })).toBeVisible();
  });

  it("shows the lock, in the adult's language, when the page comes back from the back-forward cache", async () => {
    // The pupil's conversation is in English; the lock screen is the adult's, in bokmål.
    await renderConversation({ step: 'causes', settings: { language: 'en' } });
    expect(screen.getByRole('heading', { level: 1, name: 'What can make school hard?' })).toBeVisible();
    act(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
    expect(useLibrary.getState().conversations).toEqual({});
  });

  it('"Lås" on the list locks at once', async () => {
    const mira = aPupil('Mira');
    const { user } = await renderApp({ seed: { pupils: [mira], conversations: [aConversation(mira)] } });
    await user.click(screen.getByRole('button', { name: 'Lås' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
    expect(screen.queryByText('Mira')).not.toBeInTheDocument();
  });
});
