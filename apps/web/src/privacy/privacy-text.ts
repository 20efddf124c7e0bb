// The "Données personnelles" page's sections, French first (docs/donnees-personnelles.md says the
// same for operators: keep the two in step).
import type { Locale } from '@atelier/protocol';

export interface PrivacySection {
  heading: string;
  items: string[];
}

export const privacySections: Record<Locale, PrivacySection[]> = {
  fr: [
    {
      heading: 'Ce qui est conservé, pourquoi et combien de temps',
      items: [
        'Votre nom et votre lab, saisis en entrant sur un tableau : pour que les autres voient qui écrit et pour la restitution de la séance (exports). Gardés dans la liste des personnes du tableau, tant qu’il existe. Vous pouvez les effacer vous-même (« Effacer mon nom de ce tableau ») : vous devenez « Participant N », vos post-its restent.',
        'Une clé aléatoire propre à votre navigateur : pour retrouver vos votes et votre groupe après un rechargement. Le serveur n’en garde qu’une empreinte, tant que le tableau existe.',
        'Le contenu du tableau (post-its, textes, images et fichiers déposés) et le journal de la séance (étapes, minuteur, votes, sans aucun nom) : la séance elle-même et sa documentation. Tant que le tableau existe.',
        'Pendant une réflexion individuelle, vos idées privées : gardées par le serveur sous l’empreinte de votre clé et montrées à vous seul (l’animateur n’en voit que le nombre) jusqu’à ce qu’il les révèle ; elles deviennent alors des post-its du tableau, sans votre nom sauf si l’animateur choisit de l’afficher. Les réactions (pouce, cœur…) ne sont jamais enregistrées.',
        'Pour les animateurs qui se connectent (ProConnect ou un autre fournisseur) : adresse e-mail, nom et identifiant chez le fournisseur, pour retrouver leurs ateliers et ouvrir un tableau en animateur. La session dure 12 heures au plus et s’efface à la déconnexion ; l’adresse e-mail reste attachée aux tableaux créés ou co-animés tant qu’ils existent, comme celles des co-animateurs nommés par un animateur.',
        'Votre adresse IP : lue pour limiter les abus (nombre de connexions, de tableaux créés, d’envois de fichiers), dans des compteurs tenus en mémoire (ou dans Redis, où ils expirent en une heure au plus), jamais écrits sur disque par Atelier. Les journaux du serveur n’en gardent qu’une forme tronquée (le dernier nombre remplacé par 0) et jamais les noms ni les adresses e-mail. Le serveur mandataire de l’hébergeur peut tenir ses propres journaux : renseignez-vous auprès de lui.',
      ],
    },
    {
      heading: 'Où',
      items: [
        'Sur le serveur qui héberge Atelier : un fichier par tableau (stockage intégré) ou une base Redis, selon l’installation. Rien n’est envoyé à un tiers : ni mesure d’audience, ni police de caractères ou script venus d’ailleurs.',
        'Dans votre navigateur : votre nom, votre lab, votre langue, votre clé et, pour un animateur, les clés de ses tableaux. Ils restent sur votre appareil.',
      ],
    },
    {
      heading: 'Suppression',
      items: [
        'L’animateur d’un tableau peut le supprimer à tout moment (panneau d’animation, « Tableau et données ») : le tableau, ses post-its, ses images, son journal et ses liens disparaissent pour tout le monde.',
        'L’animateur voit la date de suppression prévue, et un avertissement deux semaines avant.',
      ],
    },
    {
      heading: 'Cookies',
      items: [
        'Aucun cookie de mesure d’audience. Un seul cookie, strictement nécessaire, pour les animateurs connectés : leur session (12 heures au plus).',
      ],
    },
    {
      heading: 'Vos droits',
      items: [
        'Vous pouvez accéder à vos données, les faire rectifier ou effacer (RGPD) : effacez votre nom vous-même, ou demandez à l’animateur de l’atelier de supprimer le tableau, ou écrivez à l’organisme qui héberge Atelier. Vous pouvez aussi saisir la CNIL.',
      ],
    },
  ],
  en: [
    {
      heading: 'What is kept, why and for how long',
      items: [
        'Your name and lab, typed when entering a board: so the others see who writes, and for the session’s record (exports). Kept in the board’s list of people, as long as it exists. You can erase them yourself (“Erase my name from this board”): you become “Participant N”, your notes stay.',
        'A random key of your browser: to find your votes and group again after a reload. The server keeps only a fingerprint of it, as long as the board exists.',
        'The board’s content (notes, texts, images and files dropped on it) and the session log (steps, timer, votes, with no name): the session itself and its record. As long as the board exists.',
        'During individual reflection, your private ideas: kept by the server under your key’s fingerprint and shown to you alone (the facilitator sees only how many) until the facilitator reveals them; they then become notes on the board, without your name unless the facilitator chooses to show it. Reactions (thumbs up, heart…) are never stored.',
        'For facilitators who sign in (ProConnect or another provider): e-mail address, name and identifier at the provider, to find their workshops again and open a board as facilitator. The session lasts 12 hours at most and is erased at sign-out; the e-mail address stays attached to the boards created or co-facilitated as long as they exist, as do those of the co-facilitators a facilitator names.',
        'Your IP address: read to limit abuse (connections, boards created, uploads), in counters kept in memory (or in Redis, where they expire within an hour), never written to disk by Atelier. The server’s logs keep only a truncated form (last number replaced by 0), and never names or e-mail addresses. The host’s proxy may keep its own logs: ask the host.',
      ],
    },
    {
      heading: 'Where',
      items: [
        'On the server that runs Atelier: one file per board (embedded store) or a Redis database, depending on the installation. Nothing is sent to a third party: no analytics, no font or script from elsewhere.',
        'In your browser: your name, lab, language, key and, for a facilitator, the keys of their boards. They stay on your device.',
      ],
    },
    {
      heading: 'Deletion',
      items: [
        'A board’s facilitator can delete it at any time (facilitation panel, “Board and data”): the board, its notes, images, log and links disappear for everyone.',
        'The facilitator sees the planned deletion date, and a warning two weeks before.',
      ],
    },
    {
      heading: 'Cookies',
      items: [
        'No analytics cookie. One cookie, strictly necessary, for signed-in facilitators: their session (12 hours at most).',
      ],
    },
    {
      heading: 'Your rights',
      items: [
        'You may access your data, have it corrected or erased (GDPR): erase your name yourself, ask the workshop’s facilitator to delete the board, or write to the organisation that runs Atelier. You may also complain to the CNIL.',
      ],
    },
  ],
};
