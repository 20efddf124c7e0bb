// The run's figures as a table (stdout) and as JSON (bench/results/<timestamp>.json).
export interface Row {
  figure: string;
  socketio: number | null;
  native: number | null;
  unit: string;
  /** Goal on the Socket.IO figure, e.g. '<= 100'. */
  goal?: string;
  /** Compare the Socket.IO/native ratio against this bound too. */
  ratioGoal?: number;
}

function format(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

export function ratio(row: Row): number | null {
  if (row.socketio === null || row.native === null || !row.native) return null;
  return row.socketio / row.native;
}

export function meetsGoal(row: Row): boolean | null {
  if (!row.goal || row.socketio === null) return null;
  const [op, raw] = row.goal.split(' ');
  const bound = Number(raw);
  const ok =
    op === '<=' ? row.socketio <= bound : op === '>=' ? row.socketio >= bound : row.socketio === bound;
  const r = ratio(row);
  return ok && (row.ratioGoal === undefined || r === null || r <= row.ratioGoal);
}

export function table(
  title: string,
  rows: Row[],
  labels: [string, string, string] = ['Socket.IO', 'native ws', 'SIO/native'],
): string {
  const header = ['figure', ...labels, 'goal', ''];
  const lines = rows.map((row) => {
    const r = ratio(row);
    const goal = row.goal
      ? `${row.goal}${row.unit ? ` ${row.unit}` : ''}${row.ratioGoal ? `, ≤${row.ratioGoal}x` : ''}`
      : '';
    const met = meetsGoal(row);
    return [
      row.figure,
      format(row.socketio, row.unit),
      format(row.native, row.unit),
      r === null ? '—' : `${r.toFixed(2)}x`,
      goal,
      met === null ? '' : met ? 'ok' : 'MISSED',
    ];
  });
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    `\n## ${title}`,
    render(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.map(render),
  ].join('\n');
}
