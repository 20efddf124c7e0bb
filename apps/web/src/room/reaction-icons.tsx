// The reactions, drawn in SVG: emoji fonts are missing on many workstations (S-ROOM-5).
import { ReactionIcon } from '@atelier/protocol';
import type { RoomMessages } from './room-messages';

export const reactionIcons: readonly ReactionIcon[] = [
  ReactionIcon.thumbsUp,
  ReactionIcon.heart,
  ReactionIcon.idea,
  ReactionIcon.question,
];

const labelKeys = {
  [ReactionIcon.thumbsUp]: 'reactThumbsUp',
  [ReactionIcon.heart]: 'reactHeart',
  [ReactionIcon.idea]: 'reactIdea',
  [ReactionIcon.question]: 'reactQuestion',
} as const satisfies Record<ReactionIcon, keyof RoomMessages>;

export function reactionLabel(icon: ReactionIcon, m: RoomMessages): string {
  return m[labelKeys[icon]];
}

export function ReactionGlyph({ icon, size = 24 }: { icon: ReactionIcon; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      {icon === ReactionIcon.thumbsUp && (
        <path
          d="M7 10v10H4V10zm2 10h8.2a2 2 0 0 0 2-1.6l1.2-6A2 2 0 0 0 18.4 10H14l.8-4a1.8 1.8 0 0 0-3.3-1.3L9 10z"
          fill="#fcc63a"
          stroke="#6b4b00"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
      )}
      {icon === ReactionIcon.heart && (
        <path
          d="M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.4 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z"
          fill="#e1000f"
          stroke="#7a0008"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
      )}
      {icon === ReactionIcon.idea && (
        <>
          <path
            d="M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2V17h5v-1.1c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z"
            fill="#ffe552"
            stroke="#6b4b00"
            strokeWidth="1.4"
            strokeLinejoin="round"
          />
          <path d="M9.5 19.5h5M10.5 21.5h3" stroke="#6b4b00" strokeWidth="1.4" strokeLinecap="round" />
        </>
      )}
      {icon === ReactionIcon.question && (
        <>
          <circle cx="12" cy="12" r="9.5" fill="#000091" />
          <path
            d="M9.3 9.3a2.8 2.8 0 1 1 4 2.5c-.8.4-1.3 1-1.3 1.9v.6"
            fill="none"
            stroke="#ffffff"
            strokeWidth="2"
            strokeLinecap="round"
          />
          <circle cx="12" cy="17.3" r="1.2" fill="#ffffff" />
        </>
      )}
    </svg>
  );
}
