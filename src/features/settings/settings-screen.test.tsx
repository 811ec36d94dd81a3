import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../domain/backup';
import { createCustomMeasure } from '../../domain/measures';
import { updateSettings, useLibrary } from '../../stores/library-store';
import { TEST_NOW, aConversation, aPupil } from '../../testing/fixtures';
import { readDatabase, renderApp } from '../../testing/render';
import { TEST_PASSPHRASE, storedSettings, tryPassphrase } from '../../testing/vault';

const mira = aPupil('Mira', { id: 'pupil-mira' });
const noah = aPupil('Noah', { id: 'pupil-noah' });
const seed = {
  pupils: [mira, noah],
  conversations: [aConversation(mira, { step: 'scale', ratings: { matte: 2 } }), aConversation(noah)],
};

/** Catches the file a download would save, instead of saving it. */
function catchDownloads() {
  const files: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    files.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return files;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('are reached from the list and keep the chosen lock time and reminder age', async () => {
    const { user, databaseName } = await renderApp({ seed });
    await user.click(screen.getByRole('button', { name: 'Innstillinger' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Lås appen når ingen har brukt den på'), '10 minutter');
    await user.selectOptions(screen.getByLabelText('Minn meg på samtaler som ikke er endret på'), '30 dager');

    await waitFor(async () =>
      expect(await storedSettings(databaseName)).toMatchObject({ inactivityMinutes: 10, reminderDays: 30 }),
    );
  });

  it('change the passphrase; the old one no longer opens the tablet', async () => {
    const clock = { now: TEST_NOW };
    const { user, databaseName } = await renderApp({ seed, hash: '#/innstillinger', clock });
    const change = async (current: string) => {
      await user.type(screen.getByLabelText('Passordfrasen du bruker nå'), current);
      await user.type(screen.getByLabelText('Ny passordfrase'), 'en helt ny frase');
      await user.type(screen.getByLabelText('Skriv passordfrasen en gang til'), 'en helt ny frase');
      await user.click(screen.getByRole('button', { name: 'Bytt passordfrase' }));
    };
    await change('feil frase');
    expect(await screen.findByText(/Passordfrasen stemmer ikke/)).toBeVisible();

    clock.now += 1_000;
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bytt passordfrase' })).toBeEnabled());
    await user.clear(screen.getByLabelText('Passordfrasen du bruker nå'));
    await user.clear(screen.getByLabelText('Ny passordfrase'));
    await user.clear(screen.getByLabelText('Skriv passordfrasen en gang til'));
    await change(TEST_PASSPHRASE);
    expect(await screen.findByText('Passordfrasen er byttet.')).toBeVisible();

    expect(await tryPassphrase(databaseName, TEST_PASSPHRASE, clock.now)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await tryPassphrase(databaseName, 'en helt ny frase', clock.now + 60_000)).toEqual({ ok: true });
  });
});

describe("the school's own measures", () => {
  it('are listed, and one is taken off the list after a confirmation; the rest stay, stored', async () => {
    const { user, databaseName } = await renderApp({ seed, hash: '#/innstillinger' });
    expect(screen.getByText(/Ingen egne tiltak ennå/)).toBeVisible();
    const typo = createCustomMeasure('Fast plas ved døra', 'struktur', 'a');
    const kept = createCustomMeasure('Pause med miljøarbeider', 'trygghet', 'b');
    await act(() => updateSettings({ schoolMeasures: [typo, kept] }));
    const section = screen.getByRole('region', { name: 'Skolens egne tiltak' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['Fast plas ved døra', 'Pause med miljøarbeider']);

    await user.click(within(section).getByRole('button', { name: 'Fjern «Fast plas ved døra»' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Planer som bruker det, beholder det.');
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(section).getByRole('button', { name: 'Fjern «Fast plas ved døra»' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, fjern' }));
    expect(await within(section).findByText('«Fast plas ved døra» er fjernet.')).toBeVisible();
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect((await storedSettings(databaseName)).schoolMeasures).toEqual([kept]);
  });

  it("puts one of the school's measures in new words, checked like a new one; cancelling changes nothing", async () => {
    const { user, databaseName } = await renderApp({ hash: '#/innstillinger' });
    const typo = createCustomMeasure('Fast plas ved døra', 'struktur', 'a');
    const kept = createCustomMeasure('Pause med miljøarbeider', 'trygghet', 'b');
    await act(() => updateSettings({ schoolMeasures: [typo, kept] }));
    const section = screen.getByRole('region', { name: 'Skolens egne tiltak' });
    const edit = (text: string) => within(section).getByRole('button', { name: `Endre «${text}»` });

    await user.click(edit('Fast plas ved døra'));
    const form = within(section).getByRole('form', { name: 'Endre «Fast plas ved døra»' });
    const field = within(form).getByLabelText('Nye ord for tiltaket');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Fast plas ved døra');

    // The words of another measure, or none, are refused and leave the list as it was.
    await user.clear(field);
    await user.type(field, 'pause med  Miljøarbeider');
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Et annet av skolens tiltak har allerede disse ordene.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Skriv hva tiltaket går ut på.');
    expect((await storedSettings(databaseName)).schoolMeasures).toEqual([typo, kept]);

    // Avbryt closes the form, changes nothing and gives the focus back to its button.
    await user.click(within(form).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(edit('Fast plas ved døra')).toHaveFocus());
    expect((await storedSettings(databaseName)).schoolMeasures).toEqual([typo, kept]);

    await user.click(edit('Fast plas ved døra'));
    const again = within(section).getByLabelText('Nye ord for tiltaket');
    await user.clear(again);
    await user.type(again, ' Fast plass ved døra {Enter}');
    expect(await within(section).findByText('Tiltaket heter nå «Fast plass ved døra».')).toBeVisible();
    await waitFor(() => expect(edit('Fast plass ved døra')).toHaveFocus());
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['Fast plass ved døra', 'Pause med miljøarbeider']);
    expect((await storedSettings(databaseName)).schoolMeasures).toEqual([
      { ...typo, text: 'Fast plass ved døra' },
      kept,
    ]);
  });
});

describe('backups', () => {
  it('export everything to a file, which restores it all after everything was erased', async () => {
    const files = catchDownloads();
    const { user, databaseName } = await renderApp({ seed, hash: '#/innstillinger' });
    expect(
      screen.getByText('Det er ikke tatt sikkerhetskopi av alle samtalene på dette nettbrettet ennå.'),
    ).toBeVisible();
    // A measure of the school's own, offered in every plan, kept in the settings.
    const schoolMeasure = createCustomMeasure('Fast plass ved døra', 'struktur', 'skolens');
    await act(() => updateSettings({ schoolMeasures: [schoolMeasure] }));

    const exportForm = screen.getByRole('form', { name: 'Lag sikkerhetskopi' });
    await user.type(within(exportForm).getByLabelText('Passordfrasen for dette nettbrettet'), TEST_PASSPHRASE);
    await user.click(within(exportForm).getByRole('button', { name: 'Lag sikkerhetskopi' }));
    expect(await screen.findByText(/Sikkerhetskopien med 2 samtaler er laget/)).toBeVisible();
    expect(screen.getByText(/^Siste sikkerhetskopi av alle samtalene:/)).toBeVisible();
    expect(files).toHaveLength(1);
    const text = await files[0]!.text();
    // Only the envelope is readable; everything about the pupils is in the base64 ciphertext.
    const envelope = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(['createdAt', 'data', 'format', 'iv', 'kdf', 'scope', 'version']);
    expect(envelope.data).toMatch(/^[A-Za-z0-9+/]+=*$/);

    // Start over: everything erased, a new passphrase.
    await user.click(screen.getByRole('button', { name: 'Slett alt og begynn på nytt' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, slett alt' }));
    await screen.findByRole('heading', { level: 1, name: 'Velg en passordfrase for dette nettbrettet' });
    await user.type(screen.getByLabelText('Ny passordfrase'), TEST_PASSPHRASE);
    await user.type(screen.getByLabelText('Skriv passordfrasen en gang til'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByText(/Ingen samtaler ennå/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Innstillinger' }));
    const importForm = await screen.findByRole('form', { name: 'Hent inn en sikkerhetskopi' });
    await user.upload(
      within(importForm).getByLabelText('Fil med sikkerhetskopi'),
      new File([text], 'kortprat.json', { type: 'application/json' }),
    );
    await user.type(within(importForm).getByLabelText('Passordfrasen sikkerhetskopien ble laget med'), 'feil');
    await user.click(within(importForm).getByRole('button', { name: 'Hent inn' }));
    expect(await within(importForm).findByRole('alert')).toHaveTextContent(
      'Passordfrasen passer ikke til denne sikkerhetskopien, eller filen er skadet. Ingenting er endret.',
    );

    await user.clear(within(importForm).getByLabelText('Passordfrasen sikkerhetskopien ble laget med'));
    await user.type(within(importForm).getByLabelText('Passordfrasen sikkerhetskopien ble laget med'), TEST_PASSPHRASE);
    await user.click(within(importForm).getByRole('button', { name: 'Hent inn' }));
    expect(
      await screen.findByText('Hentet inn. Nye: 4. Oppdatert: 0. Fantes fra før: 0. Ingenting er slettet.'),
    ).toBeVisible();
    const restored = await readDatabase(databaseName);
    expect(restored.pupils.map((p) => p.alias).sort()).toEqual(['Mira', 'Noah']);
    expect(restored.conversations.find((c) => c.pupilId === mira.id)?.ratings).toEqual({ matte: 2 });
    expect(useLibrary.getState().settings.schoolMeasures).toEqual([schoolMeasure]);
  });

  it('refuse an oversized file before reading it, and a foreign one, changing nothing', async () => {
    const { user, stored } = await renderApp({ seed, hash: '#/innstillinger' });
    const before = await stored();
    const importForm = screen.getByRole('form', { name: 'Hent inn en sikkerhetskopi' });
    const huge = new File(['{}'], 'stor.json');
    Object.defineProperty(huge, 'size', { value: MAX_BACKUP_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    await user.upload(within(importForm).getByLabelText('Fil med sikkerhetskopi'), huge);
    await user.type(within(importForm).getByLabelText('Passordfrasen sikkerhetskopien ble laget med'), TEST_PASSPHRASE);
    await user.click(within(importForm).getByRole('button', { name: 'Hent inn' }));
    expect(await within(importForm).findByRole('alert')).toHaveTextContent(/for stor/);
    expect(read).not.toHaveBeenCalled();

    await user.upload(
      within(importForm).getByLabelText('Fil med sikkerhetskopi'),
      new File(['{"kind": "a spreadsheet"}'], 'annet.json'),
    );
    await user.click(within(importForm).getByRole('button', { name: 'Hent inn' }));
    expect(await within(importForm).findByRole('alert')).toHaveTextContent(
      'Dette er ikke en sikkerhetskopi fra Kortprat. Ingenting er endret.',
    );
    expect(await stored()).toEqual(before);
  });
});

describe('the list', () => {
  it('points out conversations older than the reminder age', async () => {
    const old = aConversation(mira, { createdAt: TEST_NOW - 200 * 24 * 60 * 60_000 });
    await renderApp({ seed: { pupils: [mira], conversations: [old] } });
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 samtale er ikke endret på over 180 dager. Ta stilling til om den fortsatt trengs, og slett den når den ikke gjør det.',
    );
    expect(screen.getByText('Over 180 dager gammel')).toBeVisible();
  });
});
