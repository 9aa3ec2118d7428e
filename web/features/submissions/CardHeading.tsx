import type { ReactNode } from 'react';

/** A card's title as a level-2 heading (the page has one h1; screen-reader users move between the cards by heading). */
export function CardHeading({ children }: { children: ReactNode }) {
  return <h2 style={{ fontSize: 16, fontWeight: 600, margin: 0, whiteSpace: 'normal', lineHeight: 1.4 }}>{children}</h2>;
}
