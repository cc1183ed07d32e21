/** @jsxImportSource @/lib/html */
/**
 * The small drawings beside each need on the public pages. Decorative: the need's label says
 * everything, so they are hidden from assistive technologies. Inline, stroked in the text's
 * colour (currentColor), no file to download — they show on a cheap phone with a slow network.
 */
import type { Html } from "@/lib/html/html";
import type { NeedIconName } from "../needs";

// Drawn once, when the module loads.
const SHAPES: Record<NeedIconName, Html> = {
  app: <><rect x="6" y="2" width="12" height="20" rx="2"/><path d="M12 6v7M9 10l3 3 3-3M10 18h4"/></>,
  key: <><circle cx="8" cy="15" r="4"/><path d="M11 12l9-9M16 7l3 3M14 9l2 2"/></>,
  mail: <><rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/></>,
  bank: <path d="M3 10l9-6 9 6M5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 21h18"/>,
  form: <path d="M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6"/>,
  "id-card": <><rect x="2" y="5" width="20" height="14" rx="2"/><circle cx="8" cy="11" r="2"/><path d="M5 16c.6-1.3 1.7-2 3-2s2.4.7 3 2M14 10h5M14 14h4"/></>,
  "job-seeker": <><circle cx="9" cy="7" r="3"/><path d="M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M16 11l2 2 4-4"/></>,
  tax: <path d="M6 2h12v20l-3-2-3 2-3-2-3 2zM9 7h6M9 11h6M9 15h3"/>,
  "town-hall": <path d="M12 5V2l3 1-3 1M3 10l9-5 9 5M5 10v11M19 10v11M3 21h18M10 21v-5h4v5M9 13h.01M15 13h.01"/>,
  home: <path d="M3 11l9-8 9 8M5 9.5V21h14V9.5M10 21v-6h4v6"/>,
  translate: <path d="M3 5h9M7.5 3v2M5 5c1 4 3.5 6.5 7 8M10 5c-1 4-3.5 6.5-7 8M13 21l4-9 4 9M14.5 18h5"/>,
  briefcase: <><rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2M3 13h18"/></>,
  learn: <><rect x="4" y="4" width="16" height="11" rx="1"/><path d="M2 19h20M12 15v4M9 8l3 2-3 2"/></>,
  printer: <path d="M7 9V3h10v6M7 17H4v-7a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v7h-3M7 14h10v7H7z"/>,
  repair: <path d="M14.5 6.5a4 4 0 0 0-5 5L3 18l3 3 6.5-6.5a4 4 0 0 0 5-5l-2.5 2.5-2.5-.5-.5-2.5z"/>,
  shield: <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4"/>,
  "alert-message": <path d="M4 4h16v12H9l-5 4zM12 7v4M12 13.5v.01"/>,
  people: <><circle cx="8" cy="8" r="3"/><circle cx="17" cy="9" r="2.5"/><path d="M2 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 14.3c.6-.2 1.3-.3 2-.3 2.8 0 5 2.2 5 5"/></>,
};

export function needIcon(name: NeedIconName, className = "h-6 w-6") {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
      class={className}
    >
      {SHAPES[name]}
    </svg>
  );
}
