/**
 * Motion for the conversation. MotionProvider loads motion's features lazily, so the
 * first screen does not pay for them, and with reducedMotion="user" turns transforms off
 * for anyone who asked their device for less motion; CSS does the same for transitions.
 *
 * A dragged card lifts under the finger with a spring (`liftMotion`): one element per drag.
 * The sixty cards on a scale do not use motion: they fade and grow in where they land
 * with a CSS animation (`.card-enter` in styles.css), which starts with the element and
 * runs without script, so a drop on a cheap tablet spends nothing on it. Reduced motion
 * turns both off.
 */

import { LazyMotion, MotionConfig } from 'motion/react';
import { type ReactNode, createContext, useContext, useEffect, useState } from 'react';

const loadFeatures = () => import('./motion-features').then((module) => module.default);

export function MotionProvider({ children }: { children: ReactNode }) {
  return (
    <LazyMotion features={loadFeatures} strict>
      <MotionConfig reducedMotion="user">{children}</MotionConfig>
    </LazyMotion>
  );
}

export * as motion from 'motion/react-m';

/** The dragged card rises a little and tilts, as a card picked up from a table does. */
export const liftMotion = {
  initial: { scale: 1, rotate: 0 },
  animate: { scale: 1.06, rotate: -2 },
  transition: { type: 'spring', stiffness: 500, damping: 30 },
} as const;

/** The class that makes a card fade and grow in as it appears. */
export const CARD_ENTER_CLASS = 'card-enter';

interface Entrance {
  /** Whether a card appearing now comes in with the animation. */
  enters(): boolean;
  settle(): void;
}

const always: Entrance = { enters: () => true, settle: () => undefined };
const EntranceContext = createContext<Entrance>(always);

/**
 * Cards that are inside on the first render are simply there; cards that appear later
 * (moved back, another deck shown) come in with the animation.
 */
export function QuietFirstRender({ children }: { children: ReactNode }) {
  const [entrance] = useState<Entrance>(() => {
    let settled = false;
    return {
      enters: () => settled,
      settle() {
        settled = true;
      },
    };
  });
  useEffect(() => entrance.settle(), [entrance]);
  return <EntranceContext.Provider value={entrance}>{children}</EntranceContext.Provider>;
}

/** Whether the card being mounted comes in with the animation; decided once, when it mounts. */
export function useCardEnters(): boolean {
  const entrance = useContext(EntranceContext);
  const [enters] = useState(entrance.enters);
  return enters;
}
