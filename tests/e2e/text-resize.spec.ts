/**
 * Text at 200 % (WCAG 1.4.4): with the browser's own text-size setting doubled (a default
 * font size of 32 px; the app sizes its text in rem and em and its breakpoints in em), the
 * sort step, the scale, the review and the plan editor on a tablet neither scroll
 * sideways nor cut text off, and a card deep in the tray can still be reached.
 */

import { expect, test } from '@playwright/test';
import { expectNoViolations, expectNothingClipped } from './support/checks';
import { card, createConversation, finishConversationWith, onlyOnProject } from './support/kortprat';

onlyOnProject('desktop');

test('with text at 200 % the sort step, the scale, the review and the plan editor fit and cut nothing off', async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  // The browser's own text-size setting at 200 %: a default font size of 32 px, not 16.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  await createConversation(page, {
    alias: 'Ola',
    grade: '7',
    teacher1: 'Kari Nordmann-Haugen',
    withoutDecks: ['Situasjoner'],
    customCards: ['Sitte ved siden av noen jeg ikke kjenner i kantina'],
  });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('36px');

  await finishConversationWith(page, { matte: 2, 'gym-garderobe': 4, 'laerer-1': 9 }, ['Redd'], {
    onSort: async () => {
      await card(page, 'engelsk').click();
      await expectNothingClipped(page, 'sort, a card picked');
      await card(page, 'engelsk').click();
    },
    onScale: () => expectNothingClipped(page, 'scale, every card on a number'),
  });
  await expectNothingClipped(page, 'review');
  // The graded list's six columns no longer fit: the table scrolls in its own box, which
  // takes focus so the arrow keys can scroll it.
  await expect(page.locator('.review__graded .table-scroll[role="region"][tabindex="0"]')).toHaveCount(1);
  await expectNoViolations(page, 'review at 200 %');

  await page.getByRole('button', { name: 'Lag opptrappingsplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opptrappingsplan: Ola' })).toBeVisible();
  await page
    .getByRole('region', { name: /^Trinn 1 / })
    .getByRole('button', { name: 'Legg til tiltak' })
    .click();
  await expectNothingClipped(page, 'plan editor with the measures bank open');
  await expectNoViolations(page, 'plan editor at 200 %');
});
