// Step = place: at each new step (and on arrival, at the session's start, when groups form) every
// screen glides to the person's place (their group's zone of the step's frame), fitted to the part
// of the screen nothing covers, and stays fitted while the header or panels change size, until
// the person moves the camera: then they roam freely until the next step.
import { useEffect, useRef } from 'react';
import { atom, useEditor, useValue, type Editor, type TLEventInfo, type TLShapeId } from 'tldraw';
import type { PublicSessionState } from '@atelier/protocol';
import { useFacilitation } from '../facilitation/use-facilitation';
import { useI18n } from '../shared/i18n';
import { cameraBetween, cameraToFit, easeInOut } from './camera-fit';
import { sameCamera, type Camera } from './geometry';
import { freeArea, glideMs, pageBoundsOf } from './screen-area';
import { currentStep, groupNumberOf, placeFrameIds, placeKey } from './step-place';

/** "Revenir à l'étape": for someone who moved away from their place at a step that has one. */
export function BackToStep() {
  const editor = useEditor();
  const { t } = useI18n();
  const { session, me } = useFacilitation();
  const here = useValue('at the step place', () => atPlace.get(), []);
  const following = useValue('following', () => editor.getInstanceState().followingUserId !== null, [editor]);
  if (!session || here || following || !currentStep(session)?.frameId) return null;
  return (
    <div className="fac-row">
      <button
        type="button"
        className="fac-button"
        onClick={() => bringTo(editor, placeOf(editor, session, me))}
      >
        {t.liveBackToStep}
      </button>
    </div>
  );
}

const GLIDE_MS = 500;
const REFIT_MS = 200;
/** How often a held view checks that the step still shows whole (layout, rotation, resize). */
const CHECK_MS = 250;

interface Pin {
  frameIds: readonly string[];
  /** Where the view goes. */
  target: Camera;
  /** The camera last set here: any other camera means the person moved the view themselves. */
  shown: Camera;
  /** The glide under way, advanced on tldraw's ticks (however slow the machine). */
  glide: { from: Camera; elapsedMs: number; durationMs: number } | null;
}

const pins = new WeakMap<Editor, Pin>();

/** Whether the view is held at the person's place (false once they move it): one editor per page. */
export const atPlace = atom('atelier view at the step place', false);

function setPin(editor: Editor, pin: Pin | null): void {
  if (pin) pins.set(editor, pin);
  else pins.delete(editor);
  atPlace.set(pin !== null);
}

/** The frames of the person's place at the current step that are on the page. */
export function placeOf(editor: Editor, session: PublicSessionState, me: string): string[] {
  const group = groupNumberOf(session, me, (id) => editor.getShape(id as TLShapeId));
  return placeFrameIds(editor.getCurrentPageShapes(), currentStep(session), group).filter(
    (id) => editor.getShape(id as TLShapeId) !== undefined,
  );
}

/** Editors whose camera this module is moving right now (its own moves are not the person's). */
const movingHere = new WeakSet<Editor>();

function ourMove<T>(editor: Editor, move: () => T): T {
  movingHere.add(editor);
  try {
    return move();
  } finally {
    movingHere.delete(editor);
  }
}

function show(editor: Editor, camera: Camera): Camera {
  return ourMove(editor, () => {
    editor.setCamera(camera);
    const { x, y, z } = editor.getCamera();
    return { x, y, z };
  });
}

/**
 * tldraw stops any camera animation before every camera move (wheel, pinch, panning, zoom keys,
 * zoom to fit…): one that is not ours means the person took the camera, whatever the frame rate.
 */
function onCameraTaken(editor: Editor): void {
  if (!movingHere.has(editor) && pins.has(editor)) setPin(editor, null);
}

function glideTo(editor: Editor, frameIds: readonly string[], target: Camera, durationMs: number): void {
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
  ourMove(editor, () => editor.stopCameraAnimation());
  if (durationMs <= 0) {
    setPin(editor, { frameIds, target, shown: show(editor, target), glide: null });
    return;
  }
  const { x, y, z } = editor.getCamera();
  const from = { x, y, z };
  setPin(editor, { frameIds, target, shown: from, glide: { from, elapsedMs: 0, durationMs } });
}

/** One frame of the glide; the person touching the camera meanwhile ends it and frees the view. */
function advance(editor: Editor, elapsedMs: number): void {
  const pin = pins.get(editor);
  if (!pin?.glide) return;
  if (!sameCamera(editor.getCamera(), pin.shown)) return setPin(editor, null);
  const glide = { ...pin.glide, elapsedMs: pin.glide.elapsedMs + elapsedMs };
  const t = Math.min(1, glide.elapsedMs / glide.durationMs);
  const width = editor.getViewportScreenBounds().w;
  const shown = show(editor, cameraBetween(glide.from, pin.target, easeInOut(t), width));
  pins.set(editor, { ...pin, shown, glide: t < 1 ? glide : null });
}

/**
 * Shows `frameIds` whole in the free part of the screen (gliding unless `animate` is false) and
 * keeps them fitted until the person moves. False when none of the frames is on the page.
 */
export function bringTo(editor: Editor, frameIds: readonly string[], animate = true): boolean {
  const bounds = pageBoundsOf(editor, frameIds);
  if (!bounds) return false;
  glideTo(editor, frameIds, cameraToFit(bounds, freeArea(editor, bounds)), animate ? glideMs(GLIDE_MS) : 0);
  return true;
}

/** Forgets the held place: the camera was sent elsewhere on purpose. */
export function unpin(editor: Editor): void {
  setPin(editor, null);
}

/** Refits a held view when what covers the screen changed; frees it once the person moved it. */
function keepFitted(editor: Editor): void {
  const pin = pins.get(editor);
  // Never move the view under someone typing or dragging.
  if (!pin || pin.glide || editor.getEditingShapeId() !== null || editor.inputs.getIsPointing()) return;
  if (!sameCamera(editor.getCamera(), pin.shown)) return setPin(editor, null);
  const bounds = pageBoundsOf(editor, pin.frameIds);
  if (!bounds) return;
  const target = cameraToFit(bounds, freeArea(editor, bounds));
  if (!sameCamera(target, pin.shown)) glideTo(editor, pin.frameIds, target, glideMs(REFIT_MS));
}

export function StepCamera() {
  const editor = useEditor();
  const { session, me } = useFacilitation();
  const key = session ? placeKey(session, me) : null;
  const hasPlace = session ? currentStep(session)?.frameId !== undefined : false;
  // The frames on the page that make the person's place, as one string so renders stay rare.
  const frames = useValue('step place', () => (session ? placeOf(editor, session, me).join(' ') : ''), [
    editor,
    session,
    me,
  ]);
  const handled = useRef<string | null>(null);
  // Whether the person zoomed or panned (wheel, pinch, keys) before their first place arrived:
  // then their view is theirs, and the next step change brings them to the step.
  const movedBeforeArrival = useRef(false);
  useEffect(() => {
    const onEvent = (info: TLEventInfo) => {
      if (handled.current === null && ['wheel', 'pinch', 'keyboard'].includes(info.type))
        movedBeforeArrival.current = true;
    };
    editor.on('event', onEvent);
    return () => {
      editor.off('event', onEvent);
    };
  }, [editor]);

  useEffect(() => {
    if (key === null || handled.current === key) return;
    if (!hasPlace) {
      // A break: people stay where they are.
      handled.current = key;
      unpin(editor);
      return;
    }
    // The frame is not on this page yet: try again when it is.
    if (!frames) return;
    const arriving = handled.current === null;
    handled.current = key;
    // Following the facilitator ("Suivez-moi"): their camera leads.
    if (editor.getInstanceState().followingUserId) return;
    if (arriving && movedBeforeArrival.current) return;
    bringTo(editor, frames.split(' '), !arriving);
  }, [editor, key, hasPlace, frames]);

  useEffect(() => {
    const onTick = (elapsedMs: number) => advance(editor, elapsedMs);
    const onStop = () => onCameraTaken(editor);
    editor.on('tick', onTick);
    editor.on('stop-camera-animation', onStop);
    const timer = setInterval(() => keepFitted(editor), CHECK_MS);
    return () => {
      editor.off('tick', onTick);
      editor.off('stop-camera-animation', onStop);
      clearInterval(timer);
      unpin(editor);
    };
  }, [editor]);

  return null;
}
