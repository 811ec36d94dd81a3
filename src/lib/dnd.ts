/**
 * The only place that configures @dnd-kit: sensors for pointer (mouse, pen, touch) and
 * keyboard, a keyboard coordinate getter that jumps between drop zones, and collision
 * detection that works for both.
 */

import {
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  [KeyboardCode.Right]: { x: 1, y: 0 },
  [KeyboardCode.Left]: { x: -1, y: 0 },
  [KeyboardCode.Down]: { x: 0, y: 1 },
  [KeyboardCode.Up]: { x: 0, y: -1 },
};

/**
 * Arrow keys move the lifted card to the nearest drop zone in that direction (measured
 * from the card's centre), so a keyboard user steps zone by zone instead of pixel by pixel.
 */
export const jumpToNearestZone: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = DIRECTIONS[event.code];
  const rect = context.collisionRect;
  if (!direction || !rect) return undefined;
  event.preventDefault();
  const here = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const overId = context.over?.id;
  let best: { x: number; y: number; score: number } | null = null;
  for (const [id, zone] of context.droppableRects) {
    if (id === overId || context.droppableContainers.get(id)?.disabled) continue;
    const centre = { x: zone.left + zone.width / 2, y: zone.top + zone.height / 2 };
    const dx = centre.x - here.x;
    const dy = centre.y - here.y;
    const along = dx * direction.x + dy * direction.y;
    if (along <= 1) continue;
    const across = Math.abs(dx * direction.y) + Math.abs(dy * direction.x);
    // Prefer zones straight ahead over ones that are merely closer but off to the side.
    const score = along + across * 2;
    if (!best || score < best.score) best = { ...centre, score };
  }
  if (!best) return currentCoordinates;
  return { x: best.x - rect.width / 2, y: best.y - rect.height / 2 };
};

/** Pointer drags hit what is under the finger; keyboard drags (no pointer) use overlap. */
export const collisionDetection: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);

export function useCardSensors() {
  return useSensors(
    // A few pixels of movement before a drag starts, so a tap stays a tap.
    useSensor(PointerSensor, { activationConstraint: { distance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: jumpToNearestZone,
      // Enter is left to the tap alternative: Enter selects a card, Enter on a zone places it.
      keyboardCodes: {
        start: [KeyboardCode.Space],
        cancel: [KeyboardCode.Esc],
        end: [KeyboardCode.Space, KeyboardCode.Enter],
      },
    }),
  );
}
