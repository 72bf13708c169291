/** A worker's photo, or their initials on a tinted circle when there is none. */
export function WorkerAvatar({ name, url, size = "md" }: { name: string; url: string | null; size?: "md" | "lg" }) {
  const box = size === "lg" ? "h-24 w-24 text-2xl" : "h-16 w-16 text-lg";
  if (url) {
    return (
      // biome-ignore lint/performance/noImgElement: photos come from any host a manager names; next/image needs each host configured
      <img src={url} alt="" width={96} height={96} className={`${box} shrink-0 rounded-full object-cover`} />
    );
  }
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-brand-light font-semibold text-brand-dark`}
    >
      {initials}
    </span>
  );
}
