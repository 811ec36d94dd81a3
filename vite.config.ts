import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import packageJson from './package.json' with { type: 'json' };
import { createModuleLoader } from './scripts/module-loader.mjs';

/**
 * The built app may load and contact nothing but its own origin. The policy goes in a
 * meta tag of the production build only: the dev server needs an inline script for
 * React's hot reload. (frame-ancestors cannot be set from a meta tag; a host that serves
 * the app should send it as a header.) Of inline scripts it allows only those the build
 * itself wrote into index.html, each by its hash: the one that picks the lock screen's
 * language (see prerenderLockScreen).
 */
function contentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** The hashes, in CSP form, of the scripts written inline in a page (those without `src`). */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
}

function contentSecurityPolicyTag(): Plugin {
  return {
    name: 'kortprat-content-security-policy',
    apply: 'build',
    // Last, so that every inline script of the page is in it.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(inlineScriptHashes(html)) },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * The stylesheet first in the page's head. Vite writes it after the entry script and the
 * five scripts that script preloads; a browser opens at most six connections to a host
 * over HTTP/1.1, so the stylesheet, which the first paint waits for, was the seventh
 * request and waited for a free one: the lock screen painted about 200 ms later than the
 * same page without scripts (traced at 4× CPU throttling).
 */
function stylesheetFirst(): Plugin {
  return {
    name: 'kortprat-stylesheet-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const stylesheets = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        const rest = stylesheets.reduce((page, link) => page.replace(link, ''), html);
        const firstScript = rest.search(/[ \t]*<(script|link rel="modulepreload")\b/);
        if (stylesheets.length === 0 || firstScript < 0) return html;
        return rest.slice(0, firstScript) + stylesheets.join('') + rest.slice(firstScript);
      },
    },
  };
}

/**
 * The lock screen, drawn by the page itself before the script runs
 * (src/features/vault/prerender.tsx). The module is loaded through Vite (the dev server,
 * or a short-lived one for a build), so the app's source stays out of this config.
 */
function prerenderLockScreen(): Plugin {
  const root = '<div id="root"></div>';
  return {
    name: 'kortprat-prerender-lock-screen',
    async transformIndexHtml(html, { server }) {
      if (!html.includes(root)) throw new Error(`index.html has no ${root} to prerender the lock screen into`);
      const loader = server ?? (await createModuleLoader(import.meta.dirname));
      try {
        const { prerenderedRoot } = (await loader.ssrLoadModule('/src/features/vault/prerender.tsx')) as {
          prerenderedRoot(): string;
        };
        return html.replace(root, prerenderedRoot());
      } finally {
        if (!server) await loader.close();
      }
    },
  };
}

/**
 * Offline after the first visit: a service worker precaches the whole build (every lazy
 * step, both locales, the icon). It never takes over by itself: the app offers the
 * update on the adult's start screen and applies it only after saving.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['icon.svg'],
  manifest: {
    name: 'Kortprat',
    short_name: 'Kortprat',
    description: 'Kort og skala for elevsamtalen, lagret bare på dette nettbrettet.',
    lang: 'nb',
    display: 'standalone',
    start_url: '.',
    scope: '.',
    background_color: '#fbfaf7',
    theme_color: '#1f5fa8',
    icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,json,webmanifest,txt}'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  publicDir: 'assets/static',
  // The About screen shows the version; tests see the same value.
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  plugins: [react(), contentSecurityPolicyTag(), prerenderLockScreen(), stylesheetFirst(), offline],
  build: {
    target: 'es2022',
    // Source maps stay out of the kiosk build; the bundle is checked by the benchmark.
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'locales/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Vitest would use one worker on a two-core machine; the screen tests spend much of
    // their time waiting, so two finish in about two thirds of the time.
    maxWorkers: 2,
  },
});
