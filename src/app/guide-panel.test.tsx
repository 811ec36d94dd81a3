import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../testing/fixtures';
import { renderConversation } from '../testing/render';

const toggle = () => screen.getByRole('button', { name: 'Samtaletips' });
const panel = () => screen.getByRole('complementary', { name: 'Samtaletips' });
const queryPanel = () => screen.queryByRole('complementary', { name: 'Samtaletips' });
/** Everything the pupil's step shows: heading, intro, cards, prompts, buttons. */
const pupilText = () => document.querySelector('.step')?.textContent ?? '';

describe('the conversation guide', () => {
  it('opens and closes with one tap on "Samtaletips", with tips for the welcome step', async () => {
    const { user } = await renderConversation({ step: 'welcome' });
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(queryPanel()).not.toBeInTheDocument();

    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(toggle()).toHaveAttribute('aria-controls', panel().id);
    expect(within(panel()).getByRole('heading', { name: 'Til steget «Velkommen»' })).toBeVisible();
    expect(
      within(panel()).getByText(/Jeg vil gjerne forstå hvordan skoledagene dine er, så vi kan gjøre dem bedre/),
    ).toBeVisible();
    expect(within(panel()).getAllByRole('listitem').length).toBeGreaterThanOrEqual(3);
    // The step is still there beside (or beneath) the guide.
    expect(screen.getByRole('heading', { level: 1 })).toBeVisible();

    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(queryPanel()).not.toBeInTheDocument();
  });

  it('stays open from step to step and asks about the hardest card by name and number on the scale', async () => {
    const { user } = await renderConversation({
      step: 'sort',
      settings: { scaleKind: 'trivsel' },
      ratings: { norsk: 5, matte: 2, musikk: 9 },
    });
    await user.click(toggle());
    expect(within(panel()).getByRole('heading', { name: 'Til steget «Sortere»' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Videre' }));
    expect(await within(panel()).findByRole('heading', { name: 'Til steget «Skala»' })).toBeVisible();
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(within(panel()).getByText('Du la Matte på 2. Kan du fortelle om en gang det var sånn?')).toBeVisible();
    expect(within(panel()).getByText('Du la Musikk på 9. Hva er det som gjør at det går bra der?')).toBeVisible();
  });

  it("says back the feelings and body signs the pupil chose for the card being explored, or asks in the adult's own words", async () => {
    const { user } = await renderConversation({
      step: 'explore',
      ratings: { matte: 1, norsk: 2 },
      answers: { matte: { feelings: { choices: ['redd', 'flau'] }, body: { choices: ['vondt-i-magen'] } } },
      exploreCursor: { card: 0, part: 3 },
    });
    await user.click(toggle());
    expect(
      within(panel()).getByText(
        'Når det gjelder Matte, har jeg forstått det sånn: du kjenner deg redd og flau, og du får vondt i magen. Stemmer det?',
      ),
    ).toBeVisible();

    // The next card has no choices yet: a summary in the adult's own words.
    await user.click(screen.getByRole('button', { name: 'Videre' }));
    await user.click(screen.getByRole('button', { name: 'Videre' }));
    expect(
      await within(panel()).findByText('Så når det gjelder Norsk, er det sånn at … Har jeg forstått deg riktig?'),
    ).toBeVisible();
  });

  it('gives the youngest (grade 4 and below) shorter, more concrete questions', async () => {
    const { user } = await renderConversation({
      step: 'scale',
      settings: { grade: 3 },
      ratings: { matte: 2, musikk: 9 },
    });
    await user.click(toggle());
    expect(within(panel()).getByText('Tilpasset de yngste: korte, konkrete spørsmål.')).toBeVisible();
    expect(within(panel()).getByText('Du la Matte på 2. Hva skjedde sist?')).toBeVisible();
    expect(within(panel()).getByText('Du bestemmer tallet.')).toBeVisible();
    expect(within(panel()).queryByText(/Kan du fortelle om en gang/)).not.toBeInTheDocument();
  });

  it("is in the adult's language when the pupil has the conversation in another", async () => {
    const { user } = await renderConversation({
      step: 'scale',
      settings: { language: 'uk' },
      ratings: { matte: 2, musikk: 9 },
    });
    expect(document.documentElement).toHaveAttribute('lang', 'uk');
    const heading = screen.getByRole('heading', { level: 1 }).textContent;
    expect(toggle()).toHaveAttribute('lang', 'nb');
    await user.click(toggle());
    expect(panel()).toHaveAttribute('lang', 'nb');
    expect(panel()).toHaveAttribute('dir', 'ltr');
    // The card by its bokmål name, for the adult to ask in their own words.
    expect(within(panel()).getByText('Du la Matte på 2. Kan du fortelle om en gang det var sånn?')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(heading!);
  });
});

describe('"the pupil told me something worrying"', () => {
  it('saves the note and the flag, and changes nothing the pupil sees', async () => {
    const { user, saved } = await renderConversation({
      step: 'explore',
      ratings: { matte: 1, norsk: 2 },
      exploreCursor: { card: 0, part: 2 },
    });
    const before = pupilText();
    const title = screen.getByRole('heading', { level: 1 }).textContent;
    expect(before).toContain('Matte');

    await user.click(toggle());
    const open = within(panel()).getByRole('button', { name: 'Eleven fortalte noe som bekymrer meg' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const concern = within(panel()).getByRole('region', { name: 'Når eleven har fortalt noe som bekymrer deg' });
    expect(within(concern).getByText(/Ikke lov å holde det hemmelig/)).toBeVisible();
    expect(within(concern).getByText(/barnevernet/)).toBeVisible();

    await user.type(
      within(concern).getByLabelText('Elevens egne ord, og hva du har gjort'),
      'Hun sa: «Jeg er redd hjemme.»',
    );
    await user.click(within(concern).getByRole('checkbox', { name: 'Marker samtalen med bekymring' }));
    expect(within(panel()).getByText('Samtalen er markert med bekymring.')).toBeVisible();

    const stored = await saved();
    expect(stored.adult.concern).toEqual({ flagged: true, note: 'Hun sa: «Jeg er redd hjemme.»', at: TEST_NOW });
    // The pupil's answers and place are as they were.
    expect(stored.answers).toEqual({});
    expect(stored.exploreCursor).toEqual({ card: 0, part: 2 });

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title!);
    expect(pupilText()).toBe(before);
    await user.click(toggle());
    expect(pupilText()).toBe(before);
  });

  it("saves the adult's notes as typed", async () => {
    const { user, saved } = await renderConversation({ step: 'causes' });
    await user.click(toggle());
    await user.type(within(panel()).getByLabelText('Notater (bare for den voksne)'), 'Rolig start.');
    expect((await saved()).adult.notes).toBe('Rolig start.');
    expect((await saved()).adult.concern.flagged).toBe(false);
  });
});
