// tldraw's style panel, closed until asked for: open by default it covered the side of the step
// (a whole PGO column on a laptop, 40 % of a tablet). Phones use tldraw's own style menu instead.
import { useId, useState } from 'react';
import { DefaultStylePanel, type TLUiStylePanelProps } from 'tldraw';
import { DisclosureButton } from '../shared/disclosure-button';
import { useI18n } from '../shared/i18n';

export function FoldedStylePanel(props: TLUiStylePanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="style-panel-fold">
      <DisclosureButton
        className="step-button subtle compact"
        expanded={open}
        controls={panelId}
        onToggle={setOpen}
      >
        <span aria-hidden="true" className="style-panel-swatch" />
        {t.liveStylesShow}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </DisclosureButton>
      <div id={panelId} hidden={!open}>
        {open && <DefaultStylePanel {...props} />}
      </div>
    </div>
  );
}
