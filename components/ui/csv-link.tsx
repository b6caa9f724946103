/** A link to a CSV the server builds when it is asked for (not carried in the page). */
export function CsvDownloadLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className="text-sm font-medium text-brand-700 underline">
      {label}
    </a>
  );
}
