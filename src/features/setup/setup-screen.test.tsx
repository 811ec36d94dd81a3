import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomCard } from '../../domain/catalog';
import { PhotoProblem, type PhotoProblemReason, downscalePhoto } from '../../lib/photo';
import { PICTURE_LIBRARY } from '../../lib/pictures';
import { aConversation, aPupil } from '../../testing/fixtures';
import { type RenderedApp, renderApp } from '../../testing/render';

// The canvas work cannot run in jsdom; it is tested in a browser. Here a photo is whatever
// the stand-in says.
vi.mock('../../lib/photo', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/photo')>()),
  downscalePhoto: vi.fn(),
}));
const downscale = vi.mocked(downscalePhoto);

async function openSetup(): Promise<RenderedApp> {
  const rendered = await renderApp({ hash: '#/ny' });
  await screen.findByRole('heading', { level: 1, name: 'Før samtalen' });
  return rendered;
}

/** Replaces a field's text the way a tablet keyboard's paste would: one change. */
async function fill(user: UserEvent, label: string | RegExp, text: string) {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  if (text) await user.paste(text);
}

async function expectNothingStored(rendered: RenderedApp) {
  const saved = await rendered.stored();
  expect(saved.pupils).toEqual([]);
  expect(saved.conversations).toEqual([]);
  expect(window.location.hash).toBe('#/ny');
}

const start = () => screen.getByRole('button', { name: 'Start samtalen' });

describe('setup screen: refuses bad input and stores nothing', () => {
  it.each([
    { alias: '', grade: '5', field: 'Kallenavn', message: 'Skriv et kallenavn.' },
    { alias: '12345678901', grade: '5', field: 'Kallenavn', message: /fødselsnummer/ },
    { alias: 'Mira 120511 12345', grade: '5', field: 'Kallenavn', message: /fødselsnummer/ },
    { alias: 'x'.repeat(41), grade: '5', field: 'Kallenavn', message: 'Kallenavnet kan ha høyst 40 tegn.' },
    { alias: 'Mira', grade: '0', field: 'Trinn (1–10)', message: 'Trinnet må være fra 1 til 10.' },
    { alias: 'Mira', grade: '11', field: 'Trinn (1–10)', message: 'Trinnet må være fra 1 til 10.' },
    { alias: 'Mira', grade: 'abc', field: 'Trinn (1–10)', message: 'Skriv trinnet som et tall fra 1 til 10.' },
  ])('alias "$alias", grade "$grade" → $message', async ({ alias, grade, field, message }) => {
    const rendered = await openSetup();
    const { user } = rendered;
    await fill(user, 'Kallenavn', alias);
    await fill(user, 'Trinn (1–10)', grade);
    await user.click(start());

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Rett opp det som er markert, så kan samtalen starte.');
    expect(within(summary).getByText(message)).toBeInTheDocument();
    const input = screen.getByLabelText(field);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
    );
    await expectNothingStored(rendered);
  });

  it.each([
    { text: '', message: 'Kortet trenger en tekst.' },
    { text: 'a'.repeat(61), message: 'Korttekst kan ha høyst 60 tegn.' },
  ])('custom card "$text" → $message', async ({ text, message }) => {
    const rendered = await openSetup();
    const { user } = rendered;
    await fill(user, 'Tekst på nytt kort', text);
    await user.click(screen.getByRole('button', { name: 'Legg til kort' }));

    expect(within(screen.getByRole('alert')).getByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText('Tekst på nytt kort')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Tekst på nytt kort')).toHaveAccessibleDescription(message);
    expect(screen.queryByRole('button', { name: /^Fjern «/ })).not.toBeInTheDocument();
    await expectNothingStored(rendered);
  });

  it('refuses a duplicate custom card, whatever its case', async () => {
    const rendered = await openSetup();
    const { user } = rendered;
    await fill(user, 'Tekst på nytt kort', 'Ta heisen');
    await user.click(screen.getByRole('button', { name: 'Legg til kort' }));
    expect(screen.getByRole('button', { name: 'Fjern «Ta heisen»' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tekst på nytt kort')).toHaveValue('');

    // Enter in the field adds too.
    await user.type(screen.getByLabelText('Tekst på nytt kort'), ' ta HEISEN {Enter}');
    expect(within(screen.getByRole('alert')).getByText('Dette kortet finnes allerede.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Fjern «/ })).toHaveLength(1);
    await expectNothingStored(rendered);
  });
});

describe('setup screen: a valid form', () => {
  it('stores the pupil and the conversation with its settings, then opens the conversation', async () => {
    const { user, stored } = await openSetup();
    await fill(user, 'Kallenavn', '  Mira ');
    await fill(user, 'Trinn (1–10)', '7');
    await user.click(screen.getByRole('radio', { name: /^Vanskelig\/redd/ }));
    await fill(user, 'Navn eller initialer for lærer 1', '  Kari ');
    await fill(user, 'Navn eller initialer for lærer 2', 'Ola  ');
    await fill(user, 'Tekst på nytt kort', '  Ta heisen ');
    await user.click(screen.getByRole('button', { name: 'Legg til kort' }));
    // 60 characters is the most a card may have.
    await fill(user, 'Tekst på nytt kort', 'b'.repeat(60));
    await user.click(screen.getByRole('button', { name: 'Legg til kort' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Fag' }));
    expect(screen.getByRole('checkbox', { name: 'Fag' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Les alt høyt for eleven' }));
    await user.click(start());

    expect(await screen.findByRole('heading', { level: 1, name: 'Hei, Mira!' })).toBeInTheDocument();
    const saved = await stored();
    expect(saved.pupils).toHaveLength(1);
    expect(saved.conversations).toHaveLength(1);
    const [pupil] = saved.pupils;
    const [conversation] = saved.conversations;
    expect(pupil!.alias).toBe('Mira');
    expect(conversation!.pupilId).toBe(pupil!.id);
    expect(window.location.hash).toBe(`#/samtale/${conversation!.id}`);
    expect(conversation!.step).toBe('welcome');
    expect(conversation!.settings).toEqual({
      grade: 7,
      displayMode: 'text',
      readAloud: true,
      language: 'nb',
      scaleKind: 'vanskelig',
      teacherNames: ['Kari', 'Ola', ''],
      customCards: [
        { kind: 'custom', id: expect.stringMatching(/^egen-/), deck: 'egne', text: 'Ta heisen', picture: null },
        { kind: 'custom', id: expect.stringMatching(/^egen-/), deck: 'egne', text: 'b'.repeat(60), picture: null },
      ],
      decks: ['laerere', 'annet'],
    });
  });

  it.each([
    { grade: '3', change: null, shown: 'Bilder (for de yngste)', stored: 'pictures', alias: 'Mira' },
    // The longest alias allowed (40 characters) goes through.
    { grade: '7', change: null, shown: 'Tekst', stored: 'text', alias: 'y'.repeat(40) },
    { grade: '3', change: 'Tekst', shown: 'Tekst', stored: 'text', alias: 'Mira' },
    {
      grade: '7',
      change: 'Bilder (for de yngste)',
      shown: 'Bilder (for de yngste)',
      stored: 'pictures',
      alias: 'Mira',
    },
  ])(
    'grade $grade, display mode changed to $change → $stored',
    async ({ grade, change, shown, stored: expected, alias }) => {
      const { user, stored } = await openSetup();
      await fill(user, 'Kallenavn', alias);
      await fill(user, 'Trinn (1–10)', grade);
      if (change) await user.click(screen.getByRole('radio', { name: change }));
      expect(screen.getByRole('radio', { name: shown })).toBeChecked();
      await user.click(start());

      await expect.poll(() => window.location.hash).toMatch(/^#\/samtale\//);
      const saved = await stored();
      expect(saved.pupils.map((p) => p.alias)).toEqual([alias]);
      expect(saved.conversations.map((c) => c.settings.displayMode)).toEqual([expected]);
      expect(saved.conversations.map((c) => c.settings.scaleKind)).toEqual(['trivsel']);
      expect(saved.conversations.map((c) => c.settings.decks)).toEqual([['fag', 'laerere', 'annet']]);
    },
  );

  it('a new conversation with a known pupil starts from the last setup and stores no new pupil', async () => {
    const mira = aPupil('Mira');
    const earlier = aConversation(mira, {
      step: 'handover',
      finished: true,
      settings: { grade: 8, scaleKind: 'vanskelig', displayMode: 'pictures', teacherNames: ['Kari', '', ''] },
    });
    const { user, stored } = await renderApp({ seed: { pupils: [mira], conversations: [earlier] } });
    await user.click(screen.getByRole('button', { name: 'Ny samtale med Mira' }));

    await screen.findByRole('heading', { level: 1, name: 'Før samtalen' });
    expect(window.location.hash).toBe(`#/ny?elev=${mira.id}`);
    expect(screen.queryByLabelText('Kallenavn')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Trinn (1–10)')).toHaveValue('8');
    expect(screen.getByRole('radio', { name: /^Vanskelig\/redd/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Bilder (for de yngste)' })).toBeChecked();
    expect(screen.getByLabelText('Navn eller initialer for lærer 1')).toHaveValue('Kari');
    await user.click(start());

    expect(await screen.findByRole('heading', { level: 1, name: 'Hei, Mira!' })).toBeInTheDocument();
    const saved = await stored();
    expect(saved.pupils).toEqual([mira]);
    expect(saved.conversations).toHaveLength(2);
    const fresh = saved.conversations.find((c) => c.id !== earlier.id)!;
    expect(fresh.pupilId).toBe(mira.id);
    expect(fresh.settings).toEqual(earlier.settings);
    expect(window.location.hash).toBe(`#/samtale/${fresh.id}`);
  });
});

describe('setup screen: a custom card picture', () => {
  const PHOTO = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';
  const photoFile = () => new File([new Uint8Array([0xff, 0xd8, 0xff])], 'foto.jpg', { type: 'image/jpeg' });
  const chooseButton = () => screen.getByRole('button', { name: 'Velg bilde til «Ta heisen»' });
  const panel = () => screen.getByRole('group', { name: 'Bilde til «Ta heisen»' });
  /** The card's row in the list (the open panel is inside it, with pictures of size "choice"). */
  const row = () => screen.getByText('Ta heisen').closest('li')!;

  beforeEach(() => {
    downscale.mockReset();
  });

  /** A new pupil with one custom card, "Ta heisen", and its picture panel open. */
  async function openPanel(): Promise<RenderedApp> {
    const rendered = await openSetup();
    const { user } = rendered;
    await fill(user, 'Kallenavn', 'Mira');
    await fill(user, 'Trinn (1–10)', '3');
    await fill(user, 'Tekst på nytt kort', 'Ta heisen');
    await user.click(screen.getByRole('button', { name: 'Legg til kort' }));
    expect(chooseButton()).toHaveAttribute('aria-expanded', 'false');
    await user.click(chooseButton());
    expect(chooseButton()).toHaveAttribute('aria-expanded', 'true');
    expect(panel()).toHaveFocus();
    return rendered;
  }

  async function savedCards({ user, stored }: RenderedApp): Promise<readonly CustomCard[]> {
    await user.click(start());
    await expect.poll(() => window.location.hash).toMatch(/^#\/samtale\//);
    const saved = await stored();
    expect(saved.conversations).toHaveLength(1);
    return saved.conversations[0]!.settings.customCards;
  }

  it('a picture from the set is a toggle button, shown on the card and saved with it', async () => {
    const rendered = await openPanel();
    const { user } = rendered;
    const choices = within(panel()).getAllByRole('button', { name: /^Bilde \d+$/ });
    expect(choices).toHaveLength(PICTURE_LIBRARY.length);
    expect(choices.every((choice) => choice.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(within(panel()).queryByRole('button', { name: 'Fjern bildet' })).not.toBeInTheDocument();

    await user.click(within(panel()).getByRole('button', { name: 'Bilde 2' }));
    expect(within(panel()).getByRole('button', { name: 'Bilde 2' })).toHaveAttribute('aria-pressed', 'true');
    expect(row().querySelector('.picture--small')).toHaveAttribute('data-glyphs', PICTURE_LIBRARY[1]);
    await user.click(within(panel()).getByRole('button', { name: 'Ferdig' }));
    expect(screen.queryByRole('group', { name: 'Bilde til «Ta heisen»' })).not.toBeInTheDocument();
    expect(chooseButton()).toHaveFocus();
    expect(chooseButton()).toHaveAttribute('aria-expanded', 'false');

    const [card] = await savedCards(rendered);
    expect(card!.picture).toEqual({ kind: 'glyph', glyph: PICTURE_LIBRARY[1] });
  });

  it('"Fjern bildet" removes the picture; Escape closes the panel', async () => {
    const rendered = await openPanel();
    const { user } = rendered;
    await user.click(within(panel()).getByRole('button', { name: 'Bilde 5' }));
    await user.click(within(panel()).getByRole('button', { name: 'Fjern bildet' }));
    expect(within(panel()).getByRole('button', { name: 'Bilde 5' })).toHaveAttribute('aria-pressed', 'false');
    expect(row().querySelector('.picture--small')).toBeNull();
    expect(panel()).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Bilde til «Ta heisen»' })).not.toBeInTheDocument();
    expect(chooseButton()).toHaveFocus();

    const [card] = await savedCards(rendered);
    expect(card!.picture).toBeNull();
  });

  it('a photo is prepared on the tablet and saved as a data URL', async () => {
    downscale.mockResolvedValue(PHOTO);
    const rendered = await openPanel();
    const { user } = rendered;
    const input = within(panel()).getByLabelText('Ta bilde eller velg fil');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'image/*');
    expect(input).not.toHaveAttribute('capture');
    expect(input).toHaveAccessibleDescription(/Ikke ta bilde av elever eller andre personer/);

    const file = photoFile();
    await user.upload(input, file);
    expect(downscale).toHaveBeenCalledWith(file);
    await expect.poll(() => row().querySelector('.picture__photo')?.getAttribute('src')).toBe(PHOTO);
    expect(within(panel()).getByRole('button', { name: 'Fjern bildet' })).toBeInTheDocument();

    const [card] = await savedCards(rendered);
    expect(card!.picture).toEqual({ kind: 'photo', dataUrl: PHOTO });
  });

  it.each([
    {
      reason: 'unreadable',
      message: 'Bildet kunne ikke åpnes. Prøv et annet bilde. Kortet beholder bildet det hadde.',
    },
    { reason: 'too-large', message: 'Bildet er for stort. Velg et mindre bilde. Kortet beholder bildet det hadde.' },
  ] satisfies { reason: PhotoProblemReason; message: string }[])(
    'a photo that cannot be used ($reason) says so and keeps the picture the card had',
    async ({ reason, message }) => {
      downscale.mockRejectedValue(new PhotoProblem(reason));
      const rendered = await openPanel();
      const { user } = rendered;
      await user.click(within(panel()).getByRole('button', { name: 'Bilde 3' }));
      await user.upload(within(panel()).getByLabelText('Ta bilde eller velg fil'), photoFile());

      expect(await within(panel()).findByRole('alert')).toHaveTextContent(message);
      expect(within(panel()).getByRole('button', { name: 'Bilde 3' })).toHaveAttribute('aria-pressed', 'true');
      expect(row().querySelector('.picture--small')).toHaveAttribute('data-glyphs', PICTURE_LIBRARY[2]);

      const [card] = await savedCards(rendered);
      expect(card!.picture).toEqual({ kind: 'glyph', glyph: PICTURE_LIBRARY[2] });
    },
  );

  it('a new conversation with the same pupil keeps the cards with their pictures', async () => {
    const mira = aPupil('Mira');
    const cards: CustomCard[] = [
      { kind: 'custom', id: 'egen-1', deck: 'egne', text: 'Ta heisen', picture: { kind: 'photo', dataUrl: PHOTO } },
      { kind: 'custom', id: 'egen-2', deck: 'egne', text: 'Fotball', picture: { kind: 'glyph', glyph: 'soccer-ball' } },
    ];
    const earlier = aConversation(mira, { step: 'handover', finished: true, settings: { customCards: cards } });
    const { user, stored } = await renderApp({ seed: { pupils: [mira], conversations: [earlier] } });
    await user.click(screen.getByRole('button', { name: 'Ny samtale med Mira' }));
    await screen.findByRole('heading', { level: 1, name: 'Før samtalen' });

    expect(row().querySelector('.picture__photo')).toHaveAttribute('src', PHOTO);
    expect(screen.getByText('Fotball').closest('li')!.querySelector('.picture--small')).toHaveAttribute(
      'data-glyphs',
      'soccer-ball',
    );
    await user.click(screen.getByRole('button', { name: 'Velg bilde til «Fotball»' }));
    const soccer = PICTURE_LIBRARY.indexOf('soccer-ball') + 1;
    expect(screen.getByRole('button', { name: `Bilde ${soccer}` })).toHaveAttribute('aria-pressed', 'true');
    await user.click(start());

    await expect.poll(() => window.location.hash).not.toBe(`#/ny?elev=${mira.id}`);
    const fresh = (await stored()).conversations.find((c) => c.id !== earlier.id)!;
    expect(fresh.settings.customCards).toEqual(cards);
  });
});
