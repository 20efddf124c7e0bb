// A participant's private ideas during a private step (S-PRIV): written, edited and deleted through
// session commands, held by the server under their key and shown here only, never in the shared
// document, until the facilitator reveals them all on the board.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useEditor, useValue, type TLFrameShape } from 'tldraw';
import { PrivateNoteLimits, type PrivateNote, type PublicSessionState } from '@atelier/protocol';
import { fill } from '../facilitation/format';
import { FoldButton } from '../facilitation/fold-button';
import { useCommand } from '../facilitation/use-facilitation';
import { COMPACT_SCREEN, useMediaQuery } from '../shared/use-media-query';
import { useComposeRequests } from './private-composer';
import { useRoomMessages } from './room-messages';

const newNoteId = () => crypto.randomUUID();

/** The frames right inside the step's frame (a PGO theme's column…): where an idea may be put. */
function useZones(frameId: string | undefined): { id: string; name: string }[] {
  const editor = useEditor();
  return useValue(
    'private note zones',
    () => {
      if (!frameId) return [];
      return editor
        .getSortedChildIdsForParent(frameId as TLFrameShape['id'])
        .map((id) => editor.getShape(id))
        .filter((shape): shape is TLFrameShape => shape?.type === 'frame')
        .sort((a, b) => a.x - b.x || a.y - b.y)
        .map((frame) => ({ id: frame.id, name: frame.props.name }));
    },
    [editor, frameId],
  );
}

/**
 * `inline`: in the list view's flow (the canvas hidden); otherwise floating over the board, bottom left.
 */
export function PrivateNotesPanel({
  session,
  inline = false,
}: {
  session: PublicSessionState;
  inline?: boolean;
}) {
  const step = session.steps.find((candidate) => candidate.id === session.currentStepId);
  const mine = session.privateNotes?.mine.filter((note) => note.stepId === step?.id) ?? [];
  const lastReveal = session.privateNotes?.lastReveal;
  if (!step?.private) return null;
  return (
    <Panel
      key={step.id}
      inline={inline}
      notes={mine}
      frameId={step.frameId}
      revealedCount={lastReveal?.stepId === step.id ? lastReveal.count : null}
      revealedAt={lastReveal?.stepId === step.id ? lastReveal.at : null}
    />
  );
}

function Panel({
  inline,
  notes,
  frameId,
  revealedCount,
  revealedAt,
}: {
  inline: boolean;
  notes: PrivateNote[];
  frameId: string | undefined;
  revealedCount: number | null;
  revealedAt: number | null;
}) {
  const m = useRoomMessages();
  const compact = useMediaQuery(COMPACT_SCREEN);
  // Opened or folded by hand, until the next reveal: then the board is what matters again.
  const [choice, setChoice] = useState<{ open: boolean; at: number | null } | null>(null);
  const chosenOpen = choice && choice.at === revealedAt ? choice.open : null;
  const setOpen = (wanted: boolean) => setChoice({ open: wanted, at: revealedAt });
  // Once everything was revealed the board is what matters: folded unless opened again.
  const allRevealed = revealedCount !== null && notes.length === 0;
  const open = inline || (chosenOpen ?? (!compact && !allRevealed));
  const { send, error } = useCommand();
  const zones = useZones(frameId);
  const [text, setText] = useState('');
  const [zoneId, setZoneId] = useState('');
  const bodyId = useId();
  const textId = useId();
  const zoneSelectId = useId();
  const full = notes.length >= PrivateNoteLimits.maxNotesPerPerson;
  const textBox = useRef<HTMLTextAreaElement>(null);
  // "Ajouter un post-it" or the note tool asked for a new idea: open, in the zone chosen, ready to type.
  useComposeRequests((requestedZone) => {
    setOpen(true);
    if (requestedZone && zones.some((zone) => zone.id === requestedZone)) setZoneId(requestedZone);
    requestAnimationFrame(() => textBox.current?.focus());
  });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || full) return;
    const ok = await send({
      type: 'private.write',
      id: newNoteId(),
      text: text.trim(),
      ...(zoneId ? { zoneId } : {}),
    });
    if (ok) setText('');
  };

  return (
    <section
      className={`room-private${open ? '' : ' is-collapsed'}${inline ? ' is-inline' : ''}`}
      aria-labelledby={`${bodyId}-title`}
      data-testid="private-notes"
    >
      <div className="room-private-bar">
        <h2 id={`${bodyId}-title`}>
          <LockIcon /> {m.privateTitle} <span className="room-private-count">({notes.length})</span>
        </h2>
        {!inline && (
          <FoldButton
            open={open}
            controls={bodyId}
            showLabel={m.privateShow}
            hideLabel={m.privateHide}
            onToggle={setOpen}
            glyphs={['▸', '▾']}
          />
        )}
      </div>
      {allRevealed && (
        <p className="room-private-revealed" role="status">
          {fill(m.privateRevealed, { count: revealedCount })}
        </p>
      )}
      <div id={bodyId} hidden={!open} className="room-private-body">
        <p className="fac-muted">{m.privateHelp}</p>
        {error && (
          <p className="fac-error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={(event) => void add(event)}>
          <label htmlFor={textId}>{m.privateNewLabel}</label>
          <textarea
            ref={textBox}
            id={textId}
            value={text}
            rows={3}
            maxLength={PrivateNoteLimits.maxTextLength}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void add(event);
            }}
          />
          {zones.length > 0 && (
            <>
              <label htmlFor={zoneSelectId}>{m.privateZoneLabel}</label>
              <select id={zoneSelectId} value={zoneId} onChange={(event) => setZoneId(event.target.value)}>
                <option value="">{m.privateZoneDefault}</option>
                {zones.map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <div className="fac-row">
            <button type="submit" className="fac-button primary" disabled={!text.trim() || full}>
              {m.privateAdd}
            </button>
            <span className="fac-muted">
              {fill(m.privateCount, { count: notes.length, max: PrivateNoteLimits.maxNotesPerPerson })}
            </span>
          </div>
        </form>
        {notes.length === 0 ? (
          <p className="fac-muted">{m.privateNone}</p>
        ) : (
          <ol className="room-private-list">
            {notes.map((note, index) => (
              <NoteItem key={note.id} note={note} n={index + 1} zones={zones} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function NoteItem({
  note,
  n,
  zones,
}: {
  note: PrivateNote;
  n: number;
  zones: { id: string; name: string }[];
}) {
  const m = useRoomMessages();
  const { send } = useCommand();
  const [editing, setEditing] = useState<string | null>(null);
  const editId = useId();
  const zone = zones.find((candidate) => candidate.id === note.zoneId);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (editing === null || !editing.trim()) return;
    const ok = await send({
      type: 'private.edit',
      id: note.id,
      text: editing.trim(),
      ...(note.zoneId ? { zoneId: note.zoneId } : {}),
    });
    if (ok) setEditing(null);
  };
  return (
    <li className="room-private-note" data-testid="private-note">
      {editing === null ? (
        <>
          <p className="room-private-text">{note.text}</p>
          {zone && <p className="fac-muted">{zone.name}</p>}
          <div className="fac-row">
            <button
              type="button"
              className="fac-button small"
              aria-label={fill(m.privateEditLabel, { n })}
              onClick={() => setEditing(note.text)}
            >
              {m.privateEdit}
            </button>
            <button
              type="button"
              className="fac-button small"
              aria-label={fill(m.privateDeleteLabel, { n })}
              onClick={() => void send({ type: 'private.delete', id: note.id })}
            >
              {m.privateDelete}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void save(event)}>
          <label htmlFor={editId} className="fac-visually-hidden">
            {fill(m.privateEditLabel, { n })}
          </label>
          <textarea
            id={editId}
            value={editing}
            rows={3}
            maxLength={PrivateNoteLimits.maxTextLength}
            onChange={(event) => setEditing(event.target.value)}
            autoFocus
          />
          <div className="fac-row">
            <button type="submit" className="fac-button small primary">
              {m.privateSave}
            </button>
            <button type="button" className="fac-button small" onClick={() => setEditing(null)}>
              {m.privateCancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
