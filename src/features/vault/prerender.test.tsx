import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../locales/en/translation.json';
import nb from '../../../locales/nb/translation.json';
import nn from '../../../locales/nn/translation.json';
import { ADULT_LANGUAGE_KEY } from '../../lib/adult-language';
import { ADULT_LANGUAGES, switchLanguage } from '../../lib/i18n';
import { renderApp } from '../../testing/render';
import { PICK_LANGUAGE_SCRIPT, lockScreenMarkup, prerenderedRoot } from './prerender';

const INTRO = { nb: nb.vault.unlock.intro, nn: nn.vault.unlock.intro, en: en.vault.unlock.intro };

afterEach(async () => {
  localStorage.clear();
  await switchLanguage('nb');
  document.body.replaceChildren();
});

function parse(markup: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  return holder;
}

// Attributes that differ on purpose: ids (React numbers them differently on the server),
// what the prerendered picture disables, and what React sets as properties in the browser.
const IGNORED = new Set(['id', 'for', 'aria-describedby', 'disabled', 'autofocus', 'inert', 'value']);

/** The element's tree as text: tags, the attributes that matter (sorted), and the words. */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const attributes = [...node.attributes]
    .filter((attribute) => !IGNORED.has(attribute.name.toLowerCase()))
    .map((attribute) => `${attribute.name.toLowerCase()}="${attribute.value}"`)
    .sort();
  const children = [...node.childNodes].map(shape).join('');
  return `<${node.localName}${attributes.map((attribute) => ` ${attribute}`).join('')}>${children}</${node.localName}>`;
}

describe('the lock screen prerendered into index.html', () => {
  it('shows the lock screen in bokmål by default, with nothing in it usable and the whole inert', () => {
    const page = parse(lockScreenMarkup());
    const app = page.querySelector('.app')!;
    expect(app).toHaveAttribute('inert');
    expect(page.querySelector('h1')).toHaveTextContent('Kortprat er låst');
    const field = page.querySelector('input[type="password"]')!;
    expect(field).toBeDisabled();
    expect(page.querySelector(`label[for="${field.id}"]`)).toHaveTextContent('Passordfrase');
    for (const button of page.querySelectorAll('button')) expect(button).toBeDisabled();
  });

  it.each(ADULT_LANGUAGES)(
    'is the same screen as the app draws on a locked tablet in %s, so nothing moves when the app takes over',
    async (language) => {
      // As main.tsx does before the first render.
      localStorage.setItem(ADULT_LANGUAGE_KEY, language);
      await switchLanguage(language);
      const { container } = await renderApp({ vault: 'locked' });
      const live = container.querySelector('.vault')!;
      const prerendered = parse(lockScreenMarkup(language)).querySelector('.vault')!;
      expect(prerendered).toHaveTextContent(INTRO[language]);
      expect(shape(prerendered)).toBe(shape(live));
      expect(prerendered.closest('main')?.id).toBe(live.closest('main')?.id);
    },
  );
});

describe("the page's script that picks the lock screen's language", () => {
  /** The body index.html gets, with its script run as the parser would run it. */
  function loadPage() {
    document.body.innerHTML = prerenderedRoot();
    expect(document.querySelector('body > script')?.textContent).toBe(PICK_LANGUAGE_SCRIPT);
    document.documentElement.lang = 'nb';
    new Function(PICK_LANGUAGE_SCRIPT)();
    return document.getElementById('root')!;
  }

  it.each(['nn', 'en'] as const)('puts the %s picture in place of bokmål when the adult chose it', (language) => {
    localStorage.setItem(ADULT_LANGUAGE_KEY, language);
    const root = loadPage();
    expect(root).toHaveTextContent(INTRO[language]);
    expect(root).not.toHaveTextContent(INTRO.nb);
    expect(root.querySelectorAll('.vault')).toHaveLength(1);
    expect(root.querySelector('.app')).toHaveAttribute('inert');
    expect(document.documentElement.lang).toBe(language);
  });

  it.each([
    ['bokmål chosen', 'nb'],
    ['nothing chosen', null],
    ['something else stored', 'de"]'],
  ])('leaves bokmål with %s', (_, stored) => {
    if (stored !== null) localStorage.setItem(ADULT_LANGUAGE_KEY, stored);
    const root = loadPage();
    expect(root).toHaveTextContent(INTRO.nb);
    expect(document.documentElement.lang).toBe('nb');
  });
});
