import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftPlan, setStepText } from '../../domain/plan';
import { TEST_NOW, aConversation, aPupil } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';
import { stubSpeech } from '../../testing/speech';
import { openTestRepository } from '../../testing/vault';

const DAY = 24 * 60 * 60 * 1000;
const mira = aPupil('Mira', { id: 'elev-mira' });

// trivsel: 1 is the hardest. Difficulties: gym-garderobe 10, matte 8, forlate-mor-far 8, musikk 6, friminutt 2.
const conversation = aConversation(mira, {
  id: 'samtale-1',
  createdAt: TEST_NOW - 7 * DAY,
  ratings: { 'gym-garderobe': 1, matte: 3, 'forlate-mor-far': 3, musikk: 5, friminutt: 9 },
  causes: { engstelig: 2 },
  finished: true,
});

let ids = 0;
const plan = draftPlan({
  id: 'plan-1',
  conversation,
  from: '2026-11-23',
  now: TEST_NOW,
  newId: () => `trinn-${++ids}`,
});

const seed = { pupils: [mira], conversations: [conversation], plans: [plan] };

function steps(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.plan-step')];
}

function step(number: number): HTMLElement {
  return screen.getByRole('region', { name: new RegExp(`^Trinn ${number} `) });
}

/** Each step's situations as their words, in order. */
function situations(): string[][] {
  return steps().map((li) => [...li.querySelectorAll('.plan-step__label')].map((s) => s.textContent!));
}

async function openPlan(hash = '#/plan/plan-1') {
  const app = await renderApp({ seed, hash });
  await screen.findByRole('heading', { level: 1, name: 'Opptrappingsplan: Mira' });
  return app;
}

describe('the step-up plan editor', () => {
  it('drafts a plan from the review: the hard situations easiest first, stored at once', async () => {
    const { user, stored } = await renderApp({
      seed: { pupils: [mira], conversations: [conversation] },
      hash: '#/resultat/samtale-1',
    });
    await user.click(await screen.findByRole('button', { name: 'Lag opptrappingsplan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Opptrappingsplan: Mira' })).toBeVisible();
    expect(window.location.hash).toMatch(/^#\/plan\/id-\d+$/);
    expect(situations()).toEqual([['Musikk'], ['Matte', 'Forlate mor/far om morgenen'], ['Gym – skifte i garderobe']]);
    // The pupil's own numbers beside each situation.
    expect(within(step(3)).getByText('1 på skalaen')).toBeVisible();
    expect(screen.getByText('Utkast')).toBeVisible();

    const saved = (await stored()).plans;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.steps.map((s) => s.situations)).toEqual([
      ['musikk'],
      ['matte', 'forlate-mor-far'],
      ['gym-garderobe'],
    ]);
    // Back on the review the plan is opened, not drafted again.
    await user.click(screen.getByRole('button', { name: 'Tilbake til resultatet' }));
    expect(await screen.findByRole('button', { name: 'Åpne opptrappingsplanen' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Lag opptrappingsplan' })).toBeNull();
  });

  it('saves the goal and step texts as typed, and reorders, splits, merges and deletes steps', async () => {
    const { user, stored } = await openPlan();
    await user.type(screen.getByRole('textbox', { name: 'Langsiktig mål' }), 'Hele skoledager før påske');
    await user.type(
      within(step(1)).getByRole('textbox', { name: 'Dette deltar eleven i' }),
      'Første halvdel av musikktimen',
    );

    await user.click(within(step(1)).getByRole('button', { name: 'Flytt ned' }));
    expect(situations()).toEqual([['Matte', 'Forlate mor/far om morgenen'], ['Musikk'], ['Gym – skifte i garderobe']]);
    // Dates follow the new order: the first step keeps the plan's start.
    expect(within(step(1)).getByLabelText('Fra')).toHaveValue('2026-11-23');
    expect(within(step(2)).getByLabelText('Fra')).toHaveValue('2026-12-07');

    await user.click(within(step(1)).getByRole('button', { name: 'Del i to' }));
    expect(situations()).toEqual([
      ['Matte'],
      ['Forlate mor/far om morgenen'],
      ['Musikk'],
      ['Gym – skifte i garderobe'],
    ]);
    await user.click(within(step(1)).getByRole('button', { name: 'Slå sammen med neste' }));
    expect(situations()).toEqual([['Matte', 'Forlate mor/far om morgenen'], ['Musikk'], ['Gym – skifte i garderobe']]);

    await user.click(within(step(3)).getByRole('button', { name: 'Slett trinnet' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Slette trinn 3?');
    await user.click(within(dialog).getByRole('button', { name: 'Slett' }));
    expect(situations()).toEqual([['Matte', 'Forlate mor/far om morgenen'], ['Musikk']]);

    const saved = (await stored()).plans[0]!;
    expect(saved.goal).toBe('Hele skoledager før påske');
    expect(saved.steps.map((s) => [s.situations, s.participation])).toEqual([
      [['matte', 'forlate-mor-far'], ''],
      [['musikk'], 'Første halvdel av musikktimen'],
    ]);
  });

  it('keeps dates typed the wrong way round, says what is wrong, and refuses to print until they are right', async () => {
    const { user, stored } = await openPlan();
    fireEvent.change(within(step(2)).getByLabelText('Til'), { target: { value: '2026-12-01' } });
    expect(within(step(2)).getByText('Trinn 2 slutter før det begynner. Rett datoene.')).toBeVisible();
    expect(within(step(2)).getByLabelText('Til')).toHaveAttribute('aria-invalid', 'true');
    expect((await stored()).plans[0]!.steps[1]!.end).toBe('2026-12-01');

    await user.click(screen.getByRole('button', { name: 'Skriv ut samarbeidsavtale' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dette må rettes først');
    expect(alert).toHaveTextContent('Trinn 2 slutter før det begynner.');
    expect(window.location.hash).toBe('#/plan/plan-1');

    fireEvent.change(within(step(2)).getByLabelText('Til'), { target: { value: '2026-12-20' } });
    await user.click(screen.getByRole('button', { name: 'Skriv ut samarbeidsavtale' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Samarbeidsavtale' })).toBeVisible();
    expect(window.location.hash).toBe('#/plan/plan-1/avtale');
  });

  it('says a plan with no steps cannot be printed or agreed, and keeps what was written', async () => {
    const { user, stored } = await openPlan();
    await user.type(screen.getByRole('textbox', { name: 'Plan B' }), 'Mor ringer skolen før 08.00');
    for (let left = 3; left > 0; left -= 1) {
      await user.click(within(step(1)).getByRole('button', { name: 'Slett trinnet' }));
      await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Slett' }));
    }
    expect(screen.getByText('Planen har ingen trinn ennå.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Marker planen som avtalt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Planen har ingen trinn.');
    expect(screen.getByText('Utkast')).toBeVisible();
    const saved = (await stored()).plans[0]!;
    expect(saved).toMatchObject({ agreedAt: null, planB: 'Mor ringer skolen før 08.00', steps: [] });
  });

  it('a setback keeps the step and adds a new step-up of the same situations', async () => {
    const { user, stored } = await openPlan();
    await user.click(within(step(1)).getByRole('radio', { name: 'Nådd' }));
    await user.click(within(step(2)).getByRole('radio', { name: 'Tilbakeskritt' }));
    expect(situations()).toEqual([
      ['Musikk'],
      ['Matte', 'Forlate mor/far om morgenen'],
      ['Matte', 'Forlate mor/far om morgenen'],
      ['Gym – skifte i garderobe'],
    ]);
    expect(within(step(2)).getByRole('radio', { name: 'Tilbakeskritt' })).toBeChecked();
    expect(within(step(3)).getByText('Nytt forsøk etter tilbakeskritt på trinn 2')).toBeVisible();
    expect(within(step(3)).getByRole('radio', { name: 'Planlagt' })).toBeChecked();

    const saved = (await stored()).plans[0]!;
    expect(saved.steps.map((s) => s.status)).toEqual(['reached', 'stepped-back', 'planned', 'planned']);
    expect(saved.steps[2]!.retryOf).toBe(saved.steps[1]!.id);
  });

  it('finds measures by category, situation and words, adds them with who and when, and takes the school’s own', async () => {
    const { user, stored } = await openPlan();
    const first = step(1);
    await user.click(within(first).getByRole('button', { name: 'Legg til tiltak' }));
    const picker = within(first).getByRole('group', { name: 'Tiltaksbanken' });
    // Filtered to the step's situation to begin with.
    expect(within(picker).getByRole('combobox', { name: 'Situasjon' })).toHaveValue('musikk');
    await user.selectOptions(within(picker).getByRole('combobox', { name: 'Situasjon' }), '');
    const all = within(picker).getByRole('status').textContent!;
    expect(all).toMatch(/^\d+ tiltak$/);
    expect(Number.parseInt(all, 10)).toBeGreaterThanOrEqual(60);

    await user.selectOptions(within(picker).getByRole('combobox', { name: 'Kategori' }), 'oppmote');
    await user.type(within(picker).getByRole('searchbox', { name: 'Søk i tiltakene' }), 'porten');
    const results = picker_results(picker);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((text) => /porten/i.test(text))).toBe(true);
    const add = within(picker).getAllByRole('button', { name: /^Legg til: / })[0]!;
    const chosen = add.getAttribute('aria-label')!.replace('Legg til: ', '');
    await user.click(add);
    expect(within(picker).getAllByRole('button', { name: 'Lagt til' }).length).toBeGreaterThan(0);

    const row = within(first).getByText(chosen, { selector: '.plan-measure__text' }).closest('li')!;
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Ansvarlig' }), 'foresatte');
    fireEvent.change(within(row).getByLabelText('Frist'), { target: { value: '2026-11-25' } });

    await user.type(within(picker).getByRole('textbox', { name: 'Beskriv tiltaket' }), 'Eleven får låne skolens gitar');
    await user.click(within(picker).getByRole('button', { name: 'Legg til eget tiltak' }));
    expect(within(first).getByText('Eleven får låne skolens gitar', { selector: '.plan-measure__text' })).toBeVisible();
    await user.type(within(picker).getByRole('textbox', { name: 'Beskriv tiltaket' }), 'eleven får låne skolens gitar');
    await user.click(within(picker).getByRole('button', { name: 'Legg til eget tiltak' }));
    expect(
      within(picker).getByText('Dette tiltaket finnes allerede, i planen eller blant skolens tiltak.'),
    ).toBeVisible();

    const saved = (await stored()).plans[0]!;
    const measures = saved.steps[0]!.measures;
    const own = saved.customMeasures.find((m) => m.text === 'Eleven får låne skolens gitar')!;
    expect(own).toBeDefined();
    expect(measures).toContain(own.id);
    const bankId = measures.find((id) => saved.steps[0]!.assignments[id]?.role === 'foresatte');
    expect(saved.steps[0]!.assignments[bankId!]).toEqual({ role: 'foresatte', due: '2026-11-25' });
  });

  it("keeps the school's own measures on the tablet and offers them in another pupil's plan", async () => {
    const ola = aPupil('Ola', { id: 'elev-ola' });
    const olaConversation = aConversation(ola, { id: 'samtale-ola', ratings: { matte: 1 }, finished: true });
    const olaPlan = draftPlan({
      id: 'plan-ola',
      conversation: olaConversation,
      from: '2026-11-23',
      now: TEST_NOW,
      newId: () => `o-${++ids}`,
    });
    const { user, stored, databaseName } = await renderApp({
      seed: { pupils: [mira, ola], conversations: [conversation, olaConversation], plans: [plan, olaPlan] },
      hash: '#/plan/plan-1',
    });
    await screen.findByRole('heading', { level: 1, name: 'Opptrappingsplan: Mira' });
    await user.click(within(step(1)).getByRole('button', { name: 'Legg til tiltak' }));
    const picker = within(step(1)).getByRole('group', { name: 'Tiltaksbanken' });
    await user.type(
      within(picker).getByRole('textbox', { name: 'Beskriv tiltaket' }),
      'Fast plass ved døra i klasserommet',
    );
    await user.click(within(picker).getByRole('button', { name: 'Legg til eget tiltak' }));
    expect(
      await within(step(1)).findByText('Fast plass ved døra i klasserommet', { selector: '.plan-measure__text' }),
    ).toBeVisible();

    window.location.hash = '#/plan/plan-ola';
    await screen.findByRole('heading', { level: 1, name: 'Opptrappingsplan: Ola' });
    await user.click(within(step(1)).getByRole('button', { name: 'Legg til tiltak' }));
    const olaPicker = within(step(1)).getByRole('group', { name: 'Tiltaksbanken' });
    const offered = within(olaPicker).getByText('Fast plass ved døra i klasserommet').closest('li')!;
    expect(offered).toHaveTextContent('Skolens tiltak');
    await user.click(within(offered).getByRole('button', { name: /^Legg til: / }));
    expect(
      within(step(1)).getByText('Fast plass ved døra i klasserommet', { selector: '.plan-measure__text' }),
    ).toBeVisible();

    const library = await stored();
    const repository = await openTestRepository(databaseName);
    expect((await repository.loadSettings()).schoolMeasures.map((m) => m.text)).toEqual([
      'Fast plass ved døra i klasserommet',
    ]);
    repository.close();
    const saved = library.plans.find((p) => p.id === 'plan-ola')!;
    expect(saved.customMeasures.map((m) => m.text)).toEqual(['Fast plass ved døra i klasserommet']);
    expect(saved.steps[0]!.measures).toContain(saved.customMeasures[0]!.id);
  });

  it('locks the content once agreed, keeps follow-up open, and opens it again as a draft', async () => {
    const { user, stored } = await openPlan();
    await user.click(screen.getByRole('button', { name: 'Marker planen som avtalt' }));
    expect(await screen.findByText(/^Avtalt /)).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Langsiktig mål' })).toBeDisabled();
    expect(within(step(1)).getByRole('button', { name: 'Flytt ned' })).toBeDisabled();
    await user.click(within(step(1)).getByRole('radio', { name: 'Nådd' }));
    expect((await stored()).plans[0]!).toMatchObject({ agreedAt: TEST_NOW, steps: [{ status: 'reached' }, {}, {}] });

    await user.click(screen.getByRole('button', { name: 'Gjør planen til utkast igjen' }));
    expect(screen.getByRole('textbox', { name: 'Langsiktig mål' })).toBeEnabled();
    expect((await stored()).plans[0]!.agreedAt).toBeNull();
  });

  it('takes the ratings of a newer conversation and adds steps for new hard situations', async () => {
    const newer = aConversation(mira, {
      id: 'samtale-2',
      createdAt: TEST_NOW,
      ratings: { 'gym-garderobe': 4, matte: 3, 'forlate-mor-far': 6, musikk: 7, friminutt: 2 },
      finished: true,
    });
    const { user, stored } = await renderApp({
      seed: {
        pupils: [mira],
        conversations: [conversation, newer],
        plans: [setStepText(plan, plan.steps[0]!.id, 'success', 'Med i tre av fire timer', TEST_NOW)],
      },
      hash: '#/resultat/samtale-2',
    });
    await user.click(await screen.findByRole('button', { name: 'Oppdater planen med denne samtalen' }));
    await screen.findByRole('heading', { level: 1, name: 'Opptrappingsplan: Mira' });
    expect(situations()).toEqual([
      ['Musikk'],
      ['Matte', 'Forlate mor/far om morgenen'],
      ['Gym – skifte i garderobe'],
      ['Friminutt'],
    ]);
    // The numbers are the newer conversation's.
    expect(within(step(3)).getByText('4 på skalaen')).toBeVisible();
    const saved = (await stored()).plans[0]!;
    expect(saved.conversationId).toBe('samtale-2');
    expect(saved.steps[0]!.success).toBe('Med i tre av fire timer');
  });
});

function picker_results(picker: HTMLElement): string[] {
  return [...picker.querySelectorAll('.measure-picker__result > span')].map((span) => span.textContent!);
}

describe('the cooperation agreement and the pupil’s steps', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens from the list for follow-up once the pupil has a plan', async () => {
    const { user } = await renderApp({ seed });
    await user.click(screen.getByRole('button', { name: 'Åpne opptrappingsplanen: Mira' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Opptrappingsplan: Mira' })).toBeVisible();
  });

  it('prints status, goal, steps, measures with who and by when, plan B, evaluation and signature lines', async () => {
    await renderApp({ seed, hash: '#/plan/plan-1/avtale' });
    const agreement = await screen.findByRole('article', { name: 'Samarbeidsavtale' });
    expect(within(agreement).getByText('Opptrappingsplan for Mira')).toBeVisible();
    expect(within(agreement).getByText('Utkast, ikke avtalt ennå')).toBeVisible();
    for (const heading of [
      'Utgangspunkt',
      'Mål',
      'Trinn for trinn',
      'Tiltak, ansvar og frist',
      'Ansvar',
      'Plan B',
      'Evaluering',
      'Underskrifter',
    ]) {
      expect(within(agreement).getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    expect(
      within(agreement)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([
      expect.stringMatching(/^Trinn 1: .* · Planlagt$/),
      expect.stringMatching(/^Trinn 2: /),
      expect.stringMatching(/^Trinn 3: /),
    ]);
    // Every suggested measure is a row with its step, who and the deadline (the step's start by default).
    const table = within(agreement).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(plan.steps.flatMap((s) => s.measures).length);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .slice(1)
        .map((cell) => cell.textContent),
    ).toEqual(['1', 'Kontaktlærer', expect.stringMatching(/23\.? ?nov/)]);
    expect([...agreement.querySelectorAll('[data-signer]')].map((p) => p.textContent)).toEqual([
      'Underskrift: Kontaktlærer',
      'Underskrift: Eleven',
      'Underskrift: Foreldre/foresatte',
    ]);
  });

  it('shows the pupil their steps in their language, with pictures in picture mode', async () => {
    const young = aConversation(mira, {
      id: 'samtale-uk',
      settings: { language: 'uk', displayMode: 'pictures' },
      ratings: { 'gym-garderobe': 1, matte: 6 },
      finished: true,
    });
    const pupilPlan = draftPlan({
      id: 'plan-uk',
      conversation: young,
      from: '2026-11-23',
      now: TEST_NOW,
      newId: () => `u-${++ids}`,
    });
    await renderApp({
      seed: { pupils: [mira], conversations: [young], plans: [pupilPlan] },
      hash: '#/plan/plan-uk/elev',
    });
    const view = await screen.findByRole('article', { name: 'Мої кроки' });
    expect(view).toHaveAttribute('lang', 'uk');
    await waitFor(() => expect(view.querySelector('[data-card-id="gym-garderobe"] .picture img')).not.toBeNull());
    const current = view.querySelector('[aria-current="step"]');
    expect(current).toBe(view.querySelector('.my-plan__step'));
  });

  it('reads a step aloud to the pupil, with what the adult wrote when the pupil speaks Norwegian', async () => {
    const spoken = stubSpeech(['nb-NO']);
    const written = setStepText(
      plan,
      plan.steps[0]!.id,
      'participation',
      'Være med i første halvdel av musikktimen',
      TEST_NOW,
    );
    const { user } = await renderApp({ seed: { ...seed, plans: [written] }, hash: '#/plan/plan-1/elev' });
    const view = await screen.findByRole('article', { name: 'Mine trinn' });
    const first = within(view)
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('my-plan__step'))!;
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(/^Trinn 1 Nå$/);
    await user.click(within(first).getByRole('button', { name: 'Les opp' }));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('nb-NO');
    expect(spoken[0]!.text).toMatch(
      /^Trinn 1\. .*\. Musikk\. Dette skal jeg gjøre\. Være med i første halvdel av musikktimen$/,
    );
  });
});
