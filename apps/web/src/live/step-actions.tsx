// The step's actions, by the thumb, just above tldraw's toolbar: "Ajouter un post-it" (a large
// button, first in the tab order of the bottom bar) and, while a vote is open, "Voter" / "Retirer"
// for the note tapped or selected (also with P / Shift+P), or, for a vote on zones (the PGO themes),
// the list of zones with "+" and "−".
import { useCallback, useEffect, useRef, useState } from 'react';
import { DefaultToolbar, useEditor, useValue } from 'tldraw';
import type { PublicVote } from '@atelier/protocol';
import { useSelectedVoteItem, useVoteItems } from '../facilitation/canvas-items';
import { fill } from '../facilitation/format';
import { useCommand, useFacilitation } from '../facilitation/use-facilitation';
import { voteActions } from '../facilitation/vote-view';
import { ZoneVoteList } from '../facilitation/zone-vote-list';
import { useI18n } from '../shared/i18n';
import { useMediaQuery } from '../shared/use-media-query';
import { addNote, noteTargets, targetInView, type NoteTarget } from './add-note';
import { placeOf } from './step-camera';
import { composePrivateNote } from '../room/private-composer';
import { showAddNote, voteUi, writesPrivately } from './step-ui';
import './live.css';

/** tldraw's toolbar slot: the step's actions above tldraw's own toolbar. */
export function StepToolbar() {
  return (
    <div className="step-toolbar">
      <StepActions />
      <DefaultToolbar />
    </div>
  );
}

function StepActions() {
  const { t } = useI18n();
  const { session, role } = useFacilitation();
  const editor = useEditor();
  const readOnly = useValue('read only', () => editor.getIsReadonly(), [editor]);
  if (!session || role === null || role === 'viewer' || readOnly) return null;
  const vote = voteUi(session, true);
  if (!showAddNote(session) && !vote.actions) return null;
  return (
    <div className="step-actions" role="group" aria-label={t.liveActions}>
      {showAddNote(session) && <AddNoteButton />}
      {vote.actions &&
        session.vote &&
        (session.vote.itemKind === 'zone' ? (
          <ZoneVoteList vote={session.vote} />
        ) : (
          <VoteActions vote={session.vote} />
        ))}
    </div>
  );
}

function AddNoteButton() {
  const editor = useEditor();
  const { t } = useI18n();
  const { session, me, role } = useFacilitation();
  const [choices, setChoices] = useState<NoteTarget[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (choices) firstChoice.current?.focus();
  }, [choices]);

  const privateNow = session !== null && writesPrivately(session, role);
  const add = (containerId: string | null) => {
    setChoices(null);
    addNote(editor, containerId);
  };

  const start = () => {
    if (!session) return;
    const targets = noteTargets(editor, placeOf(editor, session, me));
    // S-PRIV-7: the idea goes to the private list, in the column in view when there is one.
    if (privateNow) return composePrivateNote(targetInView(editor, targets));
    if (targets.length === 0) return add(null);
    const chosen = targetInView(editor, targets);
    if (chosen) return add(chosen);
    setChoices(targets);
  };

  const cancel = () => {
    setChoices(null);
    button.current?.focus();
  };

  return (
    <div className="step-add-note">
      <button
        ref={button}
        type="button"
        className="step-button primary"
        aria-expanded={choices ? true : undefined}
        onClick={start}
        // tldraw reads Enter on the page as "edit the selected shape": this Enter is the button's.
        onKeyDown={(event) => event.stopPropagation()}
      >
        <span aria-hidden="true" className="step-button-icon">
          +
        </span>
        {privateNow ? t.liveAddPrivateNote : t.liveAddNote}
      </button>
      {choices && (
        <div
          className="step-choices"
          role="group"
          aria-label={t.liveChooseColumn}
          onKeyDown={(event) => {
            event.stopPropagation();
            if (event.key === 'Escape') cancel();
          }}
        >
          <p className="step-choices-title" aria-hidden="true">
            {t.liveChooseColumn}
          </p>
          {choices.map((choice, index) => (
            <button
              key={choice.id}
              ref={index === 0 ? firstChoice : undefined}
              type="button"
              className="step-button"
              onClick={() => add(choice.id)}
            >
              {choice.name}
            </button>
          ))}
          <button type="button" className="step-button subtle" onClick={cancel}>
            {t.liveChooseCancel}
          </button>
        </div>
      )}
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function VoteActions({ vote }: { vote: PublicVote }) {
  const editor = useEditor();
  const { t } = useI18n();
  const { send, error, dismiss } = useCommand();
  const touch = useMediaQuery('(pointer: coarse)');
  const itemIds = useVoteItems(vote);
  const selectedItem = useSelectedVoteItem(vote, itemIds);
  const { canCast, canRetract } = voteActions(vote, selectedItem);
  const mine = selectedItem && vote.myVotes ? (vote.myVotes[selectedItem] ?? 0) : 0;

  const act = useCallback(
    (retract: boolean) => {
      if (!selectedItem) return;
      void send(
        retract
          ? { type: 'vote.retract', itemId: selectedItem }
          : { type: 'vote.cast', itemId: selectedItem },
      );
    },
    [selectedItem, send],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'p' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.repeat || isTyping(event.target)) return;
      if (editor.getEditingShapeId() !== null || editor.menus.hasAnyOpenMenus()) return;
      event.preventDefault();
      act(event.shiftKey);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, act]);

  return (
    <div className="step-vote">
      <button
        type="button"
        className="step-button primary"
        disabled={!canCast}
        aria-keyshortcuts="P"
        onClick={() => act(false)}
      >
        {t.facVoteCast}
      </button>
      <button
        type="button"
        className="step-button"
        disabled={!canRetract}
        aria-keyshortcuts="Shift+P"
        onClick={() => act(true)}
      >
        {t.facVoteRetract}
      </button>
      {error ? (
        <p className="step-error" role="alert">
          {error}
          <button type="button" className="step-dismiss" aria-label={t.facErrorDismiss} onClick={dismiss}>
            ×
          </button>
        </p>
      ) : (
        <span className="step-hint">
          {selectedItem ? fill(t.facBadgeMine, { mine }) : touch ? t.liveVoteHintTouch : t.facVoteHint}
        </span>
      )}
    </div>
  );
}
