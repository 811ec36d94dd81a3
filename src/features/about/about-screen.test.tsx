import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aConversation, aPupil } from '../../testing/fixtures';
import { renderApp, renderConversation } from '../../testing/render';
import { TEST_PASSPHRASE } from '../../testing/vault';
import { LIBRARIES } from './credits';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const packageJson = readJson('package.json') as { version: string; dependencies: Record<string, string> };
const runtimeDependencies = Object.keys(packageJson.dependencies);
const licenceOf = (name: string) => readJson(`node_modules/${name}/package.json`).license;

describe('the About screen', () => {
  it('opens from the list and credits the pictures and every library, and goes back', async () => {
    const mira = aPupil('Mira');
    const { user } = await renderApp({ seed: { pupils: [mira], conversations: [aConversation(mira)] } });
    await user.click(screen.getByRole('button', { name: 'Om Kortprat' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Om Kortprat' })).toBeVisible();
    expect(window.location.hash).toBe('#/om');
    expect(screen.getByText(`Versjon ${packageJson.version}`)).toBeVisible();

    const pictures = screen.getByRole('region', { name: 'Bilder' });
    expect(
      within(pictures).getByText(/Fluent Emoji Flat, © Microsoft Corporation, brukt under MIT-lisensen/),
    ).toBeVisible();
    expect(within(pictures).getByText(/aldri fra nettet/)).toBeVisible();
    const licence = pictures.querySelector('details');
    expect(licence).not.toBeNull();
    expect(licence).toHaveTextContent('Permission is hereby granted, free of charge');
    await user.click(within(pictures).getByText('Lisensteksten for bildene (på engelsk)'));
    expect(licence).toHaveAttribute('open');

    const software = screen.getByRole('region', { name: 'Programvare' });
    for (const name of runtimeDependencies) {
      const row = within(software).getByRole('cell', { name }).closest('tr')!;
      expect(row).toHaveTextContent(String(licenceOf(name)));
    }
    expect(within(software).getByRole('cell', { name: 'workbox (gjennom vite-plugin-pwa)' })).toBeVisible();
    // Nothing on this screen loads or links to another origin.
    expect(document.querySelector('main a[href^="http"], main img[src^="http"]')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Til samtalelisten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Mira' })).toBeVisible();
  });

  it('is behind the passphrase while a pupil has the tablet, like every adult screen', async () => {
    const { user } = await renderConversation({ step: 'causes' });
    window.location.hash = '#/om';
    expect(await screen.findByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Om Kortprat' })).not.toBeInTheDocument();

    await user.type(await screen.findByLabelText('Passordfrase'), `${TEST_PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Om Kortprat' })).toBeVisible();
  });
});

describe('the credits', () => {
  it('name every runtime dependency with the licence its package declares', () => {
    const credited = LIBRARIES.filter((library) => !library.via).map((library) => library.name);
    expect([...credited].sort()).toEqual([...runtimeDependencies, 'vite-plugin-pwa'].sort());
    for (const library of LIBRARIES.filter((l) => !l.via)) {
      expect(library.licence, library.name).toBe(licenceOf(library.name));
    }
  });

  it('name workbox with the licence of every workbox package the PWA plugin brings', () => {
    const workbox = LIBRARIES.find((library) => library.name === 'workbox');
    const packages = ['workbox-window', 'workbox-core', 'workbox-precaching', 'workbox-routing'];
    for (const name of packages) expect(licenceOf(name), name).toBe(workbox?.licence);
  });
});
