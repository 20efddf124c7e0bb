// Moves this person's camera when the facilitator says so: "bring everyone here" (a summon, once
// per new `seq`) and "follow me" (tldraw's own user following, which a person leaves by moving).
import { useEffect, useRef } from 'react';
import { createUserId, useEditor, useValue, type BoxLike, type Editor, type TLShapeId } from 'tldraw';
import { readZone } from '@atelier/board-schema';
import type { PublicSessionState, Summon } from '@atelier/protocol';
import { toServerTime } from '@atelier/session';
import { frameForGroup } from '@atelier/templates';
import { groupOf } from './participants-view';
import { useFacilitation } from './use-facilitation';

/** A summon older than this, found on arrival or after a reload, is history rather than a call. */
const RECENT_SUMMON_MS = 10 * 60_000;

/** The template's group number of the person's group (its frame says it), else its position. */
function boardGroupNumber(editor: Editor, session: PublicSessionState, userId: string): number | null {
  const mine = groupOf(session, userId);
  if (!mine) return null;
  const frame = mine.group.frameId ? editor.getShape(mine.group.frameId as TLShapeId) : undefined;
  return (frame && readZone(frame)?.group) ?? mine.number;
}

/** Where a summon sends this person: with groups, each group goes to its own zone of the step. */
export function summonTarget(editor: Editor, summon: Summon, groupNumber: number | null): BoxLike | null {
  if (summon.frameId) {
    const frameId =
      groupNumber === null
        ? summon.frameId
        : frameForGroup(editor.getCurrentPageShapes(), summon.frameId, groupNumber);
    const bounds =
      editor.getShapePageBounds(frameId as TLShapeId) ??
      editor.getShapePageBounds(summon.frameId as TLShapeId);
    if (bounds) return bounds;
  }
  return summon.bounds ?? null;
}

export function moveCameraTo(editor: Editor, bounds: BoxLike, exact = false): void {
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
  editor.zoomToBounds(bounds, { animation: { duration: 600 }, ...(exact ? { inset: 0 } : {}) });
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
    const target = summonTarget(editor, summon, boardGroupNumber(editor, session, me));
    if (target) moveCameraTo(editor, target, !summon.frameId);
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
