// "Vue liste": the board without the canvas, for the keyboard, screen readers, magnifiers and
// switches. The current step (title, instructions, countdown, vote), its zones as headings and their
// notes and cards as lists in reading order, with author and dots; add, edit and delete notes, fill
// a card in its form, vote. It reads and writes the same tldraw document through the editor, so the
// canvas's write guard (board-schema's decideWrite) and authorship apply exactly as on the canvas.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { firstLine } from '@atelier/board-schema';
import { readBoard, type BoardRecord } from '@atelier/export';
import type { PublicSessionState, PublicVote } from '@atelier/protocol';
import { toRichText, useEditor, useValue, type TLShapeId } from 'tldraw';
import { useBoard } from '../board/board-context';
import { openCardForm, useOpenCardForm } from '../cards/card-form-host';
import { useVoteItems } from '../facilitation/canvas-items';
import { CommandErrorNotice } from '../facilitation/command-error-notice';
import { FacilitatorPanel } from '../facilitation/facilitator-panel';
import { fill } from '../facilitation/format';
import { currentStepView, stepPosition } from '../facilitation/step-view';
import { useCountdown } from '../facilitation/use-countdown';
import { useCommand, useFacilitation } from '../facilitation/use-facilitation';
import { voteActions } from '../facilitation/vote-view';
import { VoteBar } from '../facilitation/vote-bar';
import { ZoneVoteList } from '../facilitation/zone-vote-list';
import { noteTargets, placeNote } from '../live/add-note';
import { placeOf } from '../live/step-camera';
import { currentStep, placeFrameIds } from '../live/step-place';
import { showAddNote, voteUi, writesPrivately } from '../live/step-ui';
import { PrivateNotesPanel } from '../room/private-notes-panel';
import { useI18n } from '../shared/i18n';
import { announce } from '../a11y/announcer';
import { headingLevel, listSections, type ListItem, type ListSection } from './list-model';
import { LIST_VIEW_SHORTCUT, setListViewOpen } from './list-view-state';
import './list-view.css';

export function ListView() {
  const { t, locale } = useI18n();
  const { meta } = useBoard();
  const { session, isFacilitator } = useFacilitation();
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLElement>(null);
  // Opened on purpose: the keyboard and the screen reader start at its title.
  useEffect(() => heading.current?.focus(), []);
  // tldraw reads keys on its container (Delete, arrows, Enter, letters for tools), natively: here
  // they are the page's (the canvas is hidden anyway), so they stop before reaching it.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const stop = (event: KeyboardEvent) => event.stopPropagation();
    element.addEventListener('keydown', stop);
    element.addEventListener('keyup', stop);
    return () => {
      element.removeEventListener('keydown', stop);
      element.removeEventListener('keyup', stop);
    };
  }, []);
  const step = session ? currentStepView(session, locale) : null;

  return (
    <main
      className={`list-view${isFacilitator ? ' has-panel' : ''}`}
      data-testid="list-view"
      aria-labelledby="list-view-title"
      ref={root}
    >
      <header className="list-view-bar">
        <h1 id="list-view-title" ref={heading} tabIndex={-1}>
          {fill(t.listViewTitle, { title: meta.title })}
        </h1>
        <button
          type="button"
          className="list-button"
          aria-keyshortcuts={LIST_VIEW_SHORTCUT}
          onClick={() => setListViewOpen(false)}
        >
          {t.listViewClose}
        </button>
        <p className="list-view-help">{t.listViewHelp}</p>
      </header>
      {isFacilitator && (
        <div className="list-view-panel">
          <FacilitatorPanel placement="list" />
        </div>
      )}
      <div className="list-view-content">
        {session && step ? (
          <StepSection session={session} />
        ) : (
          <BoardSections session={session} atStep={false} />
        )}
      </div>
    </main>
  );
}

function StepSection({ session }: { session: PublicSessionState }) {
  const { t, locale } = useI18n();
  const { clockOffsetMs, role } = useFacilitation();
  const step = currentStepView(session, locale)!;
  const view = useCountdown(session.timer, clockOffsetMs);
  const vote = voteUi(session, role !== null && role !== 'viewer');
  return (
    <>
      <section className="list-step" aria-labelledby="list-step-title" data-testid="list-step">
        <p className="list-step-position">{stepPosition(step, t)}</p>
        <h2 id="list-step-title">{step.title}</h2>
        <div
          role="timer"
          aria-label={t.facCountdownLabel}
          className="list-countdown"
          data-status={view.status}
        >
          {view.display}
        </div>
        {session.question && (
          <p>
            <strong>{t.facQuestion}</strong> {session.question}
          </p>
        )}
        {step.instructions && (
          <div className="list-instructions">
            <h3>{t.facInstructions}</h3>
            <p>{step.instructions}</p>
          </div>
        )}
        {session.vote && vote.status && (
          <VoteBar vote={session.vote} results={vote.results} decisions={session.decisions ?? []} />
        )}
        {session.vote && vote.actions && session.vote.itemKind === 'zone' && (
          <ZoneVoteList vote={session.vote} />
        )}
        {step.step.kind === 'break' && <p>{t.listBreak}</p>}
      </section>
      {role === 'participant' && <PrivateNotesPanel session={session} inline />}
      {step.step.frameId && <BoardSections session={session} atStep />}
    </>
  );
}

/** The sections, from the shapes of the current page (and the page) as `readBoard` reads them, live. */
function useSections(rootFrameIds: readonly string[] | null, addTargets: readonly string[]): ListSection[] {
  const editor = useEditor();
  const { t } = useI18n();
  const reading = useValue(
    'list view reading',
    () => {
      const page = editor.getCurrentPage();
      return readBoard([page, ...editor.getCurrentPageShapes()] as BoardRecord[]);
    },
    [editor],
  );
  return useMemo(
    () => listSections(reading, rootFrameIds, addTargets, t.listOutside),
    [reading, rootFrameIds, addTargets, t.listOutside],
  );
}

/** `atStep`: the current step's frame, or every group's zone of it; otherwise the whole board. */
function BoardSections({ session, atStep }: { session: PublicSessionState | null; atStep: boolean }) {
  const editor = useEditor();
  const { t } = useI18n();
  const { me, role } = useFacilitation();
  const readOnly = useValue('read only', () => editor.getIsReadonly(), [editor]);
  const canWrite = role !== null && role !== 'viewer' && !readOnly;
  // A string, so moving a note does not make new targets (nor re-read the board) every time.
  const joinedTargets = useValue(
    'list view note targets',
    () =>
      session
        ? noteTargets(editor, placeOf(editor, session, me))
            .map((target) => target.id)
            .join('\n')
        : '',
    [editor, session, me],
  );
  const targets = useMemo(() => (joinedTargets ? joinedTargets.split('\n') : []), [joinedTargets]);
  const joinedRoots = useValue(
    'list view step zones',
    () =>
      session && atStep
        ? placeFrameIds(editor.getCurrentPageShapes(), currentStep(session), null).join('\n')
        : null,
    [editor, session, atStep],
  );
  const roots = useMemo(() => (joinedRoots === null ? null : joinedRoots.split('\n')), [joinedRoots]);
  const sections = useSections(roots, targets);
  // S-PRIV-7: a participant's new ideas at a private step go to the private list above, not on the board.
  const adding = canWrite && (!session || (showAddNote(session) && !writesPrivately(session, role)));
  const vote = session?.vote ?? null;
  const noteVote = vote && vote.status === 'open' && vote.itemKind !== 'zone' && canWrite ? vote : null;
  const voteItems = useVoteItems(noteVote);
  const anywhere = adding && !sections.some((section) => section.addable);

  return (
    <div className="list-sections">
      {anywhere && <AddNoteForm containerId={roots?.[0] ?? null} label={t.listAddNote} />}
      {sections.map((section) => (
        <Section
          key={section.id}
          section={section}
          canAdd={adding && section.addable}
          canWrite={canWrite}
          session={session}
          noteVote={noteVote}
          voteItems={voteItems}
        />
      ))}
    </div>
  );
}

function Section({
  section,
  canAdd,
  canWrite,
  session,
  noteVote,
  voteItems,
}: {
  section: ListSection;
  canAdd: boolean;
  canWrite: boolean;
  session: PublicSessionState | null;
  noteVote: PublicVote | null;
  voteItems: readonly string[];
}) {
  const { t } = useI18n();
  const headingId = useId();
  const Heading = `h${headingLevel(section)}` as const;
  const title = section.title || t.listOutside;
  return (
    <section
      className="list-section"
      aria-labelledby={headingId}
      data-testid="list-section"
      data-section-id={section.id}
      style={{ marginInlineStart: `${Math.min(section.level, 3) * 0.75}rem` }}
    >
      <Heading id={headingId} className="list-section-title">
        {title}
        {section.addable && <span className="list-your-zone"> ({t.listYourZone})</span>}
      </Heading>
      {section.items.length > 0 ? (
        <ul className="list-items" aria-label={fill(t.listItemsOf, { zone: title })}>
          {section.items.map((item) => (
            <li key={item.id} className="list-item" data-testid="list-item" data-item-id={item.id}>
              <Item
                item={item}
                canWrite={canWrite}
                session={session}
                vote={noteVote && voteItems.includes(item.id) ? noteVote : null}
              />
            </li>
          ))}
        </ul>
      ) : section.level > 0 || section.addable ? (
        <p className="list-empty">{t.listEmpty}</p>
      ) : null}
      {canAdd && <AddNoteForm containerId={section.id} label={fill(t.listAddNoteIn, { zone: title })} />}
    </section>
  );
}

function Item({
  item,
  canWrite,
  session,
  vote,
}: {
  item: ListItem;
  canWrite: boolean;
  session: PublicSessionState | null;
  vote: PublicVote | null;
}) {
  const editor = useEditor();
  const { t } = useI18n();
  const { me, isFacilitator } = useFacilitation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const cardButton = useRef<HTMLButtonElement>(null);
  const openCard = useOpenCardForm();
  const formWasOpen = useRef(false);
  // Back to "Remplir la fiche" when its form closes.
  useEffect(() => {
    if (openCard === item.id) formWasOpen.current = true;
    else if (formWasOpen.current) {
      formWasOpen.current = false;
      cardButton.current?.focus();
    }
  }, [openCard, item.id]);

  const name = firstLine(item.text, 60) || t.listEmptyNote;
  const author =
    item.authorId === null
      ? null
      : item.authorId === me
        ? t.listByYou
        : fill(t.listBy, {
            name: session?.participants.find((person) => person.userId === item.authorId)?.name ?? '?',
          });
  const mine = item.authorId === me;
  const canDelete = canWrite && item.kind === 'note' && (mine || isFacilitator);
  const canEdit = canWrite && item.kind === 'note';
  const results = new Map((session?.vote?.results ?? []).map((result) => [result.itemId, result.count]));
  const count = session?.vote?.results ? (results.get(item.id) ?? 0) : null;
  const myDots = session?.vote?.myVotes?.[item.id] ?? 0;

  const remove = (event: { currentTarget: HTMLElement }) => {
    // The focus goes to the zone's heading, the button being gone with its note.
    const heading = event.currentTarget.closest('section')?.querySelector<HTMLElement>('h3, h4, h5, h6');
    editor.markHistoryStoppingPoint('delete note from the list');
    editor.deleteShapes([item.id as TLShapeId]);
    if (!editor.getShape(item.id as TLShapeId)) {
      announce(fill(t.listDeleted, { text: name }));
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    }
  };

  if (editing)
    return (
      <NoteTextForm
        initial={item.text}
        submitLabel={t.listSave}
        onSubmit={(text) => {
          editor.markHistoryStoppingPoint('edit note from the list');
          editor.updateShape({
            id: item.id as TLShapeId,
            type: 'note',
            props: { richText: toRichText(text) },
          });
          setEditing(false);
          requestAnimationFrame(() => editButton.current?.focus());
        }}
        onCancel={() => {
          setEditing(false);
          requestAnimationFrame(() => editButton.current?.focus());
        }}
      />
    );

  return (
    <article className="list-item-body" aria-label={name}>
      {item.kind === 'card' && item.card && (
        <p className="list-item-kind">
          {t.listCardKind} · {cardKindLabel(item.card.kind, t)}
        </p>
      )}
      <p className="list-item-text">{item.text || t.listEmptyNote}</p>
      {(author || count !== null || myDots > 0) && (
        <p className="list-item-meta">
          {[
            author,
            count !== null ? fill(t.listDots, { count }) : null,
            myDots > 0 ? fill(t.voteZoneMine, { mine: myDots }) : null,
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </p>
      )}
      <div className="list-item-actions">
        {vote && <VoteButtons vote={vote} itemId={item.id} name={name} />}
        {canEdit && (
          <button
            ref={editButton}
            type="button"
            className="list-button"
            aria-label={fill(t.listEditNamed, { text: name })}
            onClick={() => setEditing(true)}
          >
            {t.listEdit}
          </button>
        )}
        {canWrite && item.kind === 'card' && (
          <button
            ref={cardButton}
            type="button"
            className="list-button"
            aria-label={fill(t.listFillCardNamed, { text: name })}
            onClick={() => openCardForm(editor, item.id as TLShapeId)}
          >
            {t.cardOpenForm}
          </button>
        )}
        {canDelete && (
          <button
            type="button"
            className="list-button danger"
            aria-label={fill(t.listDeleteNamed, { text: name })}
            onClick={remove}
          >
            {t.listDelete}
          </button>
        )}
      </div>
    </article>
  );
}

function cardKindLabel(kind: string, t: ReturnType<typeof useI18n>['t']): string {
  if (kind === 'identity') return t.listCardIdentity;
  if (kind === 'engagement') return t.listCardEngagement;
  return t.listCardAction;
}

function VoteButtons({ vote, itemId, name }: { vote: PublicVote; itemId: string; name: string }) {
  const { t } = useI18n();
  const { send, error, dismiss } = useCommand();
  const { canCast, canRetract } = voteActions(vote, itemId);
  return (
    <>
      <button
        type="button"
        className="list-button primary"
        aria-label={fill(t.voteZoneCast, { name })}
        disabled={!canCast}
        onClick={() => void send({ type: 'vote.cast', itemId })}
      >
        {t.facVoteCast}
      </button>
      <button
        type="button"
        className="list-button"
        aria-label={fill(t.voteZoneRetract, { name })}
        disabled={!canRetract}
        onClick={() => void send({ type: 'vote.retract', itemId })}
      >
        {t.facVoteRetract}
      </button>
      <CommandErrorNotice error={error} dismiss={dismiss} />
    </>
  );
}

/** "Ajouter un post-it dans « … »": a button that opens a small form; the note is created on saving. */
function AddNoteForm({ containerId, label }: { containerId: string | null; label: string }) {
  const editor = useEditor();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  if (!open)
    return (
      <button
        ref={button}
        type="button"
        className="list-button primary list-add"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">+ </span>
        {label}
      </button>
    );
  return (
    <NoteTextForm
      initial=""
      submitLabel={t.listAddNote}
      legend={label}
      onSubmit={(text) => {
        placeNote(editor, containerId, text);
        announce(fill(t.listAdded, { text: firstLine(text, 60) }));
        close();
      }}
      onCancel={close}
    />
  );
}

function NoteTextForm({
  initial,
  submitLabel,
  legend,
  onSubmit,
  onCancel,
}: {
  initial: string;
  submitLabel: string;
  legend?: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <form
      className="list-note-form"
      aria-label={legend ?? t.listNoteText}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
        // Ctrl+Enter (or ⌘+Enter) saves from the text, as in most editors.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
      }}
    >
      <label htmlFor={fieldId}>{t.listNoteText}</label>
      <textarea
        id={fieldId}
        ref={field}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="list-form-actions">
        <button type="submit" className="list-button primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
        <button type="button" className="list-button" onClick={onCancel}>
          {t.listCancel}
        </button>
      </div>
    </form>
  );
}
