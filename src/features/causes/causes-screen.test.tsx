import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConversation } from '../../testing/render';

describe('causes screen', () => {
  it('cycles a cause through litt, en del, mye and not chosen, saving each', async () => {
    const { user, saved } = await renderConversation({ step: 'causes' });
    const redd = () => screen.getByRole('button', { name: /^Redd\b/ });

    expect(redd()).toHaveAttribute('aria-pressed', 'false');
    expect(redd()).toHaveAccessibleName('Redd');

    await user.click(redd());
    expect(redd()).toHaveAttribute('aria-pressed', 'true');
    expect(redd()).toHaveAccessibleName('Redd Litt');
    expect((await saved()).causes).toEqual({ redd: 1 });

    await user.click(redd());
    expect(redd()).toHaveAccessibleName('Redd En del');
    expect((await saved()).causes).toEqual({ redd: 2 });

    await user.click(redd());
    expect(redd()).toHaveAccessibleName('Redd Mye');
    expect(redd()).toHaveAttribute('aria-pressed', 'true');
    expect((await saved()).causes).toEqual({ redd: 3 });

    await user.click(redd());
    expect(redd()).toHaveAccessibleName('Redd');
    expect(redd()).toHaveAttribute('aria-pressed', 'false');
    expect((await saved()).causes).toEqual({});
  });
});

describe('causes screen: "Noe annet?"', () => {
  it('shows a text field once chosen, and saves what is typed there', async () => {
    const { user, saved } = await renderConversation({ step: 'causes' });
    expect(screen.queryByLabelText('Skriv med dine egne ord')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Noe annet?' }));
    const field = await screen.findByLabelText('Skriv med dine egne ord');
    await user.type(field, 'Bestemor er syk');

    expect(field).toHaveValue('Bestemor er syk');
    const conversation = await saved();
    expect(conversation.causes).toEqual({ 'noe-annet': 1 });
    expect(conversation.causeOtherText).toBe('Bestemor er syk');
  });
});
