import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KortpratDatabase } from '../persistence/db';
import type { Conversation } from '../domain/conversation';
import type { Repository } from '../persistence/repository';
import { aConversation, aPupil } from '../testing/fixtures';
import { readDatabase, renderApp, renderConversation } from '../testing/render';
import { openTestRepository } from '../testing/vault';

/** A repository whose writes fail as on a full tablet after the first one, until repaired. */
function fillsUpAfterFirstSave() {
  const state = { saves: 0, full: true };
  const wrap = (real: Repository): Repository => ({
    ...real,
    save: (conversations, pupil) => {
      state.saves += 1;
      if (state.saves > 1 && state.full) {
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      }
      return real.save(conversations, pupil);
    },
  });
  return { state, wrap };
}

describe('app', () => {
  it('a save that fails for lack of space says so, keeps the answer on screen, and "Prøv igjen" saves it', async () => {
    const storage = fillsUpAfterFirstSave();
    const { user, saved, storedNow, conversation } = await renderConversation(
      { step: 'causes' },
      { wrapRepository: storage.wrap },
    );
    const cause = (name: RegExp) => screen.getByRole('button', { name });

    await user.click(cause(/^Redd\b/));
    expect((await saved()).causes).toEqual({ redd: 1 });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(cause(/^Trist \/ Lei seg/));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Nettbrettet er fullt/);
    expect(alert).toHaveTextContent(/fullt, så det siste svaret er ikke lagret ennå/);
    // The pupil's answer stays on screen ...
    expect(cause(/^Trist \/ Lei seg/)).toHaveAttribute('aria-pressed', 'true');
    expect(cause(/^Trist \/ Lei seg/)).toHaveAccessibleName('Trist / Lei seg Litt');
    // ... while the database still holds what was saved before.
    const before = (await storedNow()).conversations.find((c) => c.id === conversation.id);
    expect(before?.causes).toEqual({ redd: 1 });

    // Retrying while still full keeps the message.
    await user.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/fullt/);

    storage.state.full = false;
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Prøv igjen' }));
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    const after = (await storedNow()).conversations.find((c) => c.id === conversation.id);
    expect(after?.causes).toEqual({ redd: 1, trist: 1 });
  });

  it('a conversation that another tab holds is not opened here, and says so', async () => {
    const mira = aPupil('Mira');
    const conversation = aConversation(mira, { step: 'causes' });
    const { user, stored } = await renderApp({
      hash: `#/samtale/${conversation.id}`,
      seed: { pupils: [mira], conversations: [conversation] },
      claim: async () => null,
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/allerede åpen i en annen fane/);
    expect(screen.queryByRole('heading', { name: 'Hva kan gjøre skolen vanskelig?' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Redd\b/ })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Til samtalelisten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeInTheDocument();
    expect((await stored()).conversations).toEqual([conversation]);
  });

  it('warns about rows it cannot read, shows the rest, and leaves those rows untouched', async () => {
    const garbage = { schemaVersion: 1, id: 'broken', pupilId: 'nobody', settings: 'not settings' };
    const mira = aPupil('Mira');
    const noah = aPupil('Noah');
    let planted: unknown[] = [];
    const { user, databaseName, stored } = await renderApp({
      prepare: async (name) => {
        // One row seals a record the restore funnel refuses; another's ciphertext is damaged.
        const repository = await openTestRepository(name);
        await repository.save([garbage as unknown as Conversation, aConversation(noah)]);
        repository.close();
        const db = new KortpratDatabase(name);
        const damaged = (await db.conversations.toArray()).find((row) => row.pupilId === noah.id)!;
        damaged.sealed!.data[5]! ^= 1;
        await db.conversations.put(damaged);
        planted = await db.conversations.toArray();
        db.close();
      },
      seed: { pupils: [mira], conversations: [aConversation(mira, { step: 'sort' })] },
    });

    expect(await screen.findByText('2 lagrede elementer kunne ikke leses. De er latt urørt.')).toBeInTheDocument();
    expect(
      screen.getByText('2 lagrede elementer kunne ikke leses. De er latt urørt.').closest('[role="status"]'),
    ).not.toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Mira' })).toBeInTheDocument();
    expect(screen.getByText('Steg 3 av 8')).toBeInTheDocument();

    // Writing (here: deleting the readable conversation) leaves the unreadable rows alone.
    await user.click(screen.getByRole('button', { name: /^Slett samtalen: Mira/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, slett' }));
    await expect.poll(() => screen.queryByText('Steg 3 av 8')).toBeNull();
    expect((await stored()).unreadable).toBe(2);

    const db = new KortpratDatabase(databaseName);
    try {
      expect(await db.conversations.toArray()).toEqual(planted);
    } finally {
      db.close();
    }
    expect((await readDatabase(databaseName)).conversations).toEqual([]);
  });
});
