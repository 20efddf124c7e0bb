// What a vote decided, as everyone reads it: "Thématiques retenues", the items kept with their dots,
// and why (by the vote, a run-off, the facilitator's choice).
import type { Decision } from '@atelier/protocol';
import { useEditor } from 'tldraw';
import { useI18n, type Messages } from '../shared/i18n';
import { voteItemLabel } from './canvas-items';
import { fill } from './format';
import './decisions.css';

export function decisionTitle(decision: Decision, t: Messages, locale: 'fr' | 'en'): string {
  return (
    decision.title?.[locale] || (decision.itemKind === 'zone' ? t.decisionDefaultZone : t.decisionDefaultNote)
  );
}

export function decisionReason(decision: Decision, t: Messages): string {
  switch (decision.reason) {
    case 'votes':
      return t.decisionByVotes;
    case 'runoff':
      return t.decisionByRunoff;
    case 'choice':
      return t.decisionByChoice;
  }
}

export function DecisionSummary({ decision, compact = false }: { decision: Decision; compact?: boolean }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const title = decisionTitle(decision, t, locale);
  const label = (itemId: string) =>
    voteItemLabel(editor, itemId, locale) ?? (decision.itemKind === 'zone' ? t.voteZoneGone : t.facNoteGone);
  return (
    <section className={compact ? 'decision compact' : 'decision'} aria-label={title} data-testid="decision">
      <p className="decision-title">
        <strong>{title}</strong>
        <span className="decision-reason"> · {decisionReason(decision, t)}</span>
      </p>
      <ol className="decision-items">
        {decision.retained.map((item) => (
          <li key={item.itemId}>
            <span className="decision-item">{label(item.itemId) || t.facNoteUntitled}</span>
            <span className="decision-count">
              {fill(item.count > 1 ? t.decisionPoints : t.decisionPoint, { count: item.count })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
