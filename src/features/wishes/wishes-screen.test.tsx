import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConversation } from '../../testing/render';

const PROMPTS = [
  'Hva ville gjort skolen lettere for deg?',
  'Hva kan de voksne på skolen gjøre?',
  'Hva kan mamma, pappa eller de du bor med gjøre?',
  'Hva kan du selv gjøre?',
];

describe('wishes screen', () => {
  it('asks four questions and saves each answer', async () => {
    const { user, saved } = await renderConversation({ step: 'wishes' });
    const groups = screen.getAllByRole('group');
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual(PROMPTS);

    await user.type(within(groups[0]!).getByLabelText('Med egne ord'), 'Kortere dager');
    await user.type(within(groups[1]!).getByLabelText('Med egne ord'), 'Spør meg');
    await user.click(within(groups[2]!).getByRole('button', { name: 'Vet ikke' }));
    await user.type(within(groups[3]!).getByLabelText('Med egne ord'), 'Si fra');

    expect(within(groups[0]!).getByLabelText('Med egne ord')).toHaveValue('Kortere dager');
    expect(within(groups[2]!).getByRole('button', { name: 'Vet ikke' })).toHaveAttribute('aria-pressed', 'true');
    const answer = (text: string, unknown = false) => ({ choices: [], text, unknown, typedByAdult: false });
    expect((await saved()).wishes).toEqual({
      easier: answer('Kortere dager'),
      adults: answer('Spør meg'),
      parents: answer('', true),
      pupil: answer('Si fra'),
    });
  });

  it('shows answers saved before, and "Videre" goes on to the recap', async () => {
    const { user, saved } = await renderConversation({
      step: 'wishes',
      wishes: { adults: { text: 'Hjelp i friminuttet' } },
    });
    const adults = screen.getByRole('group', { name: PROMPTS[1] });
    expect(within(adults).getByLabelText('Med egne ord')).toHaveValue('Hjelp i friminuttet');
    await user.click(screen.getByRole('button', { name: 'Videre' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dette har du fortalt' })).toBeInTheDocument();
    expect((await saved()).step).toBe('recap');
  });
});
