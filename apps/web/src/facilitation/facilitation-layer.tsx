// Mounted inside <Tldraw>: the camera moves everyone gets (each step's place, summons, follow),
// and the facilitator's panel.
import { StepCamera } from '../live/step-camera';
import { CameraSync } from './camera-sync';
import { FacilitatorPanel } from './facilitator-panel';
import { UndoToast } from './undo-toast';
import { useFacilitation } from './use-facilitation';
import './facilitation.css';

export function FacilitationLayer() {
  const { isFacilitator } = useFacilitation();
  return (
    <>
      <StepCamera />
      <CameraSync />
      {isFacilitator && <FacilitatorPanel />}
      {isFacilitator && <UndoToast />}
    </>
  );
}
