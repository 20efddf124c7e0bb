// Mounted inside <Tldraw>: the write rules mirrored in this person's editor (write-guard.ts), and the
// page menu their role allows.
import { useEffect, useRef } from 'react';
import { DefaultPageMenu, useEditor, useValue, type TLUiOverrides } from 'tldraw';
import type { Writer } from '@atelier/board-schema';
import { ErrorCode } from '@atelier/protocol';
import { useFacilitation } from '../facilitation/use-facilitation';
import { useI18n } from '../shared/i18n';
import { useBoard } from './board-context';
import { registerWriteGuard } from './write-guard';

export function WriteGuardLayer() {
  const editor = useEditor();
  const { connection } = useBoard();
  const { role, me } = useFacilitation();
  // Until the server has said who this is, the strictest role: a participant.
  const writer = useRef<Writer>({ role: 'participant', userId: me });
  useEffect(() => {
    writer.current = { role: role ?? 'participant', userId: me };
  }, [role, me]);
  useEffect(
    () =>
      registerWriteGuard(
        editor,
        () => writer.current,
        (rule) => connection.notice({ code: ErrorCode.protected, message: 'refused in the editor', rule }),
      ),
    [editor, connection],
  );
  return null;
}

/** The facilitator gets tldraw's page menu; a participant only switches pages, when there are several. */
export function RolePageMenu() {
  const { isFacilitator } = useFacilitation();
  return isFacilitator ? <DefaultPageMenu /> : <PageSwitcher />;
}

function PageSwitcher() {
  const editor = useEditor();
  const { t } = useI18n();
  const pages = useValue('pages', () => editor.getPages(), [editor]);
  const current = useValue('current page', () => editor.getCurrentPageId(), [editor]);
  if (pages.length < 2) return null;
  return (
    <select
      className="page-switcher"
      aria-label={t.pageSwitch}
      value={current}
      onChange={(event) => editor.setCurrentPage(event.target.value as (typeof pages)[number]['id'])}
    >
      {pages.map((page) => (
        <option key={page.id} value={page.id}>
          {page.name}
        </option>
      ))}
    </select>
  );
}

/** What a participant's menus leave out: moving shapes to a new page, unlocking the template's shapes. */
export const participantMenuOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const { 'move-to-new-page': _newPage, 'unlock-all': _unlockAll, ...kept } = actions;
    return kept;
  },
};
