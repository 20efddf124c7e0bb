import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { OwnedTemplateList, TemplateSummary } from '@atelier/protocol';
import { api, ApiRequestError } from '../shared/api';
import { fill } from '../facilitation/format';
import { useI18n } from '../shared/i18n';
import { rememberedFacilitatorKeys } from '../shared/identity';
import { AccountBar } from '../account/account-bar';
import { MyBoards } from '../account/my-boards';
import { signInUrl, useAccount } from '../shared/account';
import { SiteFooter } from '../shared/site-footer';
import { GroupsInput, TemplateOptions } from '../shared/template-fields';
import { CreatedBoardLinks, useBoardCreation } from './board-creation';
import { ProgrammeComposer } from './programme-composer';

type OwnedTemplate = OwnedTemplateList['templates'][number];

const BOARD_ID = /^[A-Za-z0-9_-]{22}$/;

/** Accepts a full board link, a path, or the bare code. */
export function boardIdFromInput(input: string): string | null {
  const trimmed = input.trim();
  if (BOARD_ID.test(trimmed)) return trimmed;
  const match = /\/b\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(trimmed);
  return match?.[1] ?? null;
}

export function HomePage() {
  const { t, locale } = useI18n();
  const ids = { title: useId(), template: useId(), groups: useId(), question: useId(), join: useId() };
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  // Saved from boards this browser facilitates: private to their facilitator.
  const [ownTemplates, setOwnTemplates] = useState<OwnedTemplate[]>([]);
  const [ownKeys] = useState(rememberedFacilitatorKeys);
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState('blank');
  const [groups, setGroups] = useState(3);
  const [question, setQuestion] = useState('');
  const { busy, error, setError, created, create: createBoard, show } = useBoardCreation(t.errorGeneric);
  const [joinInput, setJoinInput] = useState('');
  const [joinError, setJoinError] = useState(false);
  const [imported, setImported] = useState(false);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const account = useAccount();
  // With sign-in required, creating and importing wait for a signed-in facilitator.
  const mayCreate = account !== null && (!account.createRequiresLogin || account.account !== null);

  useEffect(() => {
    api.templates().then(
      (list) => setTemplates(list.templates),
      () => setTemplates([]),
    );
  }, []);

  useEffect(() => {
    api.ownedTemplates(ownKeys).then(
      (list) => setOwnTemplates(list.templates),
      () => setOwnTemplates([]),
    );
  }, [ownKeys]);

  const ownTemplate = ownTemplates.find((candidate) => candidate.id === templateId);
  const template = ownTemplate ?? templates.find((candidate) => candidate.id === templateId);

  async function deleteOwnTemplate(owned: OwnedTemplate) {
    const key = ownKeys[owned.ownerKeyIndex];
    if (!key || !confirm(fill(t.deleteTemplateConfirm, { title: owned.title[locale] }))) return;
    try {
      await api.deleteTemplate(owned.id, key);
      setOwnTemplates((list) => list.filter((candidate) => candidate.id !== owned.id));
      setTemplateId('blank');
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : t.errorGeneric);
    }
  }
  const hasGroups = template !== undefined && template.maxGroups > 1;

  async function create(event: FormEvent) {
    event.preventDefault();
    await createBoard({
      title,
      template: templateId,
      locale,
      ...(hasGroups ? { groups } : {}),
      ...(question.trim() ? { question: question.trim() } : {}),
    });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImporting(true);
    setImportError(null);
    try {
      const board = await api.importBoard(file, { locale, title: file.name.replace(/\.tldr$/i, '') });
      setImported(true);
      show(board);
    } catch (caught) {
      setImportError(caught instanceof ApiRequestError ? caught.message : t.errorGeneric);
    } finally {
      setImporting(false);
    }
  }

  function join(event: FormEvent) {
    event.preventDefault();
    const id = boardIdFromInput(joinInput);
    if (!id) return setJoinError(true);
    location.assign(`/b/${id}`);
  }

  return (
    <main className="home">
      <header className="home-header">
        <h1>{t.appName}</h1>
        <p>{t.tagline}</p>
        {account && <AccountBar info={account} />}
      </header>
      <div className="home-columns">
        {account?.account && <MyBoards />}
        <section className="card" aria-labelledby="create-heading">
          <h2 id="create-heading">{t.createTitle}</h2>
          {account && !mayCreate ? (
            <p>
              <a className="button primary" href={signInUrl('/')}>
                {t.createNeedsSignIn}
              </a>
            </p>
          ) : created ? (
            <CreatedBoardLinks
              board={created}
              status={imported ? t.importedTitle : t.createdTitle}
              labels={{
                participant: t.participantLinkLabel,
                viewer: t.viewerLinkLabel,
                facilitator: t.facilitatorLinkLabel,
                open: t.openAsFacilitator,
              }}
            />
          ) : (
            <form onSubmit={create}>
              <label htmlFor={ids.title}>{t.boardTitleLabel}</label>
              <input
                id={ids.title}
                required
                maxLength={120}
                value={title}
                placeholder={t.boardTitlePlaceholder}
                onChange={(event) => setTitle(event.target.value)}
              />
              <label htmlFor={ids.template}>{t.templateLabel}</label>
              <select
                id={ids.template}
                value={templateId}
                onChange={(event) => setTemplateId(event.target.value)}
              >
                {templates.length === 0 && <option value="blank">blank</option>}
                <TemplateOptions templates={templates} locale={locale} />
                {ownTemplates.length > 0 && (
                  <optgroup label={t.ownTemplatesLabel}>
                    <TemplateOptions templates={ownTemplates} locale={locale} />
                  </optgroup>
                )}
              </select>
              {template && <p className="hint">{template.description[locale]}</p>}
              {ownTemplate && (
                <button type="button" className="button" onClick={() => void deleteOwnTemplate(ownTemplate)}>
                  {t.deleteTemplateButton}
                </button>
              )}
              {hasGroups && (
                <>
                  <label htmlFor={ids.groups}>{t.groupsLabel}</label>
                  <GroupsInput id={ids.groups} template={template} value={groups} onChange={setGroups} />
                </>
              )}
              <label htmlFor={ids.question}>
                {template?.questionLabel
                  ? fill(t.questionLabelNamed, { label: template.questionLabel[locale] })
                  : t.questionLabel}
              </label>
              <input
                id={ids.question}
                maxLength={300}
                // The template's own question is used when this is left empty.
                placeholder={template?.question?.[locale] ?? ''}
                value={question}
                onChange={(event) => setQuestion(event.target.value)}
              />
              {error && (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
              <button className="button primary" type="submit" disabled={busy}>
                {busy ? t.creating : t.createButton}
              </button>
            </form>
          )}
        </section>
        {(!account || mayCreate) && <ProgrammeComposer templates={templates} mayCreate={mayCreate} />}
        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading">{t.importTitle}</h2>
          <p className="hint" id="import-help">
            {t.importHelp}
          </p>
          <input
            ref={fileInput}
            type="file"
            accept=".tldr,application/json"
            hidden
            tabIndex={-1}
            onChange={(event) => void importFile(event)}
          />
          <button
            type="button"
            className="button"
            aria-describedby="import-help"
            disabled={importing || !mayCreate}
            onClick={() => fileInput.current?.click()}
          >
            {importing ? t.importing : t.importButton}
          </button>
          {importError && (
            <p className="error" role="alert">
              {importError}
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t.joinTitle}</h2>
          <form onSubmit={join}>
            <label htmlFor={ids.join}>{t.joinLabel}</label>
            <input
              id={ids.join}
              required
              value={joinInput}
              aria-invalid={joinError}
              aria-describedby={joinError ? `${ids.join}-error` : undefined}
              onChange={(event) => {
                setJoinInput(event.target.value);
                setJoinError(false);
              }}
            />
            {joinError && (
              <p className="error" id={`${ids.join}-error`} role="alert">
                {t.joinInvalid}
              </p>
            )}
            <button className="button" type="submit">
              {t.joinButton}
            </button>
          </form>
        </section>
      </div>
      <SiteFooter />
    </main>
  );
}
