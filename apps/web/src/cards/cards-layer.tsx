// What Atelier adds on the canvas for structured cards and templates: authorship of notes, identity
// cards placed on the map, and the form of the card opened from it. (The PGO engagement cards are
// the server's: one per theme the vote retained.)
import { useEffect, useRef } from 'react';
import { useEditor } from 'tldraw';
import { useBoard } from '../board/board-context';
import { useI18n } from '../shared/i18n';
import { registerIdentityMapPlacement } from './identity-map-placement';
import { registerNoteAuthorship } from './note-authorship';
import { CardFormSheet } from './card-form-host';
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

  return <CardFormSheet />;
}
