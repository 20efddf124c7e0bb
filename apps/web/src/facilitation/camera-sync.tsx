// Moves this person's camera when the facilitator says so: "bring everyone here" (a summon, once
// per new `seq`) and "follow me" (tldraw's own user following, which a person leaves by moving).
import { useEffect, useRef } from 'react';
import { createUserId, useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import type { PublicSessionState, Summon } from '@atelier/protocol';
import { toServerTime } from '@atelier/session';
import { glideMs } from '../live/screen-area';
import { bringTo, unpin } from '../live/step-camera';
import { groupNumberOf, placeFrameIds } from '../live/step-place';
import { useFacilitation } from './use-facilitation';

/** A summon older than this, found on arrival or after a reload, is history rather than a call. */
const RECENT_SUMMON_MS = 10 * 60_000;

/**
 * Follows a summon: to the step's frame (each group to its own zone of it), fitted to the free part
 * of the screen; or to exactly what the facilitator saw ("Rassembler tout le monde ici").
 */
function followSummon(editor: Editor, summon: Summon, session: PublicSessionState, me: string): void {
  if (summon.frameId) {
    const group = groupNumberOf(session, me, (id) => editor.getShape(id as TLShapeId));
    const frameIds = placeFrameIds(editor.getCurrentPageShapes(), { frameId: summon.frameId }, group);
    if (bringTo(editor, frameIds)) return;
  }
  if (!summon.bounds) return;
  unpin(editor);
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
  editor.zoomToBounds(summon.bounds, { animation: { duration: glideMs(600) }, inset: 0 });
}

export function CameraSync() {
  const editor = useEditor();
  const { session, me, clockOffsetMs } = useFacilitation();
  const summon = session?.camera.summon ?? null;
  const follow = session?.camera.follow ?? null;
  const handledSeq = useRef<number | null>(null);

  useEffect(() => {
    if (!session || !summon) return;
    const firstSeen = handledSeq.current === null;
    if (!firstSeen && summon.seq <= (handledSeq.current ?? 0)) return;
    handledSeq.current = summon.seq;
    if (summon.by === me) return;
    const age = toServerTime(Date.now(), { offsetMs: clockOffsetMs, rttMs: 0 }) - summon.at;
    if (firstSeen && age > RECENT_SUMMON_MS) return;
    followSummon(editor, summon, session, me);
  }, [editor, session, summon, me, clockOffsetMs]);

  const leader = follow && follow.userId !== me ? createUserId(follow.userId) : null;
  const leaderHere = useValue(
    'leader presence',
    () => leader !== null && editor.getCollaborators().some((presence) => presence.userId === leader),
    [editor, leader],
  );
  // The follow (by its start time) this screen already joined: leaving it by moving is respected.
  const joined = useRef<{ since: number; leader: string } | null>(null);

  useEffect(() => {
    const previous = joined.current;
    if (!follow || !leader) {
      joined.current = null;
      if (previous && editor.getInstanceState().followingUserId === previous.leader)
        editor.stopFollowingUser();
      return;
    }
    if (!leaderHere) {
      // The leader reloads or reconnects: follow them again when they are back.
      joined.current = null;
      return;
    }
    if (previous?.since === follow.since) return;
    editor.startFollowingUser(leader);
    // tldraw starts only once it has the leader's presence; otherwise try again when it arrives.
    if (editor.getInstanceState().followingUserId === leader)
      joined.current = { since: follow.since, leader };
  }, [editor, follow, leader, leaderHere]);

  return null;
}
