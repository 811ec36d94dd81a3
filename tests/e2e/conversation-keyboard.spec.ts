/**
 * A whole conversation with the keyboard only: Tab / Shift+Tab to reach things, Enter
 * and Space to press them, and both ways of moving a card — the keyboard drag (Space,
 * arrows, Space, every lift, move and drop announced; Escape cancels) and the tap
 * alternative (Enter on a card, Enter on a zone's header). No mouse and no programmatic
 * focus: every control is reached by Tab. Then, after a conversation played by mouse,
 * the review and the step-up plan by keyboard alone (the goal, a step's follow-up by
 * arrow keys, a measure from the bank, the agreement printed), with every focus stop on
 * the list, setup, the sort step, the review and the plan editor showing a focus ring.
 */

import { type Page, expect, test } from '@playwright/test';
import { expectFocusAlwaysVisible } from './support/checks';
import {
  card,
  dragAnnouncements,
  expectCardIn,
  expectStep,
  finishConversationWith,
  gradedRows,
  keyboardArrow,
  keyboardDrag,
  keyboardLift,
  nextButton,
  numberLabel,
  onlyOnProject,
  openStart,
  PASSPHRASE,
  steerScale,
  steerSort,
  tabAndEnter,
  tabTo,
  tapAnnouncements,
  waitForHydration,
  zoneTarget,
} from './support/kortprat';

onlyOnProject('desktop');

const CUSTOM = 'Gå i kantina';

async function next(page: Page) {
  await tabAndEnter(page, nextButton(page));
}

/** From the list through setup to the welcome screen, typing and tabbing only. */
async function startByKeyboard(page: Page, alias: string, grade: string, customCard?: string) {
  await page.goto('/#/');
  await waitForHydration(page);
  await tabAndEnter(page, page.getByRole('button', { name: 'Ny samtale' }));

  // Setup: type in the fields, Space on a checkbox, Enter in the custom card field.
  await expect(page.getByRole('heading', { level: 1, name: 'Før samtalen' })).toBeVisible();
  await tabTo(page, page.getByLabel('Kallenavn'));
  await page.keyboard.type(alias);
  await tabTo(page, page.getByLabel('Trinn (1–10)'));
  await page.keyboard.type(grade);
  if (customCard) {
    await tabTo(page, page.getByLabel('Tekst på nytt kort'));
    await page.keyboard.type(customCard);
    await page.keyboard.press('Enter');
    await expect(page.locator('.custom-cards li', { hasText: customCard })).toBeVisible();
  }
  for (const deck of ['Lærere', 'Situasjoner']) {
    const box = page.getByRole('checkbox', { name: deck, exact: true });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).not.toBeChecked();
  }
  await tabAndEnter(page, page.getByRole('button', { name: 'Start samtalen' }));
  await expectStep(page, 'welcome');
}

test('a whole conversation by keyboard only', async ({ page }) => {
  // A whole conversation, every step: longer than the default minute on a busy machine.
  test.slow();
  await startByKeyboard(page, 'Tore', '9', CUSTOM);

  // Welcome: focus starts on the heading.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabAndEnter(page, page.getByRole('button', { name: 'Jeg er klar' }));

  // Causes: Enter and Space both cycle a box.
  await expectStep(page, 'causes');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const engstelig = page.locator('[data-cause="engstelig"]');
  await tabAndEnter(page, engstelig);
  await expect(engstelig).toHaveAccessibleName('Engstelig Litt');
  const venner = page.locator('[data-cause="venner"]');
  await tabTo(page, venner);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(venner).toHaveAccessibleName('Venner En del');
  await expect(venner).toHaveAttribute('aria-pressed', 'true');
  await next(page);

  // Sort: keyboard drags (Space, arrow, Space) to "Gjelder meg".
  await expectStep(page, 'sort');
  for (const [id, label] of [
    ['matte', 'Matte'],
    ['naturfag', 'Naturfag'],
    ['gym-dusje', 'Gym – dusje'],
  ] as const) {
    await tabTo(page, card(page, id));
    await keyboardDrag(page, label, 'Gjelder meg', steerSort('Gjelder meg'));
    await expectCardIn(page, id, 'applies');
  }
  // A keyboard drag on to "Gjelder ikke meg".
  await tabTo(page, card(page, 'krle'));
  await keyboardDrag(page, 'KRLE', 'Gjelder ikke meg', steerSort('Gjelder ikke meg'));
  await expectCardIn(page, 'krle', 'not');

  // The tap alternative by keyboard: Enter on the card, then Enter on the zone's header.
  const custom = card(page, { text: CUSTOM });
  await tabAndEnter(page, custom);
  await expect(custom).toHaveAttribute('aria-pressed', 'true');
  await expect(tapAnnouncements(page)).toHaveText(`${CUSTOM} er valgt. Trykk der kortet skal.`);
  await expect(zoneTarget(page, 'applies')).toHaveAccessibleName(`Legg ${CUSTOM} her – Gjelder meg`);
  await tabAndEnter(page, zoneTarget(page, 'applies'));
  await expectCardIn(page, { text: CUSTOM }, 'applies');
  await expect(tapAnnouncements(page)).toHaveText(`${CUSTOM} ble lagt i Gjelder meg.`);
  // Enter twice on a card picks it and lets it go again.
  const engelsk = card(page, 'engelsk');
  await tabAndEnter(page, engelsk);
  await expect(engelsk).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(engelsk).toHaveAttribute('aria-pressed', 'false');
  await expect(tapAnnouncements(page)).toHaveText('Engelsk er ikke valgt lenger.');
  await keyboardDrag(page, 'Engelsk', 'Gjelder meg', steerSort('Gjelder meg'));
  await expectCardIn(page, 'engelsk', 'applies');
  // Naturfag goes back to the deck, by Enter (Shift+Tab back up to the deck's header).
  await tabAndEnter(page, card(page, 'naturfag'));
  await tabAndEnter(page, zoneTarget(page, 'deck'));
  await expectCardIn(page, 'naturfag', 'deck');
  await next(page);

  // Scale: keyboard drags from the tray up to the numbers, then along them.
  await expectStep(page, 'scale');
  await tabTo(page, card(page, 'matte'));
  await keyboardDrag(page, 'Matte', numberLabel(2), steerScale(2));
  await expectCardIn(page, 'matte', '2');
  await tabTo(page, card(page, 'gym-dusje'));
  await keyboardDrag(page, 'Gym – dusje', numberLabel(2), steerScale(2));
  await expectCardIn(page, 'gym-dusje', '2');
  await tabTo(page, card(page, 'engelsk'));
  await keyboardDrag(page, 'Engelsk', numberLabel(7), steerScale(7));
  await expectCardIn(page, 'engelsk', '7');
  // And by Enter: the custom card to 9.
  const customOnScale = card(page, { text: CUSTOM });
  await tabAndEnter(page, customOnScale);
  await expect(customOnScale).toHaveAttribute('aria-pressed', 'true');
  await tabAndEnter(page, zoneTarget(page, '9'));
  await expectCardIn(page, { text: CUSTOM }, '9');
  await expect(tapAnnouncements(page)).toHaveText(`${CUSTOM} ble lagt i Tallet 9.`);
  await expect(page.locator('section[data-zone-id="tray"]')).toContainText('Alle kortene har fått et tall.');
  await next(page);

  // Explore: the hard cards Matte, Gym – dusje and Engelsk (five prompts each), then the good 9.
  await expectStep(page, 'explore');
  const progress = page.locator('.explore__progress');
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 1 av 5');
  await tabTo(page, page.getByLabel('Med egne ord'));
  await page.keyboard.type('Jeg får ikke til oppgavene');
  await next(page);
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 2 av 5');
  const noeGalt = page.getByRole('button', { name: 'Noe galt kommer til å skje' });
  await tabTo(page, noeGalt);
  await page.keyboard.press('Space');
  await expect(noeGalt).toHaveAttribute('aria-pressed', 'true');
  await next(page);
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 3 av 5');
  const redd = page.getByRole('button', { name: 'Redd' });
  await tabAndEnter(page, redd);
  await expect(redd).toHaveAttribute('aria-pressed', 'true');
  await next(page);
  await expect(progress).toHaveText('Kort 1 av 4 · spørsmål 4 av 5');
  const unknown = page.getByRole('button', { name: 'Vet ikke' });
  await tabAndEnter(page, unknown);
  await expect(unknown).toHaveAttribute('aria-pressed', 'true');
  // Focus stays on "Videre", so Enter walks on prompt by prompt.
  await tabTo(page, nextButton(page));
  for (const text of [
    'Kort 1 av 4 · spørsmål 5 av 5',
    ...[2, 3].flatMap((n) => [1, 2, 3, 4, 5].map((part) => `Kort ${n} av 4 · spørsmål ${part} av 5`)),
    'Kort 4 av 4 · spørsmål 1 av 1',
  ]) {
    await page.keyboard.press('Enter');
    await expect(progress).toHaveText(text);
  }
  await expect(page.locator('.explore__card [data-card-id]')).toHaveText(CUSTOM);
  await tabTo(page, page.getByLabel('Med egne ord'));
  await page.keyboard.type('Det er rolig der');
  await next(page);

  // Wishes.
  await expectStep(page, 'wishes');
  await tabTo(page, page.getByRole('group', { name: 'Hva kan du selv gjøre?' }).getByLabel('Med egne ord'));
  await page.keyboard.type('Si fra når det blir for mye');
  await next(page);

  // Recap → handover.
  await expectStep(page, 'recap');
  await expect(page.locator('.recap__section--hard li')).toHaveText([/Matte/, /Gym – dusje/, /Engelsk/]);
  await expect(page.locator('.recap__section--good li')).toHaveText([/Gå i kantina.*Det er rolig der/]);
  await tabAndEnter(page, page.getByRole('button', { name: 'Ja, det stemmer' }));

  await expectStep(page, 'handover');
  expect(await gradedRows(page)).toEqual([
    ['1', 'Matte', '2'],
    ['1', 'Gym – dusje', '2'],
    ['3', 'Engelsk', '7'],
    ['4', CUSTOM, '9'],
  ]);
  await tabAndEnter(page, page.getByRole('button', { name: 'Avslutt samtalen' }));
  // Pupil mode: the list is behind the passphrase, typed into the focused field.
  await expect(page.getByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();
  await expect(page.getByLabel('Passordfrase', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  // The review opens; the list is one button away.
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Tore' })).toBeVisible();
  await tabAndEnter(page, page.getByRole('button', { name: 'Til samtalelisten' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expect(page.locator('.conversation-row')).toContainText('Ferdig');
  await expect(page.getByRole('button', { name: /^Se resultatet: Tore, / })).toBeVisible();
});

test('after a keyboard drop the moved card keeps the focus', async ({ page }) => {
  await startByKeyboard(page, 'Fokus', '8');
  await tabAndEnter(page, page.getByRole('button', { name: 'Jeg er klar' }));
  await expectStep(page, 'causes');
  await next(page);
  await expectStep(page, 'sort');
  await tabTo(page, card(page, 'matte'));
  await keyboardDrag(page, 'Matte', 'Gjelder meg', steerSort('Gjelder meg'));
  await expectCardIn(page, 'matte', 'applies');
  await expect(card(page, 'matte')).toBeFocused();
  // Escape puts a lifted card back where it was, and says so.
  await tabTo(page, card(page, 'norsk'));
  await keyboardLift(page, 'Norsk');
  await keyboardArrow(page, 'ArrowRight');
  await expect(dragAnnouncements(page)).toHaveText(/^Norsk er over Gjelder (ikke )?meg\.$/);
  await page.keyboard.press('Escape');
  await expect(dragAnnouncements(page)).toHaveText('Flyttingen av Norsk ble avbrutt.');
  await expectCardIn(page, 'norsk', 'deck');
});

test('after a conversation, the review and the plan by keyboard only, with a visible focus ring at every stop', async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.addInitScript(() => {
    window.print = () => Object.assign(window, { printed: ((window as { printed?: number }).printed ?? 0) + 1 });
  });
  // The conversation by mouse, tabbing through setup and the sort step on the way to check
  // the focus ring there.
  await openStart(page);
  await page.getByRole('button', { name: 'Ny samtale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Før samtalen' })).toBeVisible();
  await page.getByLabel('Kallenavn').fill('Ola');
  await page.getByLabel('Trinn (1–10)').fill('7');
  for (const deck of ['Lærere', 'Situasjoner']) await page.getByRole('checkbox', { name: deck, exact: true }).click();
  await expectFocusAlwaysVisible(page, 'setup');
  await page.getByRole('button', { name: 'Start samtalen' }).click();
  await expectStep(page, 'welcome');
  await finishConversationWith(page, { matte: 2, norsk: 4, musikk: 9 }, ['Redd'], {
    onSort: async () => {
      await card(page, 'engelsk').click();
      await expectFocusAlwaysVisible(page, 'sort step, a card picked', { atLeast: 10 });
    },
  });

  // From here on the keyboard only: the list, the review, the plan, the agreement.
  await tabAndEnter(page, page.getByRole('button', { name: 'Til samtalelisten' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expectFocusAlwaysVisible(page, 'start list');
  await tabAndEnter(page, page.getByRole('button', { name: /^Se resultatet: Ola, / }));
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Ola' })).toBeVisible();
  await expectFocusAlwaysVisible(page, 'review');

  await tabAndEnter(page, page.getByRole('button', { name: 'Lag opptrappingsplan' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Opptrappingsplan: Ola' })).toBeVisible();
  const goal = page.getByRole('textbox', { name: 'Langsiktig mål' });
  await tabTo(page, goal);
  await page.keyboard.type('Hele skoledager etter vinterferien');
  await expect(goal).toHaveValue('Hele skoledager etter vinterferien');

  // Step 1's follow-up: the arrow keys move through the radio group and choose as they go.
  const first = page.getByRole('region', { name: /^Trinn 1 / });
  await tabTo(page, first.getByRole('radio', { name: 'Planlagt' }));
  await page.keyboard.press('ArrowDown');
  await expect(first.getByRole('radio', { name: 'Nådd', exact: true })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  const notYet = first.getByRole('radio', { name: 'Ikke nådd ennå' });
  await expect(notYet).toBeChecked();
  await expect(notYet).toBeFocused();
  await expect(first.locator('.plan-step__status')).toHaveText('Ikke nådd ennå');

  // A measure from the bank: open it, every situation (arrow keys on the select), search, add.
  await tabAndEnter(page, first.getByRole('button', { name: 'Legg til tiltak' }));
  const picker = first.getByRole('group', { name: 'Tiltaksbanken' });
  const situation = picker.getByRole('combobox', { name: 'Situasjon' });
  await tabTo(page, situation);
  for (let presses = 0; presses < 10 && (await situation.inputValue()) !== ''; presses++) {
    await page.keyboard.press('ArrowUp');
  }
  await expect(situation).toHaveValue('');
  await tabTo(page, picker.getByRole('searchbox', { name: 'Søk i tiltakene' }));
  await page.keyboard.type('porten');
  const add = picker.getByRole('button', { name: /^Legg til: / }).first();
  const measure = (await add.getAttribute('aria-label'))!.replace('Legg til: ', '');
  await tabAndEnter(page, add);
  const row = first.locator('.plan-measure', { hasText: measure });
  await expect(row).toHaveCount(1);
  const role = row.getByRole('combobox', { name: 'Ansvarlig' });
  const before = await role.inputValue();
  await tabTo(page, role);
  await page.keyboard.press('ArrowDown');
  await expect(role).not.toHaveValue(before);
  await expectFocusAlwaysVisible(page, 'plan editor with the measures bank open', { atLeast: 40 });

  // The agreement, shown to print, and printed with Enter.
  await tabAndEnter(page, page.getByRole('button', { name: 'Skriv ut samarbeidsavtale' }));
  const agreement = page.getByRole('article', { name: 'Samarbeidsavtale' });
  await expect(agreement).toBeVisible();
  await expect(agreement.getByText('Hele skoledager etter vinterferien')).toBeVisible();
  await expect(agreement.getByRole('row', { name: new RegExp(escape(measure.slice(0, 30))) })).toHaveCount(1);
  await tabAndEnter(page, page.getByRole('button', { name: 'Skriv ut', exact: true }));
  expect(await page.evaluate(() => (window as { printed?: number }).printed)).toBe(1);
  await tabAndEnter(page, page.getByRole('button', { name: 'Tilbake til planen' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Opptrappingsplan: Ola' })).toBeVisible();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
