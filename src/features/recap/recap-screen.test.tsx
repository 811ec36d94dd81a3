import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationSpec } from '../../testing/fixtures';
import { renderConversation } from '../../testing/render';

const TOLD: ConversationSpec = {
  step: 'recap',
  settings: { scaleKind: 'trivsel' },
  ratings: { matte: 1, norsk: 2, engelsk: 3, friminutt: 5, musikk: 9, naturfag: 10 },
  causes: { redd: 3, 'noe-annet': 1 },
  causeOtherText: 'Bussen',
  answers: { naturfag: { good: { text: 'Vi er ute' } } },
  wishes: { easier: { text: 'Kortere dager' }, parents: { unknown: true }, adults: { text: '   ' } },
};

const section = (heading: string) => screen.getByRole('heading', { level: 2, name: heading }).closest('section')!;

describe('recap screen', () => {
  it('shows the hardest cards, the good ones, the causes and the wishes', async () => {
    await renderConversation(TOLD);
    const hardest = within(section('Det som er vanskeligst')).getAllByRole('listitem');
    expect(hardest.map((item) => item.textContent)).toEqual(['1 Matte', '2 Norsk', '3 Engelsk']);
    const good = within(section('Det som er fint')).getAllByRole('listitem');
    expect(good.map((item) => item.textContent)).toEqual(['10 NaturfagVi er ute', '9 Musikk']);
    const causes = within(section('Dette kan gjøre skolen vanskelig')).getAllByRole('listitem');
    expect(causes.map((item) => item.textContent)).toEqual(['Redd – Mye', 'Noe annet? – Litt: Bussen']);
    const wishes = within(section('Ønskene dine')).getAllByRole('listitem');
    expect(wishes.map((item) => item.textContent)).toEqual([
      'Hva ville gjort skolen lettere for deg? Kortere dager',
      'Hva kan mamma, pappa eller de du bor med gjøre? vet ikke',
    ]);
  });

  it('"Ja, det stemmer" hands over to the adult, with the recap confirmed', async () => {
    const { user, saved } = await renderConversation(TOLD);
    await user.click(screen.getByRole('button', { name: 'Ja, det stemmer' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Takk for at du fortalte!' })).toBeInTheDocument();
    expect(screen.getByText('Eleven sa at oppsummeringen stemte.')).toBeInTheDocument();
    const conversation = await saved();
    expect(conversation.step).toBe('handover');
    expect(conversation.recap).toEqual({ confirmed: true, changedAfterRecap: false });
  });

  it('"Nei, jeg vil endre noe" then "Skala" goes back to the scale, noting the change', async () => {
    const { user, saved } = await renderConversation(TOLD);
    const no = screen.getByRole('button', { name: 'Nei, jeg vil endre noe' });
    expect(no).toHaveAttribute('aria-expanded', 'false');
    await user.click(no);
    expect(no).toHaveAttribute('aria-expanded', 'true');
    const choices = screen.getByRole('group', { name: 'Hva vil du endre?' });
    expect(
      within(choices)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Hvorfor', 'Sortere', 'Skala', 'Utforske', 'Ønsker']);
    // Nothing changes until a step is chosen.
    expect((await saved()).step).toBe('recap');

    await user.click(within(choices).getByRole('button', { name: 'Skala' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hvordan er det?' })).toBeInTheDocument();
    const conversation = await saved();
    expect(conversation.step).toBe('scale');
    expect(conversation.recap).toEqual({ confirmed: false, changedAfterRecap: true });
    // Going back changes nothing the pupil said.
    expect(conversation.ratings).toEqual(TOLD.ratings);
  });
});
