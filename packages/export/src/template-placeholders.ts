import type { Locale } from '@atelier/protocol';
import { buildBoard, getTemplate } from '@atelier/templates';
import { shapeText } from '@atelier/board-schema';

const locales: readonly Locale[] = ['fr', 'en'];

/**
 * Texts of the sticky notes a built-in template lays out as prompts ("Demande du client : …"), in
 * every language. A note still holding one of them was never filled in, so the report leaves it out.
 * Empty for templates this server does not know (custom ones).
 */
export function templatePlaceholderTexts(templateId: string): ReadonlySet<string> {
  const texts = new Set<string>();
  if (!getTemplate(templateId)) return texts;
  for (const locale of locales) {
    let next = 0;
    const built = buildBoard(templateId, {
      locale,
      pageId: 'page:placeholders',
      createId: () => `p${++next}`,
    });
    for (const shape of built.records) {
      if (shape.type === 'note') texts.add(shapeText(shape).trim());
    }
  }
  texts.delete('');
  return texts;
}
