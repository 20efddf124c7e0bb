// Mounted inside <Tldraw>: the camera moves everyone gets (each step's place, summons, follow),
// the facilitator's panel, what the live region says about the session, and the room (banner, help,
// reactions, private ideas).
import { SessionAnnouncer } from '../a11y/session-announcer';
import { useListViewOpen } from '../list-view/list-view-state';
import { StepCamera } from '../live/step-camera';
import { RoomLayer } from '../room/room-layer';
import { CameraSync } from './camera-sync';
import { FacilitatorPanel } from './facilitator-panel';
import { UndoToast } from './undo-toast';
import { useFacilitation } from './use-facilitation';
import './facilitation.css';

export function FacilitationLayer() {
  const { isFacilitator } = useFacilitation();
  // The list view shows the panel in its own flow.
  const listView = useListViewOpen();
  return (
    <>
      <StepCamera />
      <CameraSync />
      <SessionAnnouncer />
      {isFacilitator && !listView && <FacilitatorPanel />}
      {isFacilitator && <UndoToast />}
      <RoomLayer />
    </>
  );
}
