// The RGAA 4.1.2 audit of Atelier's own screens: one entry per criterion (106), the statement's facts,
// and the two renderings made from them (the /accessibilite page reads `rgaaAudit` and `auditSummary`;
// docs/rgaa-audit.md is `auditMarkdown()`, written by scripts/generate-rgaa-audit.mjs).
// No imports: Node runs this file as it is (type stripping) to write the doc.

/** C: conforme, NC: non conforme, NA: non applicable, NT: non testé (not assessed: said so, never counted as met). */
export type RgaaResult = 'C' | 'NC' | 'NA' | 'NT';

/** How a criterion was checked. */
export type RgaaMethod = 'axe-core' | 'clavier' | 'test unitaire' | 'revue du code' | 'captures d’écran';

export interface RgaaCriterion {
  /** "thème.critère", as numbered in RGAA 4.1.2. */
  id: string;
  /** What the criterion asks, in short (see the official text for the tests). */
  topic: string;
  result: RgaaResult;
  how: RgaaMethod[];
  note: string;
}

export const rgaaThemes: Record<number, string> = {
  1: 'Images',
  2: 'Cadres',
  3: 'Couleurs',
  4: 'Multimédia',
  5: 'Tableaux',
  6: 'Liens',
  7: 'Scripts',
  8: 'Éléments obligatoires',
  9: 'Structuration de l’information',
  10: 'Présentation de l’information',
  11: 'Formulaires',
  12: 'Navigation',
  13: 'Consultation',
};

const AXE: RgaaMethod = 'axe-core';
const KEYBOARD: RgaaMethod = 'clavier';
const REVIEW: RgaaMethod = 'revue du code';
const UNIT: RgaaMethod = 'test unitaire';
const SCREENSHOTS: RgaaMethod = 'captures d’écran';

/** The list view (apps/web/src/list-view): the board's alternative for keyboard and screen-reader users. */
const LIST =
  'La « Vue liste » (bouton sur chaque écran du tableau, Alt+Maj+L) donne la même chose sans la toile : l’étape, ses zones en titres, leurs post-its et fiches en listes dans l’ordre de lecture ; ajouter, modifier, supprimer, remplir une fiche, voter, et le panneau de l’animation. Test navigateur au clavier seul (aucun événement de souris), axe-core WCAG 2.1 AA sans violation, arbre d’accessibilité vérifié.';

const CANVAS =
  'La toile de tldraw (bibliothèque de tableau blanc) est dessinée en SVG et en HTML positionné : ses formes ne sont pas des éléments de page que les technologies d’assistance parcourent comme un document.';

function criterion(
  id: string,
  topic: string,
  result: RgaaResult,
  how: RgaaMethod[],
  note: string,
): RgaaCriterion {
  return { id, topic, result, how, note };
}

const notAssessed = (id: string, topic: string, note = 'Non évalué lors de cet audit.') =>
  criterion(id, topic, 'NT', [], note);
const noMedia = 'Aucun média temporel ni non temporel dans les écrans de l’application.';
const noTable = 'Aucun tableau (élément table ou rôle table) dans les écrans de l’application.';

export const rgaaCriteria: RgaaCriterion[] = [
  // 1. Images
  criterion(
    '1.1',
    'Chaque image porteuse d’information a une alternative textuelle',
    'NC',
    [AXE, REVIEW],
    'Les images de l’application en ont une (carte des académies : texte alternatif ; icônes : nom du bouton). Les images déposées sur le tableau par les participants n’en ont pas tant que leur auteur n’en saisit pas.',
  ),
  criterion(
    '1.2',
    'Chaque image de décoration est ignorée par les technologies d’assistance',
    'C',
    [AXE, REVIEW],
    'Icônes SVG décoratives marquées aria-hidden (cadenas, cloche) ; règles axe svg-img-alt et role-img-alt sans erreur.',
  ),
  criterion(
    '1.3',
    'L’alternative de chaque image porteuse d’information est pertinente',
    'C',
    [REVIEW],
    'La carte des académies du modèle « carte d’identité » porte un texte alternatif qui dit ce qu’elle montre.',
  ),
  criterion(
    '1.4',
    'Image CAPTCHA ou image-test : alternative qui en donne la nature et la fonction',
    'NA',
    [REVIEW],
    'Aucun CAPTCHA ni image-test.',
  ),
  criterion('1.5', 'CAPTCHA : une autre solution d’accès est proposée', 'NA', [REVIEW], 'Aucun CAPTCHA.'),
  notAssessed('1.6', 'Chaque image porteuse d’information a, si nécessaire, une description détaillée'),
  notAssessed('1.7', 'Chaque description détaillée est pertinente'),
  criterion(
    '1.8',
    'Pas d’image texte porteuse d’information quand un texte stylé suffit',
    'NA',
    [REVIEW],
    'Aucune image texte dans l’interface ; les consignes des modèles sont du texte.',
  ),
  criterion(
    '1.9',
    'Chaque légende d’image est correctement reliée à son image',
    'NA',
    [REVIEW],
    'Aucune image légendée (figure) dans l’interface.',
  ),

  // 2. Cadres
  criterion(
    '2.1',
    'Chaque cadre (iframe) a un titre',
    'NA',
    [REVIEW],
    'Aucun cadre dans les écrans de l’application.',
  ),
  criterion(
    '2.2',
    'Le titre de chaque cadre est pertinent',
    'NA',
    [REVIEW],
    'Aucun cadre dans les écrans de l’application.',
  ),

  // 3. Couleurs
  notAssessed('3.1', 'L’information n’est pas donnée uniquement par la couleur'),
  criterion(
    '3.2',
    'Le contraste entre le texte et son arrière-plan est suffisant (4,5:1)',
    'C',
    [AXE, UNIT],
    'Écrans, panneaux et dialogues : règle axe color-contrast sans erreur (axe laisse « à vérifier » les éléments posés au-dessus de la toile, dont il ne connaît pas le fond ; ils sont sur les fonds blancs ou bleu foncé des panneaux). Textes des modèles (consignes, titres de cadre, post-its, cartes) : test unitaire à partir de la palette de tldraw, thèmes clair et sombre, tous au moins à 4,5:1 (les consignes grises à 2,4:1 sont désormais noires). Un participant peut toutefois choisir pour ses propres textes une couleur claire de la palette de tldraw (jaune, couleurs « light ») qui n’atteint pas 4,5:1 sur fond blanc.',
  ),
  notAssessed(
    '3.3',
    'Le contraste des composants d’interface et des éléments graphiques est suffisant (3:1)',
  ),

  // 4. Multimédia
  criterion(
    '4.1',
    'Média temporel préenregistré : transcription ou audiodescription',
    'NA',
    [REVIEW],
    noMedia,
  ),
  criterion('4.2', 'Transcription et audiodescription pertinentes', 'NA', [REVIEW], noMedia),
  criterion('4.3', 'Média temporel synchronisé : sous-titres synchronisés', 'NA', [REVIEW], noMedia),
  criterion('4.4', 'Sous-titres pertinents', 'NA', [REVIEW], noMedia),
  criterion('4.5', 'Audiodescription synchronisée', 'NA', [REVIEW], noMedia),
  criterion('4.6', 'Audiodescription pertinente', 'NA', [REVIEW], noMedia),
  criterion('4.7', 'Chaque média temporel est clairement identifiable', 'NA', [REVIEW], noMedia),
  criterion('4.8', 'Média non temporel : alternative', 'NA', [REVIEW], noMedia),
  criterion('4.9', 'Alternative au média non temporel pertinente', 'NA', [REVIEW], noMedia),
  criterion(
    '4.10',
    'Chaque son déclenché automatiquement est contrôlable',
    'NA',
    [REVIEW],
    'Le seul son est le signal de fin de minuteur, qui dure 1,5 seconde (moins de 3 secondes) ; il se coupe par le bouton « Son de fin de minuteur ».',
  ),
  criterion(
    '4.11',
    'La consultation de chaque média temporel est contrôlable au clavier et au pointeur',
    'NA',
    [REVIEW],
    noMedia,
  ),
  criterion(
    '4.12',
    'La consultation de chaque média non temporel est contrôlable au clavier et au pointeur',
    'NA',
    [REVIEW],
    noMedia,
  ),
  criterion(
    '4.13',
    'Chaque média est compatible avec les technologies d’assistance',
    'NA',
    [REVIEW],
    noMedia,
  ),

  // 5. Tableaux
  criterion('5.1', 'Tableau de données complexe : résumé', 'NA', [REVIEW], noTable),
  criterion('5.2', 'Résumé de tableau complexe pertinent', 'NA', [REVIEW], noTable),
  criterion(
    '5.3',
    'Tableau de mise en forme : contenu compréhensible une fois linéarisé',
    'NA',
    [REVIEW],
    noTable,
  ),
  criterion('5.4', 'Tableau de données : titre correctement associé', 'NA', [REVIEW], noTable),
  criterion('5.5', 'Titre de tableau de données pertinent', 'NA', [REVIEW], noTable),
  criterion('5.6', 'En-têtes de tableau de données correctement déclarés', 'NA', [REVIEW], noTable),
  criterion('5.7', 'Cellules correctement associées à leurs en-têtes', 'NA', [REVIEW], noTable),
  criterion(
    '5.8',
    'Tableau de mise en forme sans éléments propres aux tableaux de données',
    'NA',
    [REVIEW],
    noTable,
  ),

  // 6. Liens
  criterion(
    '6.1',
    'Chaque lien est explicite',
    'C',
    [AXE, REVIEW],
    'Liens de pied de page, « Mes ateliers », liens de partage et de la déclaration : intitulés explicites.',
  ),
  criterion(
    '6.2',
    'Chaque lien a un intitulé',
    'C',
    [AXE],
    'Règle axe link-name sans erreur sur chaque écran audité.',
  ),

  // 7. Scripts
  criterion(
    '7.1',
    'Chaque script est, si nécessaire, compatible avec les technologies d’assistance',
    'C',
    [AXE, KEYBOARD, REVIEW],
    `Composants de l’application (dialogues, boutons à bascule, panneaux repliables) : rôles et états ARIA, règles axe sans erreur. ${CANVAS} Alternative sur la même page : ${LIST}`,
  ),
  criterion(
    '7.2',
    'Pour chaque script ayant une alternative, cette alternative est pertinente',
    'C',
    [KEYBOARD, AXE],
    `La vue liste lit et écrit le même document que la toile : les post-its d’un utilisateur de la liste apparaissent sur la toile des autres et inversement (testé entre deux pages), sous les mêmes règles (contenu protégé du modèle). ${LIST}`,
  ),
  criterion(
    '7.3',
    'Chaque script est contrôlable par le clavier et par tout dispositif de pointage',
    'C',
    [KEYBOARD],
    'Accueil, entrée sur un tableau, panneaux et dialogues : utilisables au clavier seul. Sur la toile, Tab et Maj+Tab parcourent les post-its et fiches dans l’ordre de lecture, mais déplacer un post-it précis demande un pointeur ; chaque action d’un participant a son équivalent au clavier dans la vue liste, sur la même page.',
  ),
  criterion(
    '7.4',
    'Chaque changement de contexte est annoncé ou à l’initiative de l’utilisateur',
    'NC',
    [REVIEW],
    'À chaque étape, l’animateur déplace la vue de tous les participants vers le cadre de l’étape (et « Suivez-moi » la fait suivre la sienne) : la vue change sans action du participant.',
  ),
  criterion(
    '7.5',
    'Les messages de statut sont correctement restitués',
    'C',
    [KEYBOARD, UNIT, REVIEW],
    'Les avis de l’application (commande refusée, contenu protégé) ont un rôle status ou alert. Une zone live polie annonce, sans excès (une annonce toutes les 2 s au plus, regroupées), le changement d’étape, le minuteur à 5 min, 1 min et 0, l’ouverture et les résultats d’un vote, les nouveaux post-its dans la zone de la personne ; testé dans le navigateur (changement d’étape, vote) et par des tests unitaires (minuteur). L’annonce de la forme sélectionnée par tldraw est assertive.',
  ),

  // 8. Éléments obligatoires
  criterion(
    '8.1',
    'Chaque page est définie par un type de document',
    'C',
    [REVIEW],
    'index.html commence par <!doctype html>.',
  ),
  notAssessed(
    '8.2',
    'Le code source de chaque page est valide',
    'Aucun validateur HTML passé lors de cet audit.',
  ),
  criterion(
    '8.3',
    'La langue par défaut est présente',
    'C',
    [AXE],
    'html lang="fr" ; règle axe html-has-lang sans erreur.',
  ),
  criterion(
    '8.4',
    'La langue par défaut est pertinente',
    'C',
    [AXE, REVIEW],
    'La langue de la page suit celle choisie (fr ou en) ; règle axe html-lang-valid sans erreur.',
  ),
  criterion('8.5', 'Chaque page a un titre', 'C', [AXE], 'Règle axe document-title sans erreur.'),
  criterion(
    '8.6',
    'Le titre de chaque page est pertinent',
    'C',
    [REVIEW],
    'Titre du tableau, « Données personnelles », « Accessibilité », suivis de « · Atelier ».',
  ),
  criterion(
    '8.7',
    'Chaque changement de langue est indiqué',
    'NC',
    [REVIEW, SCREENSHOTS],
    'Sans clé de licence tldraw, le tableau montre en anglais le filigrane « Get a license for production » de tldraw, sans attribut lang. Les champs anglais du dialogue d’étape portent lang="en".',
  ),
  criterion(
    '8.8',
    'Le code de langue de chaque changement de langue est valide et pertinent',
    'C',
    [REVIEW],
    'Les changements indiqués (champs anglais de l’étape) portent lang="en".',
  ),
  notAssessed('8.9', 'Les balises ne sont pas utilisées uniquement à des fins de présentation'),
  criterion(
    '8.10',
    'Les changements du sens de lecture sont signalés',
    'NA',
    [REVIEW],
    'Aucun texte écrit de droite à gauche.',
  ),

  // 9. Structuration
  criterion(
    '9.1',
    'L’information est structurée par l’usage approprié de titres',
    'C',
    [REVIEW, KEYBOARD],
    'Accueil, entrée, données personnelles et déclaration ont des titres hiérarchisés. Sur la toile, les cadres, colonnes et groupes ne sont pas des titres ; dans la vue liste, alternative sur la même page, ils le sont (titres hiérarchisés, vérifié par l’arbre d’accessibilité).',
  ),
  notAssessed(
    '9.2',
    'La structure du document est cohérente (en-tête, navigation, contenu principal, pied de page)',
  ),
  criterion(
    '9.3',
    'Chaque liste est correctement structurée',
    'C',
    [AXE],
    'Règles axe list et listitem sans erreur.',
  ),
  criterion(
    '9.4',
    'Chaque citation est correctement indiquée',
    'NA',
    [REVIEW],
    'Aucune citation dans l’interface.',
  ),

  // 10. Présentation
  criterion(
    '10.1',
    'Les feuilles de style servent à contrôler la présentation',
    'C',
    [REVIEW],
    'Présentation par CSS ; aucun attribut de présentation.',
  ),
  notAssessed('10.2', 'Le contenu visible reste présent lorsque les feuilles de style sont désactivées'),
  notAssessed('10.3', 'L’information reste compréhensible lorsque les feuilles de style sont désactivées'),
  notAssessed('10.4', 'Le texte reste lisible lorsque la taille des caractères est augmentée jusqu’à 200 %'),
  notAssessed('10.5', 'Les déclarations CSS de couleurs de fond et de police sont correctement utilisées'),
  notAssessed(
    '10.6',
    'Chaque lien dont la nature n’est pas évidente est visible par rapport au texte environnant',
  ),
  criterion(
    '10.7',
    'La prise de focus est visible',
    'C',
    [KEYBOARD, REVIEW],
    'Contour :focus-visible sur tous les éléments de l’application (feuille de style commune), vu en parcourant l’entrée sur un tableau au clavier.',
  ),
  criterion(
    '10.8',
    'Les contenus cachés sont ignorés par les technologies d’assistance',
    'C',
    [AXE],
    'Règle axe aria-hidden-focus sans erreur.',
  ),
  notAssessed('10.9', 'L’information n’est pas donnée uniquement par la forme, la taille ou la position'),
  notAssessed(
    '10.10',
    'L’information par la forme, la taille ou la position est implémentée de façon pertinente',
  ),
  notAssessed('10.11', 'Les contenus se présentent sans défilement horizontal à 320 px de large'),
  notAssessed('10.12', 'Les propriétés d’espacement du texte peuvent être redéfinies sans perte'),
  notAssessed('10.13', 'Les contenus additionnels apparaissant au survol ou au focus sont contrôlables'),
  notAssessed('10.14', 'Les contenus additionnels apparaissant via CSS sont aussi accessibles au clavier'),

  // 11. Formulaires
  criterion(
    '11.1',
    'Chaque champ de formulaire a une étiquette',
    'C',
    [AXE],
    'Règle axe label sans erreur (accueil, entrée, panneau d’animation, menu d’export).',
  ),
  criterion(
    '11.2',
    'Chaque étiquette est pertinente',
    'C',
    [REVIEW],
    'Étiquettes en clair : « Votre nom », « Titre du tableau »…',
  ),
  criterion(
    '11.3',
    'Les étiquettes d’une même fonction sont cohérentes',
    'C',
    [REVIEW],
    'Mêmes intitulés d’un écran à l’autre (textes tirés d’un seul catalogue).',
  ),
  criterion(
    '11.4',
    'Chaque étiquette et son champ sont accolés',
    'C',
    [SCREENSHOTS],
    'Étiquettes au-dessus ou à côté de leur champ.',
  ),
  notAssessed('11.5', 'Les champs de même nature sont regroupés'),
  notAssessed('11.6', 'Chaque regroupement de champs a une légende'),
  notAssessed('11.7', 'Chaque légende de regroupement est pertinente'),
  notAssessed('11.8', 'Les items de même nature d’une liste de choix sont regroupés'),
  criterion(
    '11.9',
    'L’intitulé de chaque bouton est pertinent',
    'C',
    [AXE, REVIEW],
    'Règle axe button-name sans erreur ; boutons à icône nommés (« Données personnelles », « Son de fin de minuteur »…).',
  ),
  notAssessed('11.10', 'Le contrôle de saisie est utilisé de manière pertinente'),
  notAssessed('11.11', 'Le contrôle de saisie propose des suggestions de correction'),
  criterion(
    '11.12',
    'Les données personnelles saisies peuvent être modifiées, effacées ou confirmées',
    'C',
    [REVIEW],
    'Le participant change son nom en entrant, et l’efface du tableau (« Effacer mon nom de ce tableau ») ; la suppression d’un tableau demande une confirmation.',
  ),
  criterion(
    '11.13',
    'La finalité d’un champ peut être déduite (autocomplete)',
    'C',
    [REVIEW],
    'Nom : autocomplete="name" ; lab : autocomplete="organization".',
  ),

  // 12. Navigation
  criterion(
    '12.1',
    'Au moins deux systèmes de navigation différents',
    'NC',
    [REVIEW],
    'Les pages sont reliées par le pied de page (et le bouton « Données personnelles » sur le tableau) ; ni menu, ni plan du site, ni moteur de recherche.',
  ),
  criterion(
    '12.2',
    'Menus et barres de navigation toujours à la même place',
    'C',
    [SCREENSHOTS],
    'Pied de page identique sur chaque page ; barre du tableau identique pour tous.',
  ),
  criterion('12.3', 'La page « plan du site » est pertinente', 'NA', [REVIEW], 'Pas de plan du site.'),
  criterion(
    '12.4',
    'La page « plan du site » est atteignable de manière identique',
    'NA',
    [REVIEW],
    'Pas de plan du site.',
  ),
  criterion(
    '12.5',
    'Le moteur de recherche est atteignable de manière identique',
    'NA',
    [REVIEW],
    'Pas de moteur de recherche.',
  ),
  notAssessed('12.6', 'Les zones de regroupement de contenus peuvent être atteintes ou évitées'),
  criterion(
    '12.7',
    'Un lien d’évitement ou d’accès rapide au contenu principal est présent',
    'NC',
    [KEYBOARD],
    'Le tableau offre le lien de tldraw « Déplacer le focus sur la toile » ; l’accueil et les pages de texte n’ont pas de lien d’évitement.',
  ),
  criterion(
    '12.8',
    'L’ordre de tabulation est cohérent',
    'C',
    [KEYBOARD],
    'Accueil et entrée sur un tableau parcourus au clavier seul dans l’ordre de lecture.',
  ),
  notAssessed('12.9', 'La navigation ne contient pas de piège au clavier'),
  criterion(
    '12.10',
    'Les raccourcis clavier d’une seule touche sont contrôlables',
    'NC',
    [REVIEW],
    'Les raccourcis d’une touche de tldraw (v, d, n, e…) ne peuvent être ni désactivés ni modifiés ; ils n’agissent que lorsque la toile a le focus.',
  ),
  notAssessed(
    '12.11',
    'Les contenus additionnels apparaissant au survol, au focus ou à l’activation sont atteignables au clavier',
  ),

  // 13. Consultation
  criterion(
    '13.1',
    'L’utilisateur a le contrôle de chaque limite de temps',
    'NA',
    [REVIEW],
    'Le minuteur rythme un atelier en direct (exception du temps réel) : il ne ferme rien, l’animateur le prolonge ou l’arrête. Aucune session ne se coupe pendant l’atelier.',
  ),
  criterion(
    '13.2',
    'L’ouverture d’une nouvelle fenêtre n’est pas déclenchée sans action de l’utilisateur',
    'C',
    [REVIEW],
    'Seul un lien activé par l’utilisateur ouvre un nouvel onglet.',
  ),
  criterion(
    '13.3',
    'Chaque document bureautique en téléchargement a, si nécessaire, une version accessible',
    'C',
    [REVIEW],
    'Le compte rendu PDF a une version HTML (« Compte rendu (HTML à imprimer) ») et une version Markdown ; les tableurs ont leur version CSV.',
  ),
  notAssessed('13.4', 'La version accessible de chaque document bureautique est pertinente'),
  criterion(
    '13.5',
    'Chaque contenu cryptique a une alternative',
    'NA',
    [REVIEW],
    'Aucun contenu cryptique (art ASCII, émoticône, abréviation obscure) dans l’interface.',
  ),
  criterion(
    '13.6',
    'L’alternative de chaque contenu cryptique est pertinente',
    'NA',
    [REVIEW],
    'Aucun contenu cryptique.',
  ),
  criterion(
    '13.7',
    'Les changements brusques de luminosité ou les flashs sont correctement utilisés',
    'NA',
    [REVIEW],
    'Aucun flash ni clignotement.',
  ),
  notAssessed('13.8', 'Chaque contenu en mouvement ou clignotant est contrôlable'),
  criterion(
    '13.9',
    'Le contenu est consultable quelle que soit l’orientation de l’écran',
    'C',
    [SCREENSHOTS],
    'Écrans vérifiés en portrait (390×844) et en paysage (1024×768, 1440×900).',
  ),
  notAssessed('13.10', 'Les fonctionnalités à geste complexe sont aussi utilisables par un geste simple'),
  notAssessed('13.11', 'Les actions déclenchées au pointeur sur un point unique peuvent être annulées'),
  criterion(
    '13.12',
    'Les fonctionnalités par mouvement de l’appareil ont une autre interaction',
    'NA',
    [REVIEW],
    'Aucune fonctionnalité déclenchée par le mouvement de l’appareil.',
  ),
];

/** The statement's facts besides the criteria. */
export const rgaaAudit = {
  referential: 'RGAA 4.1.2',
  /** When the audit was made (the statement's date). */
  date: '2026-11-29',
  auditor: 'l’équipe de développement d’Atelier (auto-évaluation, non réalisée par un auditeur indépendant)',
  pages: [
    'Accueil (/) : création d’un tableau, « Mes ateliers »',
    'Entrée sur un tableau (/b/… : nom et lab)',
    'Tableau, vu par un participant (barre du haut, en-tête d’étape, vote, données personnelles)',
    'Tableau, vu par l’animateur (panneau d’animation, menu d’export, partage, dialogues)',
    'Données personnelles (/donnees-personnelles)',
    'Accessibilité (/accessibilite)',
  ],
  technologies: ['HTML5', 'CSS', 'JavaScript (React)', 'SVG', 'WAI-ARIA', 'tldraw (toile du tableau)'],
  environment: [
    'Chromium (Debian) piloté par Playwright, sans extension',
    'écrans 1440×900 (souris), 1024×768 et 390×844 (tactiles)',
    'clavier seul (Tab, Maj+Tab, Entrée, Espace, Échap)',
  ],
  tools: [
    'axe-core 4.14 (règles WCAG 2.1 A et AA : wcag2a, wcag2aa, wcag21a, wcag21aa)',
    'Chromium',
    'clavier',
  ],
  /** The canvas parts that do not conform, and why: the statement's "contenus non accessibles". */
  canvasLimits: [
    'La toile de tldraw : les post-its, cartes, cadres et textes du tableau ne sont pas parcourus comme un document par les lecteurs d’écran, et ne s’atteignent pas un à un au clavier (critères 7.1, 7.3, 9.1).',
    'Les raccourcis d’une seule touche de tldraw ne se désactivent pas (critère 12.10).',
    'Le filigrane anglais de tldraw sans clé de licence (critère 8.7).',
  ],
  /** The accessible alternative to the canvas. */
  alternative:
    'La « Vue liste » du tableau : l’étape en cours (titre, consignes, minuteur), ses zones en titres, leurs post-its et cartes en listes dans l’ordre de lecture avec leur auteur et leurs votes ; on y ajoute, modifie et supprime ses post-its, on remplit les cartes par leur formulaire et on vote, sous les mêmes règles que sur la toile. Elle lit et écrit le même tableau : les personnes sur la toile voient aussitôt ce qui est écrit dans la liste, et inversement.',
  exemptContent: [
    'Les contenus déposés par les participants pendant un atelier (textes, images, fichiers) : contenus de tiers, écrits par eux et non par l’organisme.',
  ],
  derogations: [] as string[],
} as const;

/** The counts and rate of the statement: the rate is over assessed, applicable criteria (RGAA method). */
export interface AuditSummary {
  total: number;
  met: number;
  notMet: number;
  notApplicable: number;
  notAssessed: number;
  /** Met / (met + not met), in percent, rounded to one decimal. */
  rate: number;
  status: 'totalement conforme' | 'partiellement conforme' | 'non conforme';
}

export function auditSummary(criteria: readonly RgaaCriterion[] = rgaaCriteria): AuditSummary {
  const count = (result: RgaaResult) => criteria.filter((c) => c.result === result).length;
  const met = count('C');
  const notMet = count('NC');
  const rate = met + notMet === 0 ? 0 : Math.round((1000 * met) / (met + notMet)) / 10;
  const notAssessedCount = count('NT');
  // "Totalement" only when nothing fails and nothing was left out; under 50 %, "non conforme" (RGAA method).
  const status =
    notMet === 0 && notAssessedCount === 0 && met > 0
      ? 'totalement conforme'
      : rate >= 50
        ? 'partiellement conforme'
        : 'non conforme';
  return {
    total: criteria.length,
    met,
    notMet,
    notApplicable: count('NA'),
    notAssessed: notAssessedCount,
    rate,
    status,
  };
}

/** "29 novembre 2026". */
export function frenchDate(isoDay: string): string {
  const months = [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ];
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${months[month! - 1]} ${year}`;
}

/** A rate as French writes it: "62,5 %", the sign kept with its number (a no-break space). */
export function frenchPercent(rate: number): string {
  return `${String(rate).replace('.', ',')}\u00a0%`;
}

const resultLabel: Record<RgaaResult, string> = {
  C: 'conforme',
  NC: 'non conforme',
  NA: 'non applicable',
  NT: 'non testé',
};

/** docs/rgaa-audit.md: the same audit, criterion by criterion, for operators and reviewers. */
export function auditMarkdown(criteria: readonly RgaaCriterion[] = rgaaCriteria): string {
  const summary = auditSummary(criteria);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Audit RGAA d’Atelier',
    '',
    '<!-- Generated from apps/web/src/accessibility/rgaa-audit.ts by `node scripts/generate-rgaa-audit.mjs`: edit that module, not this file. -->',
    '',
    `Référentiel : ${rgaaAudit.referential}. Date : ${frenchDate(rgaaAudit.date)}. Réalisé par ${rgaaAudit.auditor}.`,
    `La déclaration publiée par l’application (page \`/accessibilite\`) est tirée des mêmes données.`,
    '',
    '## Résultat',
    '',
    `- État de conformité : **${summary.status}** (${frenchPercent(summary.rate)} des critères applicables évalués sont respectés).`,
    `- ${summary.total} critères : ${summary.met} conformes, ${summary.notMet} non conformes, ${summary.notApplicable} non applicables, ${summary.notAssessed} non testés.`,
    `- Le taux est calculé sur les critères évalués et applicables (conformes / (conformes + non conformes)) ; les ${summary.notAssessed} critères non testés ne sont comptés ni comme conformes ni comme non conformes : tant qu’ils ne sont pas évalués, la conformité totale ne peut pas être déclarée.`,
    '',
    '## Pages auditées',
    '',
    ...rgaaAudit.pages.map((page) => `- ${page}`),
    '',
    '## Méthode',
    '',
    `- Technologies : ${rgaaAudit.technologies.join(', ')}.`,
    `- Environnement de test : ${rgaaAudit.environment.join(' ; ')}.`,
    `- Outils : ${rgaaAudit.tools.join(', ')}.`,
    '- axe-core tourne dans les tests de navigateur (`e2e/accessibility.test.ts` et les tests de chaque écran) ; le contraste des textes des modèles est vérifié par `apps/web/src/accessibility/scaffolding-contrast.test.ts`.',
    '',
  ];
  for (const [number, theme] of Object.entries(rgaaThemes)) {
    lines.push(
      `## ${number}. ${theme}`,
      '',
      '| critère | objet | résultat | vérifié par | note |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of criteria.filter((entry) => entry.id.split('.')[0] === number))
      lines.push(
        `| ${c.id} | ${cell(c.topic)} | ${c.result} (${resultLabel[c.result]}) | ${c.how.join(', ') || '—'} | ${cell(c.note)} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
