/**
 * Hash routes, so a reload lands on the same screen with no server: `#/` the list,
 * `#/ny` (optionally `?elev=<id>`) setup, `#/samtale/<id>` a conversation, whose step is
 * stored in the conversation itself, `#/resultat/<id>` the teacher's review of one,
 * `#/innstillinger` the settings, `#/om` the About screen, and `#/plan/<id>` a step-up
 * plan (`/avtale` its printable cooperation agreement, `/elev` the pupil's "my steps").
 */

import { useSyncExternalStore } from 'react';

export type PlanView = 'edit' | 'agreement' | 'pupil';
const PLAN_VIEW_PATHS: Record<PlanView, string> = { edit: '', agreement: '/avtale', pupil: '/elev' };

export type Route =
  | { name: 'start' }
  | { name: 'setup'; pupilId: string | null }
  | { name: 'conversation'; id: string }
  | { name: 'review'; id: string }
  | { name: 'plan'; id: string; view: PlanView }
  | { name: 'settings' }
  | { name: 'about' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [pathname = '', query = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'ny') return { name: 'setup', pupilId: new URLSearchParams(query).get('elev') };
  if (parts[0] === 'samtale' && parts[1]) return { name: 'conversation', id: parts[1] };
  if (parts[0] === 'resultat' && parts[1]) return { name: 'review', id: parts[1] };
  if (parts[0] === 'plan' && parts[1]) {
    const view = parts[2] === 'avtale' ? 'agreement' : parts[2] === 'elev' ? 'pupil' : 'edit';
    return { name: 'plan', id: parts[1], view };
  }
  if (parts[0] === 'innstillinger') return { name: 'settings' };
  if (parts[0] === 'om') return { name: 'about' };
  return { name: 'start' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'start':
      return '#/';
    case 'setup':
      return route.pupilId ? `#/ny?elev=${encodeURIComponent(route.pupilId)}` : '#/ny';
    case 'conversation':
      return `#/samtale/${encodeURIComponent(route.id)}`;
    case 'review':
      return `#/resultat/${encodeURIComponent(route.id)}`;
    case 'plan':
      return `#/plan/${encodeURIComponent(route.id)}${PLAN_VIEW_PATHS[route.view]}`;
    case 'settings':
      return '#/innstillinger';
    case 'about':
      return '#/om';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
