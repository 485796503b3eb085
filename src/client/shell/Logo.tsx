/** The Balai Kota mark: a red-and-white gable over three counter windows. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 40 40" width="36" height="36" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="38" height="38" rx="9" fill="#c8102e" />
      <path d="M8 17 L20 8 L32 17 Z" fill="#fff" />
      <rect x="9" y="19" width="22" height="13" rx="1.5" fill="#fff" />
      <rect x="12" y="22" width="4" height="7" fill="#c8102e" />
      <rect x="18" y="22" width="4" height="7" fill="#c8102e" />
      <rect x="24" y="22" width="4" height="7" fill="#c8102e" />
    </svg>
  );
}
