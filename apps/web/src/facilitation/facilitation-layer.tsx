// Mounted inside <Tldraw>: the camera moves everyone gets, and the facilitator's panel.
import { CameraSync } from './camera-sync';
import { FacilitatorPanel } from './facilitator-panel';
import { UndoToast } from './undo-toast';
import { useFacilitation } from './use-facilitation';
import './facilitation.css';

export function FacilitationLayer() {
  const { isFacilitator } = useFacilitation();
  return (
    <>
      <CameraSync />
      {isFacilitator && <FacilitatorPanel />}
      {isFacilitator && <UndoToast />}
    </>
  );
}
