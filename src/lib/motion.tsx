/**
 * Motion for the conversation. MotionProvider loads motion's features lazily, so the
 * first screen does not pay for them, and with reducedMotion="user" turns transforms off
 * for anyone who asked their device for less motion; CSS does the same for transitions.
 *
 * The board itself runs no script for motion. The sixty cards on a scale fade and grow in
 * where they land (`.card-enter` in styles.css), and the dragged card rises and tilts under
 * the finger (`.card-lift`), both CSS animations: they start with the element and run
 * without script, so neither a drop nor the start of a drag on a cheap tablet spends
 * anything on them (a spring from motion for the lift cost up to 20 ms in the task that
 * starts a drag). Reduced motion turns both off.
 *
 * Motion itself moves what opens beside the conversation, once, when the adult asks for it:
 * the guide panel settles into place with a spring (`usePanelMotion`).
 */

import { LazyMotion, MotionConfig, useReducedMotion } from 'motion/react';
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

/**
 * A panel rises a little into place as it opens. Only a transform, never opacity: the
 * text has its full contrast from the first frame (and axe reads it so). With less motion
 * asked for, it starts where it ends (MotionConfig alone would show it 16 px low for the
 * first frames, then jump).
 */
export function usePanelMotion() {
  const still = useReducedMotion();
  return {
    initial: still ? false : { y: 16 },
    animate: { y: 0 },
    transition: { type: 'spring', stiffness: 420, damping: 32 },
  } as const;
}

/** The class that makes a card fade and grow in as it appears. */
export const CARD_ENTER_CLASS = 'card-enter';

/** The class that makes the dragged card rise a little and tilt, as a card picked up from a table does. */
export const CARD_LIFT_CLASS = 'card-lift';

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
