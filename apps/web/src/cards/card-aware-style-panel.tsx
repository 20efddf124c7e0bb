// tldraw's style panel slot (top right, beside the facilitation header): the form of the selected
// structured card when there is one, tldraw's own style panel otherwise.
import { readCard } from '@atelier/board-schema';
import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw';
import { CardFormPanel } from './card-form-panel';

export function CardAwareStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const cardSelected = useValue(
    'atelier card selected',
    () => {
      const shape = editor.getOnlySelectedShape();
      return shape !== undefined && shape !== null && readCard(shape) !== null;
    },
    [editor],
  );
  return cardSelected ? <CardFormPanel /> : <DefaultStylePanel {...props} />;
}
