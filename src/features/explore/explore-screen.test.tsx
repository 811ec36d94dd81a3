import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { exploreRun } from '../../domain/explore';
import type { ConversationSpec } from '../../testing/fixtures';
import { renderConversation } from '../../testing/render';

// The run of prompts is worked out as the screen renders; counting it tells whether the
// screen rendered.
vi.mock('../../domain/explore', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../domain/explore')>();
  return { ...actual, exploreRun: vi.fn(actual.exploreRun) };
});

/**
 * Trivsel: 1 is the worst. Graded hardest first: matte 1, norsk 2, engelsk 3, friminutt 5,
 * musikk 9, naturfag 10. Explored by default: matte, norsk, engelsk (hard), then the two
 * best, naturfag and musikk (good).
 */
const RATED: ConversationSpec = {
  step: 'explore',
  settings: { scaleKind: 'trivsel' },
  ratings: { matte: 1, norsk: 2, engelsk: 3, friminutt: 5, musikk: 9, naturfag: 10 },
};

const focusCard = () => document.querySelector('.explore__card [data-card-id]');
const answer = () => screen.getByRole('group', { name: /\?$/ });
const next = () => screen.getByRole('button', { name: 'Videre' });

describe('explore screen', () => {
  it('starts with the hardest card and the first prompt', async () => {
    await renderConversation(RATED);
    expect(focusCard()).toHaveTextContent('Matte');
    expect(focusCard()).toHaveAttribute('data-card-id', 'matte');
    expect(screen.getByText('Kort 1 av 5 · spørsmål 1 av 5')).toBeInTheDocument();
    expect(screen.getByText(/Dette er et av de vanskeligste kortene dine\. Du ga det tallet 1\./)).toBeInTheDocument();
    expect(answer()).toHaveAccessibleName('Hva skjer når du er i denne situasjonen?');
  });

  it('the hardest card is the highest number on a vanskelig scale', async () => {
    await renderConversation({
      step: 'explore',
      settings: { scaleKind: 'vanskelig' },
      ratings: { matte: 1, norsk: 10, engelsk: 3 },
    });
    expect(focusCard()).toHaveTextContent('Norsk');
    expect(screen.getByText('Kort 1 av 3 · spørsmål 1 av 5')).toBeInTheDocument();
  });

  it('saves own words, a chosen feeling and "Vet ikke"; "Videre" walks on and the cursor is saved', async () => {
    const { user, saved } = await renderConversation(RATED);
    await user.type(within(answer()).getByLabelText('Med egne ord'), 'Tavla');
    expect((await saved()).answers).toEqual({
      matte: { situation: { choices: [], text: 'Tavla', unknown: false, typedByAdult: false } },
    });

    await user.click(next());
    expect(answer()).toHaveAccessibleName('Hva tenker du da?');
    expect(screen.getByText('Kort 1 av 5 · spørsmål 2 av 5')).toBeInTheDocument();
    expect((await saved()).exploreCursor).toEqual({ card: 0, part: 1 });

    await user.click(next());
    expect(answer()).toHaveAccessibleName('Hvordan føler du deg da?');
    const redd = within(answer()).getByRole('button', { name: 'Redd' });
    expect(redd).toHaveAttribute('aria-pressed', 'false');
    await user.click(redd);
    expect(within(answer()).getByRole('button', { name: 'Redd' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(within(answer()).getByLabelText('Med egne ord'), 'Svett');
    let conversation = await saved();
    expect(conversation.answers.matte?.feelings).toEqual({
      choices: ['redd'],
      text: 'Svett',
      unknown: false,
      typedByAdult: false,
    });
    expect(conversation.exploreCursor).toEqual({ card: 0, part: 2 });

    await user.click(next());
    expect(answer()).toHaveAccessibleName('Merker du noe i kroppen?');
    await user.click(within(answer()).getByRole('button', { name: 'Vet ikke' }));
    expect(within(answer()).getByRole('button', { name: 'Vet ikke' })).toHaveAttribute('aria-pressed', 'true');
    conversation = await saved();
    expect(conversation.answers.matte?.body).toEqual({ choices: [], text: '', unknown: true, typedByAdult: false });
    expect(conversation.answers.matte?.situation?.text).toBe('Tavla');

    // Back shows what was answered before.
    await user.click(screen.getByRole('button', { name: 'Tilbake' }));
    expect(answer()).toHaveAccessibleName('Hvordan føler du deg da?');
    expect(within(answer()).getByLabelText('Med egne ord')).toHaveValue('Svett');
    expect((await saved()).exploreCursor).toEqual({ card: 0, part: 2 });
  });

  it('a typed letter is saved and renders nothing; a chosen feeling renders its field, not the screen', async () => {
    let commits = 0;
    const { user, saved } = await renderConversation(RATED, { onCommit: () => commits++ });
    const field = within(answer()).getByLabelText('Med egne ord');
    expect(exploreRun).toHaveBeenCalled();
    vi.mocked(exploreRun).mockClear();
    commits = 0;
    await user.type(field, 'Tavla');
    expect(field).toHaveValue('Tavla');
    expect((await saved()).answers.matte?.situation?.text).toBe('Tavla');
    expect(commits).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Vet ikke' }));
    expect(screen.getByRole('button', { name: 'Vet ikke' })).toHaveAttribute('aria-pressed', 'true');
    expect(commits).toBeGreaterThan(0);
    // Typing again takes "vet ikke" back, and keeps the words typed before.
    await user.type(field, ' er lang');
    expect(screen.getByRole('button', { name: 'Vet ikke' })).toHaveAttribute('aria-pressed', 'false');
    expect((await saved()).answers.matte?.situation).toMatchObject({ text: 'Tavla er lang', unknown: false });
    expect(exploreRun).not.toHaveBeenCalled();
  });

  it('"Videre" after the last part of a card goes to the next card', async () => {
    const { user, saved } = await renderConversation({ ...RATED, exploreCursor: { card: 0, part: 4 } });
    expect(answer()).toHaveAccessibleName('Hva gjør du da?');
    await user.click(next());
    expect(focusCard()).toHaveTextContent('Norsk');
    expect(screen.getByText('Kort 2 av 5 · spørsmål 1 av 5')).toBeInTheDocument();
    expect((await saved()).exploreCursor).toEqual({ card: 1, part: 0 });
  });

  it('the good cards get one prompt each, and after the last one comes the wishes step', async () => {
    const { user, saved } = await renderConversation({ ...RATED, exploreCursor: { card: 3, part: 0 } });
    expect(focusCard()).toHaveTextContent('Naturfag');
    expect(screen.getByText(/Dette er et av de fineste kortene dine\. Du ga det tallet 10\./)).toBeInTheDocument();
    expect(answer()).toHaveAccessibleName('Hva gjør at det er fint her?');
    await user.click(next());
    expect(focusCard()).toHaveTextContent('Musikk');
    await user.click(next());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hva kunne gjort skolen lettere?' }),
    ).toBeInTheDocument();
    expect((await saved()).step).toBe('wishes');
  });

  it('marks words typed by the adult', async () => {
    const { user, saved } = await renderConversation(RATED);
    const adultTyping = screen.getByRole('checkbox', { name: 'Den voksne skriver for eleven' });
    expect(adultTyping).not.toBeChecked();
    await user.click(adultTyping);
    expect(adultTyping).toBeChecked();
    await user.type(within(answer()).getByLabelText('Med egne ord'), 'Hun sa: tavla');
    expect((await saved()).answers.matte?.situation).toEqual({
      choices: [],
      text: 'Hun sa: tavla',
      unknown: false,
      typedByAdult: true,
    });
  });

  it('the adult card picker changes which cards are explored', async () => {
    const { user, saved } = await renderConversation(RATED);
    await user.click(screen.getByRole('button', { name: 'Velg andre kort (voksen)' }));
    const picker = screen.getByRole('region', { name: 'Hvilke kort skal vi snakke om?' });
    expect(within(picker).getByRole('checkbox', { name: 'Vanskelige kort: Matte' })).toBeChecked();
    expect(within(picker).getByRole('checkbox', { name: 'Fine kort: Naturfag' })).toBeChecked();
    expect(within(picker).getByRole('checkbox', { name: 'Vanskelige kort: Friminutt' })).not.toBeChecked();

    await user.click(within(picker).getByRole('checkbox', { name: 'Vanskelige kort: Matte' }));
    expect(focusCard()).toHaveTextContent('Norsk');
    const selection = (await saved()).exploreSelection;
    expect(selection?.hard).toEqual(['norsk', 'engelsk']);
    // Touching the hard cards leaves the good ones as they were: best first.
    expect(selection?.good).toEqual(['naturfag', 'musikk']);

    // Ticked in any order, the hard cards keep the graded order.
    await user.click(within(picker).getByRole('checkbox', { name: 'Vanskelige kort: Friminutt' }));
    await user.click(within(picker).getByRole('checkbox', { name: 'Vanskelige kort: Matte' }));
    // A card is hard or good, not both.
    await user.click(within(picker).getByRole('checkbox', { name: 'Vanskelige kort: Musikk' }));
    expect(within(picker).getByRole('checkbox', { name: 'Fine kort: Musikk' })).not.toBeChecked();
    expect((await saved()).exploreSelection).toEqual({
      hard: ['matte', 'norsk', 'engelsk', 'friminutt', 'musikk'],
      good: ['naturfag'],
    });

    await user.click(within(picker).getByRole('button', { name: 'Ferdig' }));
    expect(screen.queryByRole('region', { name: 'Hvilke kort skal vi snakke om?' })).not.toBeInTheDocument();
    expect(screen.getByText('Kort 1 av 6 · spørsmål 1 av 5')).toBeInTheDocument();
    expect(focusCard()).toHaveTextContent('Matte');
  });

  it('"Bruk forslaget" goes back to the suggested cards', async () => {
    const { user, saved } = await renderConversation({
      ...RATED,
      exploreSelection: { hard: ['friminutt'], good: [] },
    });
    expect(focusCard()).toHaveTextContent('Friminutt');
    expect(screen.getByText('Kort 1 av 1 · spørsmål 1 av 5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Velg andre kort (voksen)' }));
    await user.click(screen.getByRole('button', { name: /^Bruk forslaget/ }));
    expect(focusCard()).toHaveTextContent('Matte');
    expect((await saved()).exploreSelection).toBeNull();
  });
});
