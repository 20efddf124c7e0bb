// The button that folds a panel to its title bar and opens it again: named by what it will do.
export function FoldButton({
  open,
  controls,
  showLabel,
  hideLabel,
  onToggle,
  glyphs,
}: {
  open: boolean;
  /** The id of the part it folds. */
  controls: string;
  showLabel: string;
  hideLabel: string;
  onToggle: (open: boolean) => void;
  /** Drawn when folded and when open. */
  glyphs: readonly [folded: string, opened: string];
}) {
  const label = open ? hideLabel : showLabel;
  return (
    <button
      type="button"
      className="fac-icon-button"
      aria-expanded={open}
      aria-controls={controls}
      aria-label={label}
      title={label}
      onClick={() => onToggle(!open)}
    >
      <span aria-hidden="true">{open ? glyphs[1] : glyphs[0]}</span>
    </button>
  );
}
