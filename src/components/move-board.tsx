/**
 * A board of cards and drop zones shared by the sort and scale steps. Every move works
 * three ways: drag (mouse, pen, touch), keyboard drag (Space, arrows, Space), and tap
 * (tap a card, then tap a zone's button; Enter works the same). Each move is announced
 * to screen readers in the UI language.
 */

import {
  DndContext,
  DragOverlay,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
  useDraggable,
  useDroppable,
} from '@dnd-kit/core';
import { type ReactNode, createContext, useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collisionDetection, useCardSensors } from '../lib/dnd';
import { adultLanguage } from '../lib/adult-language';
import { cardMotion, motion } from '../lib/motion';
import type { PictureSpec } from '../lib/pictures';
import { Picture } from './picture';
import { usePresentation, useReadOnTap } from './presentation';
import { SpeakButton } from './speak-button';

interface BoardContext {
  selected: string | null;
  select(cardId: string | null): void;
  place(zoneId: string): void;
  label(cardId: string): string;
  subLabel: ((cardId: string) => string | null) | null;
  picture: ((cardId: string) => PictureSpec | null) | null;
  zoneLabel(zoneId: string): string;
  activeId: string | null;
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
  const [selected, setSelected] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const boardRef = useRef<HTMLDivElement>(null);
  // dnd-kit says "picked up" and, at once or a frame later, where the card is; its live
  // region is assertive, so the second can cut the first off (with a keyboard lift the first
  // never even reaches the page). So the first "is over" of a drag says the pick-up too.
  const pickedUp = useRef<string | null>(null);

  const name = (id: UniqueIdentifier) => cardLabel(String(id));
  const target = (id: UniqueIdentifier) => zoneLabel(String(id));

  const context = useMemo<BoardContext>(
    () => ({
      selected,
      activeId,
      label: cardLabel,
      subLabel: cardSubLabel,
      picture: cardPicture,
      zoneLabel,
      select(cardId) {
        if (cardId === null || cardId === selected) {
          if (selected) setStatus(t('dnd.deselected', { card: cardLabel(selected) }));
          setSelected(null);
        } else {
          setSelected(cardId);
          setStatus(t('dnd.selected', { card: cardLabel(cardId) }));
          readOnTap(cardLabel(cardId));
        }
      },
      place(zoneId) {
        if (!selected) return;
        onMove(selected, zoneId);
        setStatus(t('dnd.dropped', { card: cardLabel(selected), target: zoneLabel(zoneId) }));
        setSelected(null);
      },
    }),
    [selected, activeId, cardLabel, cardSubLabel, cardPicture, zoneLabel, onMove, t, readOnTap],
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    setSelected(null);
    setActiveId(String(active.id));
  };
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setActiveId(null);
    if (!over) return;
    const cardId = String(active.id);
    onMove(cardId, String(over.id));
    // The moved card is a new element in its new zone; a keyboard user keeps their place
    // by finding focus on it there.
    if (activatorEvent instanceof KeyboardEvent) {
      requestAnimationFrame(() =>
        boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)?.focus(),
      );
    }
  };

  return (
    <DndContext
      sensors={sensors}
      // The piles and the number row are sticky; scrolling the page under a drag would
      // leave dnd-kit's idea of where they are behind. Every target stays in view instead.
      autoScroll={false}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t('dnd.instructions') },
        announcements: {
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
        },
      }}
    >
      <Board.Provider value={context}>
        <div ref={boardRef} className="board">
          {children}
        </div>
      </Board.Provider>
      <DragOverlay dropAnimation={null}>
        {activeId ? (
          <div className="card card--overlay">
            <CardFace label={cardLabel(activeId)} picture={cardPicture?.(activeId) ?? null} />
          </div>
        ) : null}
      </DragOverlay>
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

export function MovableCard({ cardId, className, speaker = true }: MovableCardProps) {
  const board = useBoard();
  const presentation = usePresentation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: cardId });
  const isSelected = board.selected === cardId;
  const subLabel = board.subLabel?.(cardId) ?? null;
  const picture = board.picture?.(cardId) ?? null;
  const label = board.label(cardId);
  const showSpeaker = speaker && (presentation.pictures || presentation.readAloud);
  return (
    <motion.div {...cardMotion} className={['card-slot', picture && 'card-slot--picture'].filter(Boolean).join(' ')}>
      <button
        ref={setNodeRef}
        type="button"
        {...attributes}
        {...listeners}
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
        // dnd-kit swallows the click that ends a drag, so every click here is a tap.
        onClick={() => board.select(cardId)}
      >
        <CardFace label={label} picture={picture} />
        {subLabel ? (
          <span className="card__sub" lang={adultLanguage.get()} dir="ltr">
            {subLabel}
          </span>
        ) : null}
      </button>
      {showSpeaker ? <SpeakButton text={() => label} item={label} className="speak--card" /> : null}
    </motion.div>
  );
}

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
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: zoneId });
  const canPlace = board.selected !== null;
  return (
    <section
      ref={setNodeRef}
      className={['zone', className, isOver && 'zone--over', canPlace && 'zone--ready'].filter(Boolean).join(' ')}
      aria-label={board.zoneLabel(zoneId)}
      data-zone-id={zoneId}
    >
      <button
        type="button"
        className="zone__target"
        aria-disabled={!canPlace}
        aria-label={
          canPlace
            ? t('dnd.moveHere', { card: board.label(board.selected!) }) + ' – ' + board.zoneLabel(zoneId)
            : undefined
        }
        onClick={() => board.place(zoneId)}
      >
        {heading}
      </button>
      {note ? <p className="zone__count">{note}</p> : null}
      <div className="zone__cards">{children}</div>
    </section>
  );
}
