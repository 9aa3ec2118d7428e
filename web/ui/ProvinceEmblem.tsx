/** A simple star-on-red mark (not the official emblem) used in the portal header. */
export function ProvinceEmblem({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false" style={{ flex: 'none' }}>
      <circle cx="16" cy="16" r="15" fill="#ffd54f" />
      <circle cx="16" cy="16" r="12.5" fill="#c62828" />
      <path d="M16 7.5l2.2 6.3h6.7l-5.4 3.9 2.1 6.4-5.6-4-5.6 4 2.1-6.4-5.4-3.9h6.7z" fill="#ffd54f" />
    </svg>
  );
}
