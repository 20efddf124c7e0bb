import { escapeMarkdown } from './escape';
import { cardFieldLabels, colon } from './report-labels';
import {
  buildReportModel,
  type ExportInput,
  type ReportModel,
  type ReportNote,
  type ReportSection,
} from './report-model';

/** Inline text: escaped, line breaks kept as Markdown hard breaks, continuation lines indented. */
function inline(text: string, indent = ''): string {
  return escapeMarkdown(text).split('\n').join(`\\\n${indent}`);
}

/** A table cell holds one line: breaks become spaces. */
function cell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '), { blockStart: false }) || ' ';
}

/** Text inside a line that already started (after a label, in emphasis, in a heading). */
function phrase(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '), { blockStart: false });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(6, level))} ${phrase(text)}`;
}

function noteLine(note: ReportNote, model: ReportModel, ranked: boolean): string {
  const l = model.labels;
  const votes = ranked ? `**${l.votesCount(note.votes ?? 0)}** · ` : '';
  const author = note.author ? ` — *${phrase(note.author)}*` : '';
  return `- ${votes}${inline(note.text, '  ')}${author}`;
}

function sectionLines(section: ReportSection, model: ReportModel): string[] {
  const l = model.labels;
  const level = 3 + section.depth;
  const lines = ['', heading(level, section.title)];
  if (section.ranked && (section.notes.length > 0 || section.zones.length > 0))
    lines.push('', `*${l.rankedByVotes}*`);
  for (const zone of section.zones) {
    lines.push(
      '',
      heading(level + 1, zone.title),
      '',
      ...zone.notes.map((note) => noteLine(note, model, section.ranked)),
    );
  }
  if (section.notes.length > 0) {
    lines.push('', ...section.notes.map((note) => noteLine(note, model, section.ranked)));
  }
  return lines;
}

/** The report as Markdown (CommonMark + GFM tables); every user text is escaped. */
export function renderReportMarkdownFromModel(model: ReportModel): string {
  const l = model.labels;
  const c = colon(model.locale);
  const out: string[] = [heading(1, model.title), ''];
  out.push(`- **${l.exportedOn}**${c}${model.exportedAt}`);
  out.push(`- **${l.createdOn}**${c}${model.createdAt}`);
  out.push(`- **${l.template}**${c}${phrase(model.template)}`);
  if (model.question) out.push(`- **${l.question}**${c}${inline(model.question, '  ')}`);

  out.push('', `## ${l.sequence}`, '');
  if (model.steps.length === 0) out.push(l.noSteps);
  else {
    out.push(
      ...table(
        [l.stepNumber, l.step, l.kind, l.planned, l.actual, l.status],
        [
          ...model.steps.map((step) => [
            step.number,
            step.title,
            step.kind,
            step.extended ? `${step.planned} (${step.extended})` : step.planned,
            step.actual,
            step.status,
          ]),
          ['', l.total, '', model.totals.planned, model.totals.actual, ''],
        ],
      ),
    );
  }

  out.push('', `## ${l.people}`, '');
  if (model.people.length === 0) out.push(l.noPeople);
  else {
    out.push(
      ...table(
        [l.name, l.lab, l.group, l.role],
        model.people.map((p) => [p.name, p.lab, p.group, p.role]),
      ),
    );
  }
  if (model.groups.length > 0) {
    out.push('', `### ${l.groups}`, '');
    for (const group of model.groups) {
      out.push(`- **${phrase(group.name)}**${c}${group.members.map(phrase).join(', ') || l.noMembers}`);
    }
  }

  if (model.votes.length > 0) {
    out.push('', `## ${l.votes}`);
    for (const vote of model.votes) {
      out.push('', heading(3, vote.title), '');
      const facts = [vote.when, vote.voters, vote.settings, vote.open ? l.voteOpen : '']
        .filter(Boolean)
        .join(' · ');
      out.push(vote.where ? `${facts} · ${l.onFrame} ${phrase(vote.where)}` : facts);
      if (vote.results.length > 0) {
        out.push('', ...vote.results.map((r) => `- **${l.votesCount(r.count)}** · ${phrase(r.label)}`));
      }
    }
  }

  const sections = [...model.sections, ...(model.outside ? [model.outside] : [])];
  out.push('', `## ${l.production}`);
  if (sections.length === 0) out.push('', l.noNotes);
  for (const section of sections) out.push(...sectionLines(section, model));

  if (model.engagements.length > 0) {
    out.push('', `## ${l.engagements}`);
    for (const engagement of model.engagements) {
      out.push('', heading(3, engagement.theme), '');
      if (engagement.where || engagement.votes !== undefined) {
        const votes = engagement.votes !== undefined ? l.votesCount(engagement.votes) : '';
        out.push(`*${[phrase(engagement.where), votes].filter(Boolean).join(' · ')}*`, '');
      }
      if (engagement.engagement) out.push(`> ${inline(engagement.engagement, '> ')}`, '');
      out.push(`**${l.criteria}**`, '');
      out.push(
        ...engagement.criteria.map(
          (criterion) => `- [${criterion.checked ? 'x' : ' '}] ${phrase(criterion.label)}`,
        ),
      );
      out.push('', `**${l.actions}**`, '');
      if (engagement.actions.length === 0) out.push(l.noActions);
      else out.push(...engagement.actions.map((action) => `- ${inline(action, '  ')}`));
    }
  }

  if (model.actions.length > 0) {
    out.push('', `## ${l.strongActions}`);
    const f = cardFieldLabels(model.locale).action;
    for (const action of model.actions) {
      out.push('', heading(3, action.action || f.action), '');
      const context = [action.where, action.votes !== undefined ? l.votesCount(action.votes) : ''].filter(
        Boolean,
      );
      if (context.length > 0) out.push(`*${context.map(phrase).join(' · ')}*`, '');
      out.push(`- **${f.why}**${c}${inline(action.why, '  ')}`);
      out.push(`- **${f.firstStep}**${c}${inline(action.firstStep, '  ')}`);
      out.push(`- **${f.owner}**${c}${inline(action.owner, '  ')}`);
    }
  }

  if (model.identityCards.length > 0) {
    const f = cardFieldLabels(model.locale).identity;
    out.push('', `## ${l.identityCards}`, '');
    out.push(
      ...table(
        [f.labName, f.academie, f.dedicatedSpace, f.innovationTypes, f.services, f.stage, f.contact],
        model.identityCards.map((card) => [
          card.labName || l.unnamedLab,
          card.academie,
          card.dedicatedSpace,
          card.innovationTypes,
          card.services,
          card.stage,
          card.contact,
        ]),
      ),
    );
  }

  out.push('', '---', '', `*${l.generatedBy}*`, '');
  return out.join('\n');
}

/** The workshop report as Markdown, readable by someone who was not there. */
export function renderReportMarkdown(input: ExportInput): string {
  return renderReportMarkdownFromModel(buildReportModel(input));
}
