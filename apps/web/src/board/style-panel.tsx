// tldraw's style panel, closed until asked for: open by default it covered the side of the step
// (a whole PGO column on a laptop, 40 % of a tablet). Phones use tldraw's own style menu instead.
import { useId, useState } from 'react';
import { DefaultStylePanel, type TLUiStylePanelProps } from 'tldraw';
import { useI18n } from '../shared/i18n';

export function FoldedStylePanel(props: TLUiStylePanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="style-panel-fold">
      <button
        type="button"
        className="step-button subtle compact"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="style-panel-swatch" />
        {t.liveStylesShow}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={panelId} hidden={!open}>
        {open && <DefaultStylePanel {...props} />}
      </div>
    </div>
  );
}
