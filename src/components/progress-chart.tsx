/**
 * A situation's course across a pupil's conversations as a small line chart: one point
 * per conversation, harder higher up (difficulty, so both scale kinds share one axis).
 * Twelve points at most are drawn, so hand-written SVG is smaller and clearer than a
 * charting library. The chart is an image with a text alternative that lists the dates
 * and the pupil's own numbers; it prints in black and white.
 */

import type { ProgressPoint } from '../domain/review';

const WIDTH = 120;
const HEIGHT = 40;
const PAD = 5;

export function ProgressChart({ points, label }: { points: readonly ProgressPoint[]; label: string }) {
  const shown = points.slice(-12);
  const x = (index: number) =>
    shown.length === 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (shown.length - 1);
  // Difficulty 1–10: 10 (hardest) at the top.
  const y = (difficulty: number) => PAD + ((10 - difficulty) * (HEIGHT - 2 * PAD)) / 9;
  const path = shown.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index)},${y(point.difficulty)}`).join(' ');
  return (
    <svg
      className="progress-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      data-points={shown.map((point) => point.difficulty).join(' ')}
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={y(5.5)} y2={y(5.5)} className="progress-chart__middle" />
      {shown.length > 1 ? <path d={path} className="progress-chart__line" /> : null}
      {shown.map((point, index) => (
        <circle
          key={point.conversationId}
          cx={x(index)}
          cy={y(point.difficulty)}
          r={index === shown.length - 1 ? 4 : 3}
          className={index === shown.length - 1 ? 'progress-chart__now' : 'progress-chart__point'}
        />
      ))}
    </svg>
  );
}
