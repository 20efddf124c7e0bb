// A button that shows or hides the part of the page it controls (WAI-ARIA disclosure pattern).
import type { ReactNode } from 'react';

export function DisclosureButton({
  expanded,
  controls,
  onToggle,
  className,
  children,
}: {
  expanded: boolean;
  /** The id of what it shows or hides. */
  controls: string;
  onToggle: (expanded: boolean) => void;
  className: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={() => onToggle(!expanded)}
    >
      {children}
    </button>
  );
}
