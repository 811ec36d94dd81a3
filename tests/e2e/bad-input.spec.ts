/**
 * Setup refuses what it must: no alias, something that looks like a national id number,
 * a grade outside 1–10, an empty custom card or one over 60 characters. Each refusal is
 * said in plain Norwegian, and nothing is stored.
 */

import { type Page, expect, test } from '@playwright/test';
import { onlyOnProject, openStart, pointerFor, type Press, waitForHydration } from './support/kortprat';

// Form checks do not depend on the pointer; one project is enough.
onlyOnProject('desktop');

const SUMMARY = 'Rett opp det som er markert, så kan samtalen starte.';

async function openSetup(page: Page, press: Press) {
  await openStart(page);
  await expect(page.getByText('Ingen samtaler ennå. Trykk «Ny samtale» for å begynne.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Ny samtale' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Før samtalen' })).toBeVisible();
}

/** Back to the list, reloaded so the list comes from storage: still nothing there. */
async function expectNothingStored(page: Page, press: Press) {
  await press(page.getByRole('button', { name: 'Avbryt' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
  await expect(page.getByText('Ingen samtaler ennå. Trykk «Ny samtale» for å begynne.')).toBeVisible();
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByText('Ingen samtaler ennå. Trykk «Ny samtale» for å begynne.')).toBeVisible();
  await expect(page.locator('.pupil')).toHaveCount(0);
  await expect(page.locator('.conversation-row')).toHaveCount(0);
}

test('an empty alias and an id number as alias are refused', async ({ page }, info) => {
  const { press } = pointerFor(info);
  await openSetup(page, press);
  const alias = page.getByLabel('Kallenavn');
  const alert = page.getByRole('alert');
  const start = page.getByRole('button', { name: 'Start samtalen' });
  await page.getByLabel('Trinn (1–10)').fill('6');

  await press(start);
  await expect(alert).toContainText(SUMMARY);
  await expect(alert.getByRole('listitem')).toHaveText(['Skriv et kallenavn.']);
  await expect(alias).toHaveAttribute('aria-invalid', 'true');
  await expect(alias).toHaveAccessibleDescription(/Skriv et kallenavn\./);

  // Only spaces is empty too.
  await alias.fill('   ');
  await press(start);
  await expect(alert.getByRole('listitem')).toHaveText(['Skriv et kallenavn.']);

  // An 11-digit number looks like a fødselsnummer, with or without a space.
  const idNumberMessage = 'Dette ligner et fødselsnummer. Bruk et kallenavn eller initialer i stedet.';
  for (const idNumber of ['12345678901', '010203 12345']) {
    await alias.fill(idNumber);
    await press(start);
    await expect(alert.getByRole('listitem')).toHaveText([idNumberMessage]);
    await expect(alias).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(page).toHaveURL(/#\/ny$/);
  await expectNothingStored(page, press);
});

test('a grade outside 1–10 is refused', async ({ page }, info) => {
  const { press } = pointerFor(info);
  await openSetup(page, press);
  await page.getByLabel('Kallenavn').fill('Kim');
  const grade = page.getByLabel('Trinn (1–10)');
  const alert = page.getByRole('alert');
  const start = page.getByRole('button', { name: 'Start samtalen' });

  for (const value of ['0', '11']) {
    await grade.fill(value);
    await press(start);
    await expect(alert).toContainText(SUMMARY);
    await expect(alert.getByRole('listitem')).toHaveText(['Trinnet må være fra 1 til 10.']);
    await expect(grade).toHaveAttribute('aria-invalid', 'true');
  }
  for (const value of ['', 'tre']) {
    await grade.fill(value);
    await press(start);
    await expect(alert.getByRole('listitem')).toHaveText(['Skriv trinnet som et tall fra 1 til 10.']);
  }
  await expect(page).toHaveURL(/#\/ny$/);
  await expectNothingStored(page, press);
});

test('an empty custom card and one over 60 characters are refused', async ({ page }, info) => {
  const { press } = pointerFor(info);
  await openSetup(page, press);
  const text = page.getByLabel('Tekst på nytt kort');
  const add = page.getByRole('button', { name: 'Legg til kort' });
  const alert = page.getByRole('alert');
  const cards = page.locator('.custom-cards li');

  await press(add);
  await expect(alert.getByRole('listitem')).toHaveText(['Kortet trenger en tekst.']);
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await text.fill('    ');
  await press(add);
  await expect(alert.getByRole('listitem')).toHaveText(['Kortet trenger en tekst.']);

  const sixtyOne = 'Gå forbi gymsalen når de andre fra klassen står ute i gangen!';
  expect(sixtyOne).toHaveLength(61);
  await text.fill(sixtyOne);
  await press(add);
  await expect(alert.getByRole('listitem')).toHaveText(['Korttekst kan ha høyst 60 tegn.']);
  await expect(text).toHaveValue(sixtyOne);
  await expect(cards).toHaveCount(0);

  // Exactly 60 is fine, and the message goes away.
  const sixty = sixtyOne.slice(0, 60);
  await text.fill(sixty);
  await press(add);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(sixty);
  await expect(alert).toHaveCount(0);
  await expect(text).toHaveValue('');

  // The same text twice is refused too.
  await text.fill(sixty.toUpperCase());
  await press(add);
  await expect(alert.getByRole('listitem')).toHaveText(['Dette kortet finnes allerede.']);
  await expect(cards).toHaveCount(1);

  // Nothing is stored by adding cards: setup stores only when the conversation starts.
  await expectNothingStored(page, press);
});
