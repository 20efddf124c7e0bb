// The report model laid out as a document once: sections, tables, lists and contributions, in the
// order a reader wants them (the summary first). Markdown, HTML and PDF render this document.
import { NameDisplay } from '@atelier/protocol';
import { BoardItemKind } from './board-reader';
import {
  ItemKind,
  SectionKind,
  showsText,
  type Block,
  type ContributionItem,
  type ReportDocument,
  type ReportSection,
  type RichBlock,
} from './report-document';
import { cardFieldLabels } from './report-labels';
import {
  buildReportModel,
  type ExportInput,
  type ReportFrameSection,
  type ReportItem,
  type ReportModel,
} from './report-model';

/** An id safe in an HTML attribute and a URL fragment. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/^shape:/, '').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function section(
  id: string,
  kind: ReportSection['kind'],
  title: string,
  blocks: Block[],
  sections: ReportSection[] = [],
  frameId?: string,
): ReportSection {
  return { id, kind, title, blocks, sections, ...(frameId ? { frameId } : {}) };
}

const muted = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], tone: 'muted' });
const strong = (text: string): Block => ({ kind: 'paragraph', runs: [{ text, bold: true }] });

/** Free text typed in a form: paragraphs at blank lines, line breaks kept inside them. */
export function typedTextBlocks(text: string): RichBlock[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ kind: 'paragraph', runs: [{ text: paragraph }] }));
}

const itemKinds: Record<BoardItemKind, ItemKind> = {
  [BoardItemKind.note]: ItemKind.note,
  [BoardItemKind.text]: ItemKind.text,
  [BoardItemKind.geo]: ItemKind.geo,
  [BoardItemKind.arrow]: ItemKind.arrow,
};

function contribution(item: ReportItem, model: ReportModel, ranked: boolean): ContributionItem {
  const l = model.labels;
  const badge = ranked && item.kind === BoardItemKind.note ? l.votesCount(item.votes ?? 0) : undefined;
  const context = item.from || item.to ? l.arrowEnds(item.from ?? '', item.to ?? '') : undefined;
  return {
    kind: itemKinds[item.kind],
    id: item.id,
    content: item.rich,
    ...(badge ? { badge } : {}),
    ...(item.author ? { byline: item.author } : {}),
    ...(context ? { context } : {}),
  };
}

function itemsBlock(items: readonly ReportItem[], model: ReportModel, ranked: boolean): Block[] {
  return items.length === 0
    ? []
    : [{ kind: 'items', items: items.map((item) => contribution(item, model, ranked)) }];
}

/** Frames as nested sections (the model lists them flat, with their depth), zones inside them. */
function frameSections(frames: readonly ReportFrameSection[], model: ReportModel): ReportSection[] {
  const roots: ReportSection[] = [];
  const stack: { depth: number; section: ReportSection }[] = [];
  for (const frame of frames) {
    const zones = frame.zones.map((zone) =>
      section(
        anchor('zone', zone.id),
        SectionKind.zone,
        zone.title,
        itemsBlock(zone.items, model, frame.ranked),
      ),
    );
    const blocks: Block[] = [];
    if (frame.ranked && (frame.items.length > 0 || frame.zones.length > 0))
      blocks.push(muted(model.labels.rankedByVotes));
    blocks.push(...itemsBlock(frame.items, model, frame.ranked));
    const built = section(
      frame.id ? anchor('frame', frame.id) : 'outside',
      frame.id ? SectionKind.frame : SectionKind.outside,
      frame.title,
      blocks,
      zones,
      frame.id || undefined,
    );
    if (frame.stepFrame && blocks.length === 0 && zones.length === 0) built.imageOnly = true;
    while (stack.length > 0 && stack.at(-1)!.depth >= frame.depth) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.section.sections.push(built);
    else roots.push(built);
    stack.push({ depth: frame.depth, section: built });
  }
  return roots;
}

function peopleSection(model: ReportModel): ReportSection {
  const l = model.labels;
  const blocks: Block[] = [];
  if (model.people.length === 0) blocks.push(muted(l.noPeople));
  else if (model.names === NameDisplay.labOnly) {
    blocks.push({
      kind: 'table',
      columns: [
        { label: l.lab },
        { label: l.persons, align: 'end' },
        { label: l.roles },
        { label: l.groups },
      ],
      rows: model.labs.map((lab) => [lab.lab, String(lab.people), lab.roles, lab.groups]),
    });
  } else {
    blocks.push({
      kind: 'table',
      columns: [{ label: l.name }, { label: l.lab }, { label: l.group }, { label: l.role }],
      rows: model.people.map((person) => [person.name, person.lab, person.group, person.role]),
    });
  }
  const groups =
    model.groups.length === 0
      ? []
      : [
          section('groups', SectionKind.people, l.groups, [
            {
              kind: 'facts',
              items: model.groups.map((group) => ({
                label: group.name,
                value: group.members.join(', ') || l.noMembers,
              })),
            },
          ]),
        ];
  return section('people', SectionKind.people, l.people, blocks, groups);
}

/** The report as a document: the same sections, in the same order, for every output. */
export function reportDocumentFromModel(model: ReportModel): ReportDocument {
  const l = model.labels;
  const sections: ReportSection[] = [];

  if (model.summary) {
    sections.push(
      section('summary', SectionKind.summary, l.summary, [
        { kind: 'rich', blocks: typedTextBlocks(model.summary) },
      ]),
    );
  }

  if (model.decisions.length > 0) {
    sections.push(
      section(
        'decisions',
        SectionKind.decisions,
        l.decisions,
        [],
        model.decisions.map((decision) => {
          const blocks: Block[] = [muted([decision.when, decision.reason].filter(Boolean).join(' · '))];
          blocks.push({
            kind: 'items',
            items: decision.retained.map((kept) => ({
              kind: ItemKind.line,
              content: [{ kind: 'paragraph', runs: [{ text: kept.label }] }],
              ...(kept.count !== undefined ? { badge: l.votesCount(kept.count) } : {}),
            })),
          });
          if (decision.tieBreak) {
            blocks.push(strong(`${l.tieBreak} — ${decision.tieBreak.how}`), {
              kind: 'items',
              items: decision.tieBreak.results.map((result) => ({
                kind: ItemKind.line,
                badge: l.votesCount(result.count),
                content: [{ kind: 'paragraph', runs: [{ text: result.label }] }],
              })),
            });
          }
          if (decision.followUps.length > 0)
            blocks.push(strong(l.followUps), { kind: 'list', items: decision.followUps });
          return section(anchor('decision', decision.id), SectionKind.decisions, decision.title, blocks);
        }),
      ),
    );
  }

  const stepsTable = (steps: ReportModel['steps'], footer: boolean): Block => ({
    kind: 'table',
    columns: [
      { label: l.stepNumber },
      { label: l.step },
      { label: l.kind },
      { label: l.planned, align: 'end' },
      { label: l.actual, align: 'end' },
      { label: l.status },
    ],
    rows: steps.map((step) => [
      step.number,
      step.title,
      step.kind,
      step.extended ? `${step.planned} (${step.extended})` : step.planned,
      step.actual,
      step.status,
    ]),
    ...(footer ? { footer: ['', l.total, '', model.totals.planned, model.totals.actual, ''] } : {}),
  });
  sections.push(
    section(
      'sequence',
      SectionKind.sequence,
      l.sequence,
      model.steps.length === 0 ? [muted(l.noSteps)] : [stepsTable(model.steps, true)],
    ),
  );

  sections.push(peopleSection(model));

  if (model.votes.length > 0) {
    sections.push(
      section(
        'votes',
        SectionKind.votes,
        l.votes,
        [],
        model.votes.map((vote, position) => {
          const facts = [vote.when, vote.voters, vote.settings, vote.open ? l.voteOpen : '']
            .filter(Boolean)
            .join(' · ');
          const blocks: Block[] = [muted(vote.where ? `${facts} · ${l.onFrame} ${vote.where}` : facts)];
          if (vote.results.length > 0) {
            blocks.push({
              kind: 'items',
              items: vote.results.map((result) => ({
                kind: ItemKind.line,
                badge: l.votesCount(result.count),
                content: [{ kind: 'paragraph', runs: [{ text: result.label }] }],
              })),
            });
          }
          if (vote.zones.length > 0) {
            blocks.push(strong(l.perZone), {
              kind: 'items',
              items: vote.zones.map((zone) => ({
                kind: ItemKind.line,
                badge: l.votesCount(zone.count),
                content: [{ kind: 'paragraph', runs: [{ text: zone.label }] }],
              })),
            });
          }
          return section(`vote-${position + 1}`, SectionKind.vote, vote.title, blocks);
        }),
      ),
    );
  }

  // A programme: one chapter per section, its steps and its frames (E-PROG-1); what no section laid out
  // (frames people drew, texts outside frames) stays in the production section after them.
  const chapterOf = new Map<string, number>();
  model.chapters.forEach((chapter, index) => {
    for (const frameId of chapter.frameIds) chapterOf.set(frameId, index);
  });
  const framesByChapter = model.chapters.map((): ReportFrameSection[] => []);
  const unchaptered: ReportFrameSection[] = [];
  let current: number | undefined;
  for (const frame of model.sections) {
    if (frame.depth === 0) current = chapterOf.get(frame.id);
    (current === undefined ? unchaptered : framesByChapter[current]!).push(frame);
  }
  model.chapters.forEach((chapter, index) => {
    const steps = chapter.stepIndexes.map((position) => model.steps[position]!);
    sections.push(
      section(
        anchor('chapter', chapter.sectionId),
        SectionKind.chapter,
        chapter.title,
        steps.length > 0 ? [stepsTable(steps, false)] : [],
        frameSections(framesByChapter[index]!, model),
      ),
    );
  });

  const frames = frameSections([...unchaptered, ...(model.outside ? [model.outside] : [])], model);
  if (model.chapters.length === 0 || frames.some(showsText))
    sections.push(
      section(
        'production',
        SectionKind.production,
        l.production,
        frames.some(showsText) ? [] : [muted(l.noNotes)],
        frames,
      ),
    );

  if (model.engagements.length > 0) {
    sections.push(
      section(
        'engagements',
        SectionKind.engagements,
        l.engagements,
        [],
        model.engagements.map((engagement, position) => {
          const blocks: Block[] = [];
          const context = [
            engagement.where,
            engagement.votes !== undefined ? l.votesCount(engagement.votes) : '',
          ].filter(Boolean);
          if (context.length > 0) blocks.push(muted(context.join(' · ')));
          if (engagement.engagement)
            blocks.push({ kind: 'quote', blocks: typedTextBlocks(engagement.engagement) });
          else blocks.push(muted(l.engagementToWrite));
          blocks.push(strong(l.criteria), { kind: 'checklist', items: engagement.criteria });
          blocks.push(strong(l.actions));
          blocks.push(
            engagement.actions.length === 0
              ? muted(l.noActions)
              : { kind: 'list', items: engagement.actions },
          );
          return section(`engagement-${position + 1}`, SectionKind.engagement, engagement.theme, blocks);
        }),
      ),
    );
  }

  if (model.actions.length > 0) {
    const f = cardFieldLabels(model.locale).action;
    sections.push(
      section(
        'actions',
        SectionKind.actions,
        l.strongActions,
        [],
        model.actions.map((action, position) => {
          const blocks: Block[] = [];
          const context = [action.where, action.votes !== undefined ? l.votesCount(action.votes) : ''].filter(
            Boolean,
          );
          if (context.length > 0) blocks.push(muted(context.join(' · ')));
          blocks.push({
            kind: 'facts',
            items: [
              { label: f.why, value: action.why },
              { label: f.firstStep, value: action.firstStep },
              { label: f.owner, value: action.owner },
            ],
          });
          return section(`action-${position + 1}`, SectionKind.action, action.action || f.action, blocks);
        }),
      ),
    );
  }

  if (model.identityCards.length > 0) {
    const f = cardFieldLabels(model.locale).identity;
    sections.push(
      section('identity-cards', SectionKind.identityCards, l.identityCards, [
        {
          kind: 'table',
          columns: [
            f.labName,
            f.academie,
            f.dedicatedSpace,
            f.innovationTypes,
            f.services,
            f.stage,
            f.needs,
            f.contact,
          ].map((label) => ({ label })),
          rows: model.identityCards.map((card) => [
            card.labName || l.unnamedLab,
            card.academie,
            card.dedicatedSpace,
            card.innovationTypes,
            card.services,
            card.stage,
            card.needs,
            card.contact,
          ]),
        },
      ]),
    );
  }

  if (model.pairings.length > 0) {
    sections.push(
      section('pairings', SectionKind.pairings, l.pairings, [
        {
          kind: 'table',
          columns: [l.pairingLab, l.pairingOther, l.pairingReason].map((label) => ({ label })),
          rows: model.pairings.map((p) => [
            p.academieA ? `${p.labA} (${p.academieA})` : p.labA,
            p.academieB ? `${p.labB} (${p.academieB})` : p.labB,
            p.reason,
          ]),
        },
      ]),
    );
  }

  const facts = [
    { label: l.exportedOn, value: model.exportedAt },
    { label: l.createdOn, value: model.createdAt },
    { label: l.template, value: model.template },
    ...(model.question ? [{ label: l.question, value: model.question }] : []),
  ];
  return {
    lang: model.locale,
    title: model.title,
    facts,
    sections,
    colophon: l.generatedBy,
    labels: {
      documentKind: l.reportFor,
      contents: l.contents,
      overview: l.overview,
      tile: l.tile,
      page: l.page,
      imageMissing: l.imageMissing,
      checked: l.checked,
      unchecked: l.unchecked,
    },
    exportedAtIso: new Date(model.exportedAtMs).toISOString(),
  };
}

/** The report document of a board, its session and log. */
export function buildReportDocument(input: ExportInput): ReportDocument {
  return reportDocumentFromModel(buildReportModel(input));
}
