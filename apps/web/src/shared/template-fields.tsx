// The fields every "which template, how many groups" form shares: the home page, the programme
// composer and the facilitator's "add a section".
import type { Locale, TemplateSummary } from '@atelier/protocol';

/** One `<option>` per template: its title and its total duration. */
export function TemplateOptions({
  templates,
  locale,
}: {
  templates: readonly TemplateSummary[];
  locale: Locale;
}) {
  return templates.map((candidate) => (
    <option key={candidate.id} value={candidate.id}>
      {candidate.title[locale]} ({Math.round(candidate.totalDurationMs / 60_000)} min)
    </option>
  ));
}

/** The number of groups, within what the template allows. */
export function GroupsInput({
  id,
  template,
  value,
  onChange,
}: {
  id: string;
  template: Pick<TemplateSummary, 'minGroups' | 'maxGroups'>;
  value: number;
  onChange: (groups: number) => void;
}) {
  return (
    <input
      id={id}
      type="number"
      min={template.minGroups}
      max={template.maxGroups}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
    />
  );
}
