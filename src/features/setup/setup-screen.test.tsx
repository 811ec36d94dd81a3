import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aConversation, aPupil } from '../../testing/fixtures';
import { type RenderedApp, renderApp } from '../../testing/render';

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
      language: 'nb',
      scaleKind: 'vanskelig',
      teacherNames: ['Kari', 'Ola', ''],
      customCards: [
        { kind: 'custom', id: expect.stringMatching(/^egen-/), deck: 'egne', text: 'Ta heisen' },
        { kind: 'custom', id: expect.stringMatching(/^egen-/), deck: 'egne', text: 'b'.repeat(60) },
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
