// The owner of a board relays what its room sends to the clients of another process in batches.

/** Separates the fields of every relay frame: ids and kinds never hold one, texts are length-prefixed. */
export const SEP = '\u0000';

/**
 * What a room sends during one tick to the clients of one process travels as one PUBLISH. A
 * broadcast gives most sessions the same text, so each distinct message is carried once:
 * `count NUL (length NUL message){count}` then `sessionId NUL index NUL` per delivery, in the order
 * the room sent them (each session's messages stay in order).
 */
export function encodeRelayBatch(messages: [string, string][]): string {
  const indexOf = new Map<string, number>();
  let texts = '';
  let deliveries = '';
  for (const [sessionId, data] of messages) {
    let index = indexOf.get(data);
    if (index === undefined) {
      index = indexOf.size;
      indexOf.set(data, index);
      texts += `${data.length}${SEP}${data}`;
    }
    deliveries += `${sessionId}${SEP}${index}${SEP}`;
  }
  return `${indexOf.size}${SEP}${texts}${deliveries}`;
}

export function* decodeRelayBatch(batch: string): Generator<[string, string]> {
  const afterCount = batch.indexOf(SEP);
  if (afterCount < 0) return;
  const count = Number(batch.slice(0, afterCount));
  const texts: string[] = [];
  let at = afterCount + 1;
  for (let i = 0; i < count; i++) {
    const afterLength = batch.indexOf(SEP, at);
    if (afterLength < 0) return;
    const length = Number(batch.slice(at, afterLength));
    texts.push(batch.slice(afterLength + 1, afterLength + 1 + length));
    at = afterLength + 1 + length;
  }
  while (at < batch.length) {
    const afterId = batch.indexOf(SEP, at);
    const afterIndex = batch.indexOf(SEP, afterId + 1);
    if (afterId < 0 || afterIndex < 0) return;
    const text = texts[Number(batch.slice(afterId + 1, afterIndex))];
    if (text !== undefined) yield [batch.slice(at, afterId), text];
    at = afterIndex + 1;
  }
}
