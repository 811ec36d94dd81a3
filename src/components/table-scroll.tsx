/**
 * A wide data table that may scroll sideways inside its own box, so the page never does
 * (WCAG 1.4.10 lets a data table keep its two dimensions). While it actually scrolls —
 * large text, a narrow screen — it is a named region that takes focus, so a keyboard
 * user can scroll it with the arrow keys; otherwise it is a plain box and no extra stop.
 */

import { type ReactNode, useEffect, useRef, useState } from 'react';

export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table-scroll"
      role={scrolls ? 'region' : undefined}
      aria-labelledby={scrolls ? labelledBy : undefined}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </div>
  );
}
