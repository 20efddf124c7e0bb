// What Atelier adds on the canvas for structured cards and templates: authorship of notes, identity
// cards placed on the map, the PGO engagements action. (The card form sits in the style panel's slot.)
import { useEffect, useRef } from 'react';
import { useEditor } from 'tldraw';
import { useBoard } from '../board/board-context';
import { useI18n } from '../shared/i18n';
import { registerIdentityMapPlacement } from './identity-map-placement';
import { registerNoteAuthorship } from './note-authorship';
import { PgoEngagementButton } from './pgo-engagement-button';
import './cards.css';

export function CardsLayer() {
  const editor = useEditor();
  const { userId } = useBoard();
  const { locale } = useI18n();
  const localeRef = useRef(locale);
  useEffect(() => {
    localeRef.current = locale;
  }, [locale]);

  useEffect(() => {
    const stops = [
      registerNoteAuthorship(editor, userId),
      registerIdentityMapPlacement(editor, () => localeRef.current),
    ];
    return () => stops.forEach((stop) => stop());
  }, [editor, userId]);

  return (
    <div className="cards-layer">
      <PgoEngagementButton />
    </div>
  );
}
