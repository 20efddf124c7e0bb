// "Save this board as a template": its layout and its sequence, without what people wrote during
// the session, offered next to the built-in templates.
import { randomBytes } from 'node:crypto';
import type { BoardMeta, SaveTemplateBody, SessionState, TemplateSummary } from '@atelier/protocol';
import { getTemplate } from '@atelier/templates';
import type { SerializedSchema } from '@tldraw/store';
import type { TLRecord } from '@tldraw/tlschema';
import type { StoredTemplate } from '../store/board-store';

/** Saved templates' ids never collide with built-in ones (which have no such prefix). */
export function newSavedTemplateId(): string {
  return `saved-${randomBytes(8).toString('hex')}`;
}

/** A sticky note someone wrote during a session (the web app stamps its author), not layout. */
function isContribution(record: TLRecord): boolean {
  return (
    record.typeName === 'shape' &&
    record.type === 'note' &&
    typeof record.meta === 'object' &&
    record.meta !== null &&
    'atelier.author' in record.meta
  );
}

/** The layout: the document's pages, shapes, bindings and assets, minus contributions and what hangs from them. */
export function layoutRecords(records: readonly TLRecord[]): TLRecord[] {
  const dropped = new Set<string>(records.filter(isContribution).map((record) => record.id));
  // Children of dropped shapes go too; parents come before children in no particular order, so repeat.
  for (let changed = true; changed;) {
    changed = false;
    for (const record of records) {
      if (record.typeName === 'shape' && !dropped.has(record.id) && dropped.has(record.parentId)) {
        dropped.add(record.id);
        changed = true;
      }
    }
  }
  return records.filter((record) => {
    if (record.typeName === 'document' || dropped.has(record.id)) return false;
    if (record.typeName === 'binding') return !dropped.has(record.fromId) && !dropped.has(record.toId);
    return true;
  });
}

export interface TemplateFromBoardInput {
  id: string;
  meta: BoardMeta;
  records: readonly TLRecord[];
  schema: SerializedSchema;
  session: SessionState | null;
  body: SaveTemplateBody;
  now: number;
  /** The facilitator key's hash of the board: its facilitator owns the template. */
  ownerKeyHash: string;
}

/** The stored template: the session's current steps (as edited by the facilitator) and the board's layout. */
export function templateFromBoard(input: TemplateFromBoardInput): StoredTemplate {
  const { meta, session, body } = input;
  const steps = session?.steps ?? getTemplate('blank')?.steps ?? [];
  const source = getTemplate(meta.template);
  const question = session?.question ?? meta.question;
  const description = body.description ?? '';
  const summary: TemplateSummary = {
    id: input.id,
    version: 1,
    title: { fr: body.title, en: body.title },
    description: {
      fr: description || `Modèle enregistré depuis le tableau « ${meta.title} ».`,
      en: description || `Template saved from the board "${meta.title}".`,
    },
    totalDurationMs: steps.reduce((sum, step) => sum + step.durationMs, 0),
    steps,
    roles: source?.roles ?? [],
    // Groups are laid out on the board already: a saved template is reused as it is.
    defaultGroups: 1,
    minGroups: 1,
    maxGroups: 1,
    ...(question ? { question: { fr: question, en: question } } : {}),
    ...(session?.firstStepNumber !== undefined ? { firstStepNumber: session.firstStepNumber } : {}),
  };
  return {
    summary,
    schema: input.schema,
    records: layoutRecords(input.records),
    createdAt: new Date(input.now).toISOString(),
    ownerKeyHash: input.ownerKeyHash,
  };
}
