/**
 * Motion for cards, loaded lazily so the first screen does not pay for it. MotionConfig
 * with reducedMotion="user" turns transforms off for anyone who asked their device for
 * less motion; CSS does the same for transitions.
 */

import { LazyMotion, MotionConfig } from 'motion/react';
import type { ReactNode } from 'react';

const loadFeatures = () => import('./motion-features').then((module) => module.default);

export function MotionProvider({ children }: { children: ReactNode }) {
  return (
    <LazyMotion features={loadFeatures} strict>
      <MotionConfig reducedMotion="user">{children}</MotionConfig>
    </LazyMotion>
  );
}

export { AnimatePresence } from 'motion/react';
export * as motion from 'motion/react-m';

export const cardMotion = {
  initial: { opacity: 0, scale: 0.92 },
  animate: { opacity: 1, scale: 1 },
  transition: { duration: 0.18 },
} as const;
