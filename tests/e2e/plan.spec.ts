/**
 * From a finished conversation to a step-up plan and a printed cooperation agreement, in
 * real Chromium: the draft from the graded list (easiest hard situation first), edits
 * kept across a reload, a measure from the bank with who and by when, a setback that adds
 * a new step-up, the agreement on A4 with print media emulated, and the pupil's own
 * view; axe on every plan screen at tablet and phone size.
 */

import { type Page, expect, test } from '@playwright/test';
import { expectNoViolations, expectTouchFriendly } from './support/checks';
import { createConversation, finishConversationWith, onlyOnProject, unlock } from './support/kortprat';

onlyOnProject('desktop');

function step(page: Page, number: number) {
  return page.getByRole('region', { name: new RegExp(`^Trinn ${number} `) });
}

async function situations(page: Page): Promise<string[][]> {
  return page
    .locator('.plan-step')
    .evaluateAll((steps) =>
      steps.map((li) => [...li.querySelectorAll('.plan-step__label')].map((label) => label.textContent ?? '')),
    );
}

test('a finished conversation becomes a plan, is edited, steps back, and prints as an agreement', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  await createConversation(page, { alias: 'Ola', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] });
  // Trivsel: 2 is hard (difficulty 9), 4 fairly hard (7), 9 fine.
  await finishConversationWith(page, { matte: 2, norsk: 4, musikk: 9 }, ['Redd']);

  await page.getByRole('button', { name: 'Lag opptrappingsplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opptrappingsplan: Ola' })).toBeVisible();
  expect(await situations(page)).toEqual([['Norsk'], ['Matte']]);
  await expect(page.getByText('Utkast', { exact: true })).toBeVisible();

  await page.getByRole('textbox', { name: 'Langsiktig mål' }).fill('Hele skoledager etter vinterferien');
  const first = step(page, 1);
  await first.getByRole('textbox', { name: 'Dette deltar eleven i' }).fill('Første halvtime av norsktimen');
  await first.getByRole('textbox', { name: 'Slik ser vi at trinnet er nådd' }).fill('Med i fire av fem timer');
  await first.getByRole('button', { name: 'Legg til tiltak' }).click();
  const picker = first.getByRole('group', { name: 'Tiltaksbanken' });
  await picker.getByRole('combobox', { name: 'Situasjon' }).selectOption('');
  await picker.getByRole('searchbox', { name: 'Søk i tiltakene' }).fill('porten');
  const add = picker.getByRole('button', { name: /^Legg til: / }).first();
  const measure = (await add.getAttribute('aria-label'))!.replace('Legg til: ', '');
  await add.click();
  const row = first.locator('.plan-measure', { hasText: measure });
  await row.getByRole('combobox', { name: 'Ansvarlig' }).selectOption({ label: 'Foreldre/foresatte' });
  await row.getByLabel('Frist').fill('2030-01-15');
  // A measure in the school's own words, kept for every plan on this tablet.
  await picker.getByLabel('Beskriv tiltaket').fill('Fast plass ved døra');
  await picker.getByRole('button', { name: 'Legg til eget tiltak' }).click();
  await expect(first.locator('.plan-measure', { hasText: 'Fast plass ved døra' })).toBeVisible();
  await expectNoViolations(page, 'plan editor with the measures bank open (tablet)');

  // Nothing lost: a reload comes back to the plan with every word and choice.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Opptrappingsplan: Ola' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Langsiktig mål' })).toHaveValue('Hele skoledager etter vinterferien');
  await expect(first.getByRole('textbox', { name: 'Dette deltar eleven i' })).toHaveValue(
    'Første halvtime av norsktimen',
  );
  const kept = first.locator('.plan-measure', { hasText: measure });
  await expect(kept.getByRole('combobox', { name: 'Ansvarlig' })).toHaveValue('foresatte');
  await expect(kept.getByLabel('Frist')).toHaveValue('2030-01-15');

  // Follow-up: step 1 reached, step 2 a setback, which adds a new step-up and keeps the old one.
  await first.getByRole('radio', { name: 'Nådd', exact: true }).check();
  await step(page, 2).getByRole('radio', { name: 'Tilbakeskritt' }).check();
  expect(await situations(page)).toEqual([['Norsk'], ['Matte'], ['Matte']]);
  await expect(step(page, 3).getByText('Nytt forsøk etter tilbakeskritt på trinn 2')).toBeVisible();
  await expect(step(page, 2).getByRole('radio', { name: 'Tilbakeskritt' })).toBeChecked();

  await page.getByRole('textbox', { name: 'Plan B' }).fill('Kontaktlærer ringer hjem før 08.30.');
  await page.getByRole('button', { name: 'Marker planen som avtalt' }).click();
  await expect(page.getByText(/^Avtalt /).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Langsiktig mål' })).toBeDisabled();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoViolations(page, 'plan editor, agreed (phone)');
  await expectTouchFriendly(page, 'plan editor (phone)');
  await page.setViewportSize({ width: 1024, height: 768 });

  // The pupil's view: their steps, the one they are on marked.
  await page.getByRole('button', { name: 'Vis for eleven' }).click();
  const mine = page.getByRole('article', { name: 'Mine trinn' });
  await expect(mine).toBeVisible();
  await expect(mine.locator('.my-plan__step')).toHaveCount(3);
  await expect(mine.locator('[aria-current="step"] h2')).toHaveText(/^Trinn 2/);
  await expect(mine.getByText('Første halvtime av norsktimen')).toBeVisible();
  await expectNoViolations(page, "the pupil's steps");
  await page.getByRole('button', { name: 'Tilbake til planen' }).click();

  // The agreement, printed: A4 portrait, no buttons, black on white, signature lines.
  await page.getByRole('button', { name: 'Skriv ut samarbeidsavtale' }).click();
  const agreement = page.getByRole('article', { name: 'Samarbeidsavtale' });
  await expect(agreement).toBeVisible();
  await expectNoViolations(page, 'cooperation agreement');
  await expect(agreement.getByText('Hele skoledager etter vinterferien')).toBeVisible();
  await expect(agreement.getByText('Kontaktlærer ringer hjem før 08.30.')).toBeVisible();
  const measureRow = agreement.getByRole('row', {
    name: new RegExp(measure.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  });
  await expect(measureRow.getByRole('cell')).toHaveText([measure, '1', 'Foreldre/foresatte', /15\.? ?jan\.? 2030/]);
  await expect(agreement.locator('[data-signer]')).toHaveText([
    'Underskrift: Kontaktlærer',
    'Underskrift: Eleven',
    'Underskrift: Foreldre/foresatte',
  ]);

  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Skriv ut', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Tilbake til planen' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  const colours = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    heading: getComputedStyle(document.querySelector('.agreement h1')!).color,
    cell: getComputedStyle(document.querySelector('.agreement__table td')!).color,
  }));
  expect(colours).toEqual({ background: 'rgb(255, 255, 255)', heading: 'rgb(0, 0, 0)', cell: 'rgb(0, 0, 0)' });
  await page.screenshot({ path: test.info().outputPath('agreement-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(4);

  // The school's own measure is listed in the settings, where the adult can take it off the list.
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Tilbake til planen' }).click();
  await page.getByRole('button', { name: 'Tilbake til resultatet' }).click();
  await page.getByRole('button', { name: 'Til samtalelisten' }).click();
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const school = page.getByRole('region', { name: 'Skolens egne tiltak' });
  await expect(school.getByRole('listitem')).toHaveText([/^Fast plass ved døra/]);
  await expectNoViolations(page, "settings with the school's own measures (phone)");
  await expectTouchFriendly(page, 'settings (phone)');
  // In new words: the form in place of the line, its field focused.
  await school.getByRole('button', { name: 'Endre «Fast plass ved døra»' }).click();
  const words = school.getByLabel('Nye ord for tiltaket');
  await expect(words).toBeFocused();
  await expectNoViolations(page, "putting a school's measure in new words (phone)");
  await expectTouchFriendly(page, "the school's measure in new words (phone)");
  await words.fill('Fast plass ved døra i alle timer');
  await school.getByRole('button', { name: 'Lagre' }).click();
  await expect(school.getByText('Tiltaket heter nå «Fast plass ved døra i alle timer».')).toBeVisible();
  await expect(school.getByRole('button', { name: 'Endre «Fast plass ved døra i alle timer»' })).toBeFocused();
  await school.getByRole('button', { name: 'Fjern «Fast plass ved døra i alle timer»' }).click();
  await expectNoViolations(page, "taking a measure off the school's list: the confirmation (phone)");
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, fjern' }).click();
  await expect(school.getByText('«Fast plass ved døra i alle timer» er fjernet.')).toBeVisible();
  await expect(school.getByRole('listitem')).toHaveCount(0);
});
