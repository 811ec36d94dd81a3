/**
 * The only place that configures @dnd-kit: sensors for pointer (mouse, pen, touch) and
 * keyboard, a keyboard coordinate getter that jumps between drop zones, and collision
 * detection that works for both.
 */

import {
  type ClientRect,
  type Collision,
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  type KeyboardSensorOptions,
  type MeasuringConfiguration,
  PointerSensor,
  type PointerSensorOptions,
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

/**
 * The zones under the pointer, nearest first: dnd-kit's `pointerWithin`, reading each
 * zone's position once. (dnd-kit's rects work out their scroll offset on every read of
 * `top`, `left`, `bottom` or `right`, and this runs on every pointer move.)
 */
export const pointerWithinZones: CollisionDetection = ({ droppableContainers, droppableRects, pointerCoordinates }) => {
  if (!pointerCoordinates) return [];
  const { x, y } = pointerCoordinates;
  const collisions: Collision[] = [];
  for (const droppableContainer of droppableContainers) {
    const rect = droppableRects.get(droppableContainer.id);
    if (!rect) continue;
    const { top, left, width, height } = rect;
    const right = left + width;
    const bottom = top + height;
    if (y < top || y > bottom || x < left || x > right) continue;
    // Among nested or overlapping zones, the one whose corners are nearest on average wins.
    const corners = Math.hypot(left - x, top - y) + Math.hypot(right - x, top - y);
    const distance = corners + Math.hypot(left - x, bottom - y) + Math.hypot(right - x, bottom - y);
    collisions.push({
      id: droppableContainer.id,
      data: { droppableContainer, value: Number((distance / 4).toFixed(4)) },
    });
  }
  return collisions.sort((a, b) => a.data!.value - b.data!.value);
};

/** Pointer drags hit what is under the finger; keyboard drags (no pointer) use overlap. */
export const collisionDetection: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithinZones(args) : rectIntersection(args);

/**
 * Zones are measured with one `getBoundingClientRect` each when a drag starts. (dnd-kit's
 * default also reads each zone's computed transform, to undo it; zones are never
 * transformed, only the cards in them.)
 */
function measureZone(element: HTMLElement): ClientRect {
  const { top, left, width, height, bottom, right } = element.getBoundingClientRect();
  return { top, left, width, height, bottom, right };
}

export const measuring: MeasuringConfiguration = { droppable: { measure: measureZone } };

// Sensor options are constants: new option objects would make new sensors on every render
// of the board, and dnd-kit would then hand every card new listeners (on each move and drop).
const POINTER_OPTIONS: PointerSensorOptions = {
  // A few pixels of movement before a drag starts, so a tap stays a tap.
  activationConstraint: { distance: 8 },
};
/** The keys that lift a card for a keyboard drag (dnd-kit's `event.code`). */
const KEYBOARD_START: KeyboardCode[] = [KeyboardCode.Space];

/** Whether a key pressed on a card can start a keyboard drag; others never concern dnd-kit. */
export function startsKeyboardDrag(code: string): boolean {
  return (KEYBOARD_START as string[]).includes(code);
}

const KEYBOARD_OPTIONS: KeyboardSensorOptions = {
  coordinateGetter: jumpToNearestZone,
  // Enter is left to the tap alternative: Enter selects a card, Enter on a zone places it.
  keyboardCodes: {
    start: KEYBOARD_START,
    cancel: [KeyboardCode.Esc],
    end: [KeyboardCode.Space, KeyboardCode.Enter],
  },
};

export function useCardSensors() {
  return useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
}
