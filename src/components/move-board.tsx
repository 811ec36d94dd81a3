/**
 * A board of cards and drop zones shared by the sort and scale steps. Every move works
 * three ways: drag (mouse, pen, touch), keyboard drag (Space, arrows, Space), and tap
 * (tap a card, then tap a zone's button; Enter works the same). Each move is announced
 * to screen readers in the UI language.
 *
 * A full scale holds some sixty cards, dragged on cheap tablets, so the board keeps a drag
 * from touching them all: cards are memoised and follow what concerns them (picked,
 * dragged) through small stores instead of one context value; only the pressed card is
 * registered with dnd-kit (DragSource); and a zone re-renders only its section when a
 * drag comes over it.
 */

import {
  type Announcements,
  DndContext,
  DragOverlay,
  type DragEndEvent,
  type DragStartEvent,
  type DraggableSyntheticListeners,
  type UniqueIdentifier,
  useDndMonitor,
  useDraggable,
  useDroppable,
} from '@dnd-kit/core';
import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  createContext,
  memo,
  useCallback,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { collisionDetection, measuring, startsKeyboardDrag, useCardSensors } from '../lib/dnd';
import { adultLanguage } from '../lib/adult-language';
import { CARD_ENTER_CLASS, CARD_LIFT_CLASS, useCardEnters } from '../lib/motion';
import type { PictureSpec } from '../lib/pictures';
import { Picture } from './picture';
import { usePresentation, useReadOnTap } from './presentation';
import { SpeakButton } from './speak-button';

/**
 * A value outside React state that components follow one by one, so that a change
 * re-renders only those whose part of it changed: picking a card re-renders that card
 * (and the one picked before) and the zones, not every card on the board.
 */
interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function useSelected(selection: Store<string | null>): string | null {
  return useSyncExternalStore(selection.subscribe, selection.get);
}

/** The card dnd-kit knows as draggable just now (see DragSource). */
interface Armed {
  cardId: string;
  node: HTMLElement;
}

/** What the armed card's `useDraggable` hands out: its handlers, and whether a press or drag of it is under way. */
interface DragHandlers {
  listeners: DraggableSyntheticListeners;
  engaged: boolean;
}

/**
 * What the cards and zones need from the board. It stays the same object for as long as
 * the labels and the move do, so a drag (or a move, which re-renders the step) does not
 * re-render every card: a card renders again only when its own state changes.
 */
interface BoardContext {
  /** The card picked by a tap. */
  selection: Store<string | null>;
  /** The card being dragged, from lift to drop (it stays in place, dimmed). */
  dragging: Store<string | null>;
  /** The id of dnd-kit's hidden instructions, which every card points to. */
  instructionsId: string;
  /** What a screen reader calls a card: "kort som kan flyttes" rather than just "knapp". */
  roleDescription: string;
  /** A pointer or key went down on a card: hand it to dnd-kit as that card's. */
  press(cardId: string, event: PointerEvent<HTMLElement> | KeyboardEvent<HTMLElement>): void;
  select(cardId: string | null): void;
  place(zoneId: string): void;
  label(cardId: string): string;
  subLabel: ((cardId: string) => string | null) | null;
  picture: ((cardId: string) => PictureSpec | null) | null;
  zoneLabel(zoneId: string): string;
  /** The name of a zone's button while a card is picked: "Legg Matte her – Gjelder meg". */
  placeLabel(cardId: string, zoneId: string): string;
}

const Board = createContext<BoardContext | null>(null);

function useBoard(): BoardContext {
  const board = useContext(Board);
  if (!board) throw new Error('MoveBoard parts must be inside <MoveBoard>');
  return board;
}

export interface MoveBoardProps {
  children: ReactNode;
  /** Moves a card to a zone. The board never knows what zones mean. */
  onMove(cardId: string, zoneId: string): void;
  cardLabel(cardId: string): string;
  /** The card's label in the adult's language, shown small beneath the pupil's (or null). */
  cardSubLabel?: ((cardId: string) => string | null) | null;
  /** The card's picture in picture mode (or null for words only). */
  cardPicture?: ((cardId: string) => PictureSpec | null) | null;
  zoneLabel(zoneId: string): string;
}

export function MoveBoard({
  children,
  onMove,
  cardLabel,
  cardSubLabel = null,
  cardPicture = null,
  zoneLabel,
}: MoveBoardProps) {
  const { t } = useTranslation();
  const readOnTap = useReadOnTap();
  const sensors = useCardSensors();
  const [selection] = useState(() => createStore<string | null>(null));
  const [dragging] = useState(() => createStore<string | null>(null));
  const [armed] = useState(() => createStore<Armed | null>(null));
  const handlersRef = useRef<DragHandlers | null>(null);
  /** The card dropped on a zone whose move has not landed yet (see onDragEnd). */
  const landing = useRef<string | null>(null);
  const instructionsId = useId();
  const selected = useSelected(selection);
  const [status, setStatus] = useState('');
  const boardRef = useRef<HTMLDivElement>(null);
  // dnd-kit says "picked up" and, at once or a frame later, where the card is; its live
  // region is assertive, so the second can cut the first off (with a keyboard lift the first
  // never even reaches the page). So the first "is over" of a drag says the pick-up too.
  const pickedUp = useRef<string | null>(null);

  const context = useMemo<BoardContext>(
    () => ({
      selection,
      dragging,
      instructionsId,
      roleDescription: t('dnd.roleDescription'),
      press(cardId, event) {
        // Tab, arrows and Enter on a card are not drags: the card is not handed to dnd-kit for them.
        if (event.type === 'keydown' && !startsKeyboardDrag((event as KeyboardEvent<HTMLElement>).code)) return;
        const node = event.currentTarget;
        const current = armed.get();
        // Never while a press or drag is under way: dnd-kit holds on to the card it started with.
        if (!handlersRef.current?.engaged && (current?.cardId !== cardId || current.node !== node)) {
          flushSync(() => armed.set({ cardId, node }));
        }
        const listeners = handlersRef.current?.listeners;
        if (event.type === 'pointerdown') listeners?.onPointerDown?.(event);
        else listeners?.onKeyDown?.(event);
      },
      label: cardLabel,
      subLabel: cardSubLabel,
      picture: cardPicture,
      zoneLabel,
      placeLabel: (cardId, zoneId) => t('dnd.moveHere', { card: cardLabel(cardId) }) + ' – ' + zoneLabel(zoneId),
      select(cardId) {
        const current = selection.get();
        if (cardId === null || cardId === current) {
          if (current) setStatus(t('dnd.deselected', { card: cardLabel(current) }));
          selection.set(null);
        } else {
          selection.set(cardId);
          setStatus(t('dnd.selected', { card: cardLabel(cardId) }));
          readOnTap(cardLabel(cardId));
        }
      },
      place(zoneId) {
        const current = selection.get();
        if (!current) return;
        onMove(current, zoneId);
        setStatus(t('dnd.dropped', { card: cardLabel(current), target: zoneLabel(zoneId) }));
        selection.set(null);
      },
    }),
    [selection, dragging, armed, instructionsId, cardLabel, cardSubLabel, cardPicture, zoneLabel, onMove, t, readOnTap],
  );

  const onDragStart = useCallback((_event: DragStartEvent) => selection.set(null), [selection]);
  const onDragEnd = useCallback(
    ({ active, over, activatorEvent }: DragEndEvent) => {
      if (!over) return;
      const cardId = String(active.id);
      const zoneId = String(over.id);
      // The move lands in a task of its own, after dnd-kit has ended the drag in this one:
      // together they were one task of 35–70 ms with the CPU slowed 4× (traced), apart
      // about 20 and 15. Until it lands the card stays dimmed in its old place, as it was
      // during the drag, so no frame shows it back where it was.
      landing.current = cardId;
      setTimeout(() => {
        landing.current = null;
        onMove(cardId, zoneId);
        dragging.set(null);
        // The moved card is a new element in its new zone; a keyboard user keeps their
        // place by finding focus on it there.
        if (activatorEvent instanceof KeyboardEvent) {
          requestAnimationFrame(() =>
            boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)?.focus(),
          );
        }
      });
    },
    [onMove, dragging],
  );

  const accessibility = useMemo(() => {
    const name = (id: UniqueIdentifier) => cardLabel(String(id));
    const target = (id: UniqueIdentifier) => zoneLabel(String(id));
    const announcements: Announcements = {
      onDragStart: ({ active }) => {
        pickedUp.current = t('dnd.pickedUp', { card: name(active.id) });
        return pickedUp.current;
      },
      onDragOver: ({ active, over }) => {
        const where = over
          ? t('dnd.over', { card: name(active.id), target: target(over.id) })
          : t('dnd.notOver', { card: name(active.id) });
        const first = pickedUp.current;
        pickedUp.current = null;
        return first ? `${first} ${where}` : where;
      },
      onDragEnd: ({ active, over }) => {
        pickedUp.current = null;
        return over
          ? t('dnd.dropped', { card: name(active.id), target: target(over.id) })
          : t('dnd.droppedNowhere', { card: name(active.id) });
      },
      onDragCancel: ({ active }) => {
        pickedUp.current = null;
        return t('dnd.cancelled', { card: name(active.id) });
      },
    };
    return { screenReaderInstructions: { draggable: t('dnd.instructions') }, announcements };
  }, [cardLabel, zoneLabel, t]);

  return (
    <DndContext
      // Names dnd-kit's hidden instructions, so the cards can point to them themselves.
      id={instructionsId}
      sensors={sensors}
      // The piles and the number row are sticky; scrolling the page under a drag would
      // leave dnd-kit's idea of where they are behind. Every target stays in view instead.
      autoScroll={false}
      collisionDetection={collisionDetection}
      measuring={measuring}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      accessibility={accessibility}
    >
      <Board.Provider value={context}>
        <div ref={boardRef} className="board">
          {children}
        </div>
        <DragSource armed={armed} dragging={dragging} landing={landing} handlersRef={handlersRef} />
        <DraggedCard />
      </Board.Provider>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {selected ? (
        <p className="selection-hint" aria-hidden="true">
          {t('dnd.selectedHint', { card: cardLabel(selected) })}
        </p>
      ) : null}
    </DndContext>
  );
}

/**
 * Stands in for every card as dnd-kit's draggable. dnd-kit renders each `useDraggable`
 * again whenever a drag starts, is measured, comes over a zone or ends (some seven times
 * a drag), which on a full scale of sixty cards is what made dragging slow. So the cards
 * do not register themselves: one `useDraggable` at a time stands for the card being
 * pressed. A card's pointer-down or key-down first makes it that draggable (at once, with
 * flushSync) and then goes to dnd-kit's own handlers, as `{...listeners}` on the card would.
 */
interface DragSourceProps {
  armed: Store<Armed | null>;
  dragging: Store<string | null>;
  landing: RefObject<string | null>;
  handlersRef: RefObject<DragHandlers | null>;
}

function DragSource({ armed, ...props }: DragSourceProps) {
  const current = useSyncExternalStore(armed.subscribe, armed.get);
  return current ? <ArmedCard key={current.cardId} {...current} {...props} /> : null;
}

function ArmedCard({ cardId, node, dragging, landing, handlersRef }: Armed & Omit<DragSourceProps, 'armed'>) {
  const { setNodeRef, listeners, activatorEvent, isDragging } = useDraggable({ id: cardId });
  useLayoutEffect(() => setNodeRef(node), [setNodeRef, node]);
  useLayoutEffect(() => {
    handlersRef.current = { listeners, engaged: activatorEvent !== null };
  });
  // The card dims in the same frame as the overlay appears, and stops as it goes, unless
  // it was dropped on a zone: then as its move lands (see onDragEnd).
  useLayoutEffect(() => {
    if (isDragging) dragging.set(cardId);
    else if (landing.current !== cardId) dragging.set(null);
  }, [dragging, landing, isDragging, cardId]);
  return null;
}

/**
 * The card that follows the pointer during a drag. It keeps which card that is to itself,
 * so lifting and dropping re-render only this, not the board; the overlay moves on every
 * pointer move, its card face is rendered once per drag. It lifts with a CSS animation
 * (`CARD_LIFT_CLASS`): a drag starts in the same task as dnd-kit's measuring, and a
 * script-driven spring there cost up to 20 ms on a cheap tablet (most on the first drag).
 */
function DraggedCard() {
  const board = useBoard();
  const [activeId, setActiveId] = useState<string | null>(null);
  useDndMonitor(
    useMemo(
      () => ({
        onDragStart: ({ active }: DragStartEvent) => setActiveId(String(active.id)),
        onDragEnd: () => setActiveId(null),
        onDragCancel: () => setActiveId(null),
      }),
      [],
    ),
  );
  const face = useMemo(
    () =>
      activeId ? (
        <div className={`card card--overlay ${CARD_LIFT_CLASS}`}>
          <CardFace label={board.label(activeId)} picture={board.picture?.(activeId) ?? null} />
        </div>
      ) : null,
    [activeId, board],
  );
  return <DragOverlay dropAnimation={null}>{face}</DragOverlay>;
}

/** What a card shows: its picture (in picture mode) and its label. */
function CardFace({ label, picture }: { label: string; picture: PictureSpec | null }) {
  return (
    <>
      {picture ? <Picture spec={picture} /> : null}
      <span className="card__label">{label}</span>
    </>
  );
}

export interface MovableCardProps {
  cardId: string;
  className?: string;
  /**
   * A speaker button beside the card (in picture mode or with read-aloud on). Left out on
   * the scale's narrow number columns, where a tap on the card reads it instead.
   */
  speaker?: boolean;
}

/**
 * A card on the board. Memoised, and dnd-kit does not know it until it is pressed (see
 * DragSource): it renders when it mounts, when it is picked or dragged, and when the
 * board's labels change, never because another card moves.
 */
export const MovableCard = memo(function MovableCard({ cardId, className, speaker = true }: MovableCardProps) {
  const board = useBoard();
  const presentation = usePresentation();
  const enters = useCardEnters();
  const { selection, dragging, select, press } = board;
  const isSelected = useSyncExternalStore(selection.subscribe, () => selection.get() === cardId);
  const isDragging = useSyncExternalStore(dragging.subscribe, () => dragging.get() === cardId);
  // dnd-kit swallows the click that ends a drag, so every click here is a tap.
  const onClick = useCallback(() => select(cardId), [select, cardId]);
  const onPress = useCallback(
    (event: PointerEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => press(cardId, event),
    [press, cardId],
  );
  const subLabel = board.subLabel?.(cardId) ?? null;
  const picture = board.picture?.(cardId) ?? null;
  const label = board.label(cardId);
  const showSpeaker = speaker && (presentation.pictures || presentation.readAloud);
  return (
    <div
      className={['card-slot', picture && 'card-slot--picture', enters && CARD_ENTER_CLASS].filter(Boolean).join(' ')}
    >
      <button
        type="button"
        // What dnd-kit's useDraggable would give it, a button already (its aria-pressed
        // aside: here it says whether the card is picked for a tap move).
        aria-roledescription={board.roleDescription}
        aria-describedby={board.instructionsId}
        aria-pressed={isSelected}
        className={[
          'card',
          className,
          picture && 'card--picture',
          isSelected && 'card--selected',
          isDragging && 'card--dragging',
        ]
          .filter(Boolean)
          .join(' ')}
        data-card-id={cardId}
        onPointerDown={onPress}
        onKeyDown={onPress}
        onClick={onClick}
      >
        <CardFace label={label} picture={picture} />
        {subLabel ? (
          <span className="card__sub" lang={adultLanguage.get()} dir="ltr">
            {subLabel}
          </span>
        ) : null}
      </button>
      {showSpeaker ? <SpeakButton text={() => label} item={label} className="speak--card" /> : null}
    </div>
  );
});

export interface DropZoneProps {
  zoneId: string;
  /** The zone's visible heading, also the tap target that places the selected card. */
  heading: ReactNode;
  /** A line beside the heading (kept out of the button, whose name must match what it shows). */
  note?: string;
  className?: string;
  children?: ReactNode;
}

export function DropZone({ zoneId, heading, note, className, children }: DropZoneProps) {
  const board = useBoard();
  const selected = useSelected(board.selection);
  const { place, zoneLabel } = board;
  const onClick = useCallback(() => place(zoneId), [place, zoneId]);
  const label = useMemo(() => zoneLabel(zoneId), [zoneLabel, zoneId]);
  return (
    <DroppableZone
      zoneId={zoneId}
      className={['zone', className].filter(Boolean).join(' ')}
      ready={selected !== null}
      label={label}
    >
      <button
        type="button"
        className="zone__target"
        aria-disabled={selected === null}
        aria-label={selected !== null ? board.placeLabel(selected, zoneId) : undefined}
        onClick={onClick}
      >
        {heading}
      </button>
      {note ? <p className="zone__count">{note}</p> : null}
      <div className="zone__cards">{children}</div>
    </DroppableZone>
  );
}

/**
 * The zone's section, registered with dnd-kit. It is all of a zone that renders again
 * when a drag starts, ends or comes over a zone; the zone's heading and cards do not.
 */
function DroppableZone({
  zoneId,
  className,
  ready,
  label,
  children,
}: {
  zoneId: string;
  className: string;
  ready: boolean;
  label: string;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: zoneId });
  return (
    <section
      ref={setNodeRef}
      className={[className, isOver && 'zone--over', ready && 'zone--ready'].filter(Boolean).join(' ')}
      aria-label={label}
      data-zone-id={zoneId}
    >
      {children}
    </section>
  );
}
