import { escapeHtml } from './escape';
import { cardFieldLabels, colon } from './report-labels';
import {
  buildReportModel,
  type ExportInput,
  type ReportModel,
  type ReportNote,
  type ReportSection,
} from './report-model';

// One self-contained printable file: inline CSS, no script, and a CSP that forbids fetching anything.
const styles = `
:root { color-scheme: light; --ink: #1e1e1e; --muted: #5c5c5c; --line: #d5d5d5; --accent: #000091; --note: #fff6b3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 960px; padding: 32px 24px 64px; }
h1 { font-size: 1.9em; margin: 0 0 .4em; color: var(--accent); }
h2 { font-size: 1.4em; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15em; margin: 1.5em 0 .4em; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 .3em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .93em; }
th, td { border: 1px solid var(--line); padding: .35em .55em; text-align: left; vertical-align: top; }
th { background: #f3f3f7; }
td.num { text-align: right; white-space: nowrap; }
tfoot td { font-weight: 600; }
.muted { color: var(--muted); }
.notes { list-style: none; padding: 0; margin: .4em 0; display: grid; gap: .4em; }
.notes li { background: var(--note); border-left: 4px solid #e0c200; padding: .4em .7em; white-space: pre-wrap; break-inside: avoid; }
.votes { display: inline-block; min-width: 4.5em; font-weight: 700; margin-right: .5em; }
.author { color: var(--muted); font-style: italic; white-space: normal; }
.depth-1 { margin-left: 1em; } .depth-2 { margin-left: 2em; } .depth-3 { margin-left: 3em; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em; margin: .8em 0; break-inside: avoid; }
.card blockquote { margin: .4em 0; padding-left: .8em; border-left: 3px solid var(--accent); white-space: pre-wrap; }
.criteria { list-style: none; padding-left: 0; }
.criteria li.checked { font-weight: 600; }
footer { margin-top: 3em; border-top: 1px solid var(--line); padding-top: .6em; color: var(--muted); font-size: .9em; }
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; } h3, h4 { break-after: avoid; }
  tr, .card, .notes li { break-inside: avoid; }
  .notes li { border: 1px solid #c9b600; }
}
`;

const e = escapeHtml;

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
): string {
  const head = `<thead><tr>${header.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${row.map((value) => `<td>${e(value)}</td>`).join('')}</tr>`).join('')}</tbody>`;
  const foot = footer
    ? `<tfoot><tr>${footer.map((value) => `<td>${e(value)}</td>`).join('')}</tr></tfoot>`
    : '';
  return `<table>${head}${body}${foot}</table>`;
}

function notesList(notes: readonly ReportNote[], model: ReportModel, ranked: boolean): string {
  const items = notes.map((note) => {
    const votes = ranked ? `<span class="votes">${e(model.labels.votesCount(note.votes ?? 0))}</span>` : '';
    const author = note.author ? ` <span class="author">— ${e(note.author)}</span>` : '';
    return `<li data-shape-id="${e(note.id)}">${votes}${e(note.text)}${author}</li>`;
  });
  return `<ul class="notes">${items.join('')}</ul>`;
}

function section(s: ReportSection, model: ReportModel): string {
  const level = Math.min(6, 3 + s.depth);
  const parts = [`<h${level}>${e(s.title)}</h${level}>`];
  if (s.ranked) parts.push(`<p class="muted">${e(model.labels.rankedByVotes)}</p>`);
  const zoneLevel = Math.min(6, level + 1);
  for (const zone of s.zones) {
    parts.push(`<h${zoneLevel}>${e(zone.title)}</h${zoneLevel}>`, notesList(zone.notes, model, s.ranked));
  }
  if (s.notes.length > 0) parts.push(notesList(s.notes, model, s.ranked));
  return `<section class="depth-${Math.min(3, s.depth)}" aria-label="${e(s.title)}">${parts.join('\n')}</section>`;
}

/** The report as one printable HTML document; every user text is escaped, in text and attributes. */
export function renderReportHtmlFromModel(model: ReportModel): string {
  const l = model.labels;
  const c = colon(model.locale);
  const body: string[] = [];
  body.push(`<header><h1>${e(model.title)}</h1><dl class="facts">`);
  const fact = (label: string, value: string) => body.push(`<dt>${e(label)}</dt><dd>${e(value)}</dd>`);
  fact(l.exportedOn, model.exportedAt);
  fact(l.createdOn, model.createdAt);
  fact(l.template, model.template);
  if (model.question) fact(l.question, model.question);
  body.push('</dl></header>');

  body.push(`<h2>${e(l.sequence)}</h2>`);
  body.push(
    model.steps.length === 0
      ? `<p class="muted">${e(l.noSteps)}</p>`
      : table(
          [l.stepNumber, l.step, l.kind, l.planned, l.actual, l.status],
          model.steps.map((step) => [
            step.number,
            step.title,
            step.kind,
            step.extended ? `${step.planned} (${step.extended})` : step.planned,
            step.actual,
            step.status,
          ]),
          ['', l.total, '', model.totals.planned, model.totals.actual, ''],
        ),
  );

  body.push(`<h2>${e(l.people)}</h2>`);
  body.push(
    model.people.length === 0
      ? `<p class="muted">${e(l.noPeople)}</p>`
      : table(
          [l.name, l.lab, l.group, l.role],
          model.people.map((p) => [p.name, p.lab, p.group, p.role]),
        ),
  );
  if (model.groups.length > 0) {
    body.push(`<h3>${e(l.groups)}</h3><ul>`);
    for (const group of model.groups) {
      body.push(
        `<li><strong>${e(group.name)}</strong>${e(c)}${e(group.members.join(', ') || l.noMembers)}</li>`,
      );
    }
    body.push('</ul>');
  }

  if (model.votes.length > 0) {
    body.push(`<h2>${e(l.votes)}</h2>`);
    for (const vote of model.votes) {
      const facts = [vote.when, vote.voters, vote.settings, vote.open ? l.voteOpen : '']
        .filter(Boolean)
        .join(' · ');
      body.push(`<h3>${e(vote.title)}</h3>`);
      body.push(`<p class="muted">${e(vote.where ? `${facts} · ${l.onFrame} ${vote.where}` : facts)}</p>`);
      if (vote.results.length > 0) {
        body.push(
          `<ul class="notes">${vote.results
            .map((r) => `<li><span class="votes">${e(l.votesCount(r.count))}</span>${e(r.label)}</li>`)
            .join('')}</ul>`,
        );
      }
    }
  }

  const sections = [...model.sections, ...(model.outside ? [model.outside] : [])];
  body.push(`<h2>${e(l.production)}</h2>`);
  if (sections.length === 0) body.push(`<p class="muted">${e(l.noNotes)}</p>`);
  for (const s of sections) body.push(section(s, model));

  if (model.engagements.length > 0) {
    body.push(`<h2>${e(l.engagements)}</h2>`);
    for (const engagement of model.engagements) {
      const context = [engagement.where, engagement.votes !== undefined ? l.votesCount(engagement.votes) : '']
        .filter(Boolean)
        .join(' · ');
      body.push(`<article class="card" aria-label="${e(engagement.theme)}"><h3>${e(engagement.theme)}</h3>`);
      if (context) body.push(`<p class="muted">${e(context)}</p>`);
      if (engagement.engagement) body.push(`<blockquote>${e(engagement.engagement)}</blockquote>`);
      body.push(`<h4>${e(l.criteria)}</h4><ul class="criteria">`);
      for (const criterion of engagement.criteria) {
        body.push(
          `<li${criterion.checked ? ' class="checked"' : ''}>${criterion.checked ? '☑' : '☐'} ${e(criterion.label)}</li>`,
        );
      }
      body.push(`</ul><h4>${e(l.actions)}</h4>`);
      body.push(
        engagement.actions.length === 0
          ? `<p class="muted">${e(l.noActions)}</p>`
          : `<ul>${engagement.actions.map((action) => `<li>${e(action)}</li>`).join('')}</ul>`,
      );
      body.push('</article>');
    }
  }

  if (model.actions.length > 0) {
    const f = cardFieldLabels(model.locale).action;
    body.push(`<h2>${e(l.strongActions)}</h2>`);
    for (const action of model.actions) {
      const context = [action.where, action.votes !== undefined ? l.votesCount(action.votes) : '']
        .filter(Boolean)
        .join(' · ');
      body.push(`<article class="card"><h3>${e(action.action || f.action)}</h3>`);
      if (context) body.push(`<p class="muted">${e(context)}</p>`);
      body.push('<dl class="facts">');
      for (const [label, value] of [
        [f.why, action.why],
        [f.firstStep, action.firstStep],
        [f.owner, action.owner],
      ] as const) {
        body.push(`<dt>${e(label)}</dt><dd>${e(value)}</dd>`);
      }
      body.push('</dl></article>');
    }
  }

  if (model.identityCards.length > 0) {
    const f = cardFieldLabels(model.locale).identity;
    body.push(`<h2>${e(l.identityCards)}</h2>`);
    body.push(
      table(
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

  body.push(`<footer>${e(l.generatedBy)}</footer>`);

  return [
    '<!doctype html>',
    `<html lang="${model.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(`${l.reportFor} — ${model.title}`)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The workshop report as a single self-contained, printable HTML file. */
export function renderReportHtml(input: ExportInput): string {
  return renderReportHtmlFromModel(buildReportModel(input));
}
