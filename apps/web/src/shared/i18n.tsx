// The app's own words, French first. tldraw translates its own UI (its `fr` locale).
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Locale } from '@atelier/protocol';

const fr = {
  appName: 'Atelier',
  tagline: 'Le tableau blanc collaboratif des labs d’innovation publique',
  languageSwitch: 'English',
  createTitle: 'Créer un tableau',
  boardTitleLabel: 'Titre du tableau',
  boardTitlePlaceholder: 'Journée de la communauté des labs',
  templateLabel: 'Modèle d’atelier',
  groupsLabel: 'Nombre de groupes',
  questionLabel: 'Question posée (facultatif)',
  createButton: 'Créer le tableau',
  creating: 'Création…',
  joinTitle: 'Rejoindre un tableau',
  joinLabel: 'Lien ou code du tableau',
  joinButton: 'Rejoindre',
  joinInvalid: 'Ce lien ou ce code n’est pas reconnu.',
  createdTitle: 'Votre tableau est prêt',
  facilitatorLinkLabel: 'Lien animateur (à garder pour vous)',
  participantLinkLabel: 'Lien participants (à partager)',
  openAsFacilitator: 'Ouvrir le tableau en tant qu’animateur',
  copy: 'Copier',
  copied: 'Copié !',
  yourName: 'Votre nom',
  yourLab: 'Votre lab ou académie (facultatif)',
  enterBoard: 'Entrer dans le tableau',
  joinDialogTitle: 'Avant d’entrer',
  joinDialogHelp: 'Votre nom apparaîtra à côté de votre curseur.',
  loadingBoard: 'Chargement du tableau…',
  boardNotFound: 'Ce tableau n’existe pas ou le lien est incomplet.',
  backHome: 'Retour à l’accueil',
  statusOnline: 'Connecté',
  statusConnecting: 'Connexion…',
  statusReconnecting: 'Reconnexion…',
  statusRefused: 'Connexion refusée',
  share: 'Partager',
  shareTitle: 'Inviter des participants',
  shareHelp: 'Envoyez ce lien aux participants : ils rejoindront ce tableau en direct.',
  facilitatorLinkWarning: 'Ce lien donne les commandes d’animation : ne le partagez qu’avec un co-animateur.',
  close: 'Fermer',
  roleFacilitator: 'Animateur',
  roleParticipant: 'Participant',
  roleViewer: 'Lecture seule',
  errorGeneric: 'Une erreur est survenue.',
  syncError: 'La synchronisation du tableau a échoué. Rechargez la page.',
};

export type Messages = typeof fr;

const en: Messages = {
  appName: 'Atelier',
  tagline: 'The collaborative whiteboard for public innovation labs',
  languageSwitch: 'Français',
  createTitle: 'Create a board',
  boardTitleLabel: 'Board title',
  boardTitlePlaceholder: 'Labs community day',
  templateLabel: 'Workshop template',
  groupsLabel: 'Number of groups',
  questionLabel: 'Question (optional)',
  createButton: 'Create the board',
  creating: 'Creating…',
  joinTitle: 'Join a board',
  joinLabel: 'Board link or code',
  joinButton: 'Join',
  joinInvalid: 'This link or code is not recognised.',
  createdTitle: 'Your board is ready',
  facilitatorLinkLabel: 'Facilitator link (keep it to yourself)',
  participantLinkLabel: 'Participant link (share it)',
  openAsFacilitator: 'Open the board as facilitator',
  copy: 'Copy',
  copied: 'Copied!',
  yourName: 'Your name',
  yourLab: 'Your lab or académie (optional)',
  enterBoard: 'Enter the board',
  joinDialogTitle: 'Before you enter',
  joinDialogHelp: 'Your name will show next to your cursor.',
  loadingBoard: 'Loading the board…',
  boardNotFound: 'This board does not exist or the link is incomplete.',
  backHome: 'Back to the home page',
  statusOnline: 'Connected',
  statusConnecting: 'Connecting…',
  statusReconnecting: 'Reconnecting…',
  statusRefused: 'Connection refused',
  share: 'Share',
  shareTitle: 'Invite participants',
  shareHelp: 'Send this link to participants: they will join this board live.',
  facilitatorLinkWarning: 'This link gives facilitation controls: share it only with a co-facilitator.',
  close: 'Close',
  roleFacilitator: 'Facilitator',
  roleParticipant: 'Participant',
  roleViewer: 'Read only',
  errorGeneric: 'Something went wrong.',
  syncError: 'Board synchronisation failed. Reload the page.',
};

const catalogue: Record<Locale, Messages> = { fr, en };
const LOCALE_KEY = 'atelier.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  return saved === 'en' || saved === 'fr' ? saved : 'fr';
}

interface I18n {
  locale: Locale;
  t: Messages;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = (next: Locale) => {
    localStorage.setItem(LOCALE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  };
  return (
    <I18nContext.Provider value={{ locale, t: catalogue[locale], setLocale }}>
      {children}
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
