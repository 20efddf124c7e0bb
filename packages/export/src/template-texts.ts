import type { Locale } from '@atelier/protocol';
import { buildBoard, getTemplate } from '@atelier/templates';
import { shapeText } from '@atelier/board-schema';

const locales: readonly Locale[] = ['fr', 'en'];
const cache = new Map<string, ReadonlySet<string>>();

/**
 * Every text a built-in template lays out (instructions, captions, frame titles, prompts on notes,
 * theme headers), in every language and for every number of groups. A shape still holding one of
 * them is the template's furniture, not something a person wrote, so the report leaves it out.
 * Empty for templates this server does not know (custom ones, imported boards).
 */
export function templateTexts(templateId: string, question = ''): ReadonlySet<string> {
  const key = `${templateId}\u0000${question}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const texts = new Set<string>();
  const template = getTemplate(templateId);
  if (template) {
    for (const locale of locales) {
      for (let groups = template.minGroups; groups <= template.maxGroups; groups++) {
        let next = 0;
        const built = buildBoard(templateId, {
          locale,
          groups,
          ...(question ? { question } : {}),
          pageId: 'page:template-texts',
          createId: () => `t${++next}`,
        });
        for (const shape of built.records) texts.add(shapeText(shape).trim());
      }
    }
  }
  texts.delete('');
  if (cache.size > 64) cache.clear();
  cache.set(key, texts);
  return texts;
}
