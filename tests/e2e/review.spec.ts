/**
 * The teacher's review in real Chromium: a finished conversation opens as a structured
 * summary (graded list hardest first, the hardest card part by part), a second
 * conversation with the same pupil shows each situation's change and a chart of its
 * course, and the print stylesheet lays it out on A4 portrait without the app's chrome.
 */

import { type Page, expect, test } from '@playwright/test';
import { createConversation, expectStep, finishConversationWith, onlyOnProject } from './support/kortprat';

onlyOnProject('desktop');

function rows(page: Page) {
  return page.locator('.review__graded tbody tr');
}

test('the review lists the situations hardest first, details the hardest, charts the course and prints on A4', async ({
  page,
}) => {
  test.slow();
  await createConversation(page, { alias: 'Ola', grade: '7', withoutDecks: ['Lærere', 'Situasjoner'] });
  await finishConversationWith(page, { matte: 2, norsk: 6, musikk: 9 }, ['Redd', 'Flau']);

  await expect(rows(page)).toHaveCount(3);
  expect(await rows(page).locator('th').allTextContents()).toEqual(['Matte', 'Norsk', 'Musikk']);
  await expect(rows(page).locator('.review__change')).toHaveText(['Ny', 'Ny', 'Ny']);
  const matte = page.locator('.review__explored[data-card-id="matte"]');
  await expect(matte.locator('[data-part="situation"] dd')).toHaveText('Når læreren ser på meg');
  await expect(matte.locator('[data-part="feelings"] dd')).toHaveText('Redd, Flau');
  await expect(matte.locator('[data-part="body"] dd')).toHaveText('Ikke besvart');

  // A second conversation with Ola, two weeks of steps later: Matte is easier now.
  await page.getByRole('button', { name: 'Til samtalelisten' }).click();
  await page.getByRole('button', { name: 'Ny samtale med Ola' }).click();
  await page.getByRole('button', { name: 'Start samtalen' }).click();
  await expectStep(page, 'welcome');
  await finishConversationWith(page, { matte: 5, norsk: 6, musikk: 10 }, ['Nervøs']);

  expect(await rows(page).locator('th').allTextContents()).toEqual(['Matte', 'Norsk', 'Musikk']);
  await expect(rows(page).locator('.review__change')).toHaveText(['3 trinn lettere', 'Som sist', '1 trinn lettere']);
  const chart = page.getByRole('img', { name: /^Forløp for Matte: / });
  await expect(chart).toHaveAttribute('data-points', '9 6');
  await expect(chart.locator('circle')).toHaveCount(2);
  await expect(page.getByText('Samtaler med eleven').locator('+ dd')).toHaveText('2');
  await page.getByRole('textbox', { name: 'Den voksnes notater' }).fill('Ring mor fredag.');

  // Print: A4 portrait, no buttons, the notes as text, nothing wider than the page.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.review__actions')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Til samtalelisten' })).toBeHidden();
  await expect(page.locator('.review__notes-print')).toHaveText('Ring mor fredag.');
  await expect(page.locator('.review__notes-input')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  const table = (await page.locator('.review__graded table').boundingBox())!;
  expect(table.x + table.width).toBeLessThanOrEqual(794);
  // Black on white.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: test.info().outputPath('review-print.png'), fullPage: true });

  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(3);
});
